import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const without = (text: string): string => edit(text, '    owner: alice@example.com\n', '');

ruleTable('stewardship/owner-required', {
  good: [
    { name: 'owner present', files: { [at]: IDENTITY } },
    { name: 'tombstone without one', files: { [at]: `${without(IDENTITY)}  status: decommissioned\n` } },
  ],
  bad: [
    {
      name: 'owner missing (as idac import leaves it when no tag names one)',
      files: { [at]: without(IDENTITY) },
      expect: [{ line: 8, column: 3, messageId: 'missing', message: /spec\.stewardship\.owner is required/ }],
    },
    {
      name: 'suspended identities need one too',
      files: { [at]: `${without(IDENTITY)}  status: suspended\n` },
      expect: [{ line: 8, column: 3, messageId: 'missing' }],
    },
  ],
});
