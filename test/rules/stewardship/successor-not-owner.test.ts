import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const successor = (email: string) => edit(IDENTITY, 'successor: bob@example.com', `successor: ${email}`);

ruleTable('stewardship/successor-not-owner', {
  good: [
    { name: 'a different member', files: { [at]: IDENTITY } },
    { name: 'org.yaml absent, different people', files: { 'identities/org.yaml': null, [at]: IDENTITY } },
    { name: 'tombstone', files: { [at]: `${successor('alice@example.com')}  status: decommissioned\n` } },
  ],
  bad: [
    {
      name: 'successor is the owner',
      files: { [at]: successor('alice@example.com') },
      expect: [
        { line: 10, column: 16, messageId: 'isOwner', message: /successor alice@example\.com is also the owner/ },
      ],
    },
    {
      name: 'emails compare case-insensitively',
      files: { [at]: successor('ALICE@Example.com') },
      expect: [{ line: 10, column: 16, messageId: 'isOwner' }],
    },
    {
      name: 'without org.yaml too',
      files: { 'identities/org.yaml': null, [at]: successor('alice@example.com') },
      expect: [{ line: 10, column: 16, messageId: 'isOwner' }],
    },
  ],
});
