import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const without = (text: string): string => edit(text, '    successor: bob@example.com\n', '');

ruleTable('stewardship/successor-required', {
  good: [
    { name: 'successor present', files: { [at]: IDENTITY } },
    { name: 'tombstone without one', files: { [at]: `${without(IDENTITY)}  status: decommissioned\n` } },
  ],
  bad: [
    {
      name: 'successor missing (as idac import leaves it when no tag names one)',
      files: { [at]: without(IDENTITY) },
      expect: [{ line: 8, column: 3, messageId: 'missing', message: /spec\.stewardship\.successor is required/ }],
    },
    {
      name: 'suspended identities need one too',
      files: { [at]: `${without(IDENTITY)}  status: suspended\n` },
      expect: [{ line: 8, column: 3, messageId: 'missing' }],
    },
  ],
});
