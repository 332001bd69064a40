import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const tagged = (from: string, to: string) => ({ [at]: edit(IDENTITY, from, to) });

ruleTable('parse/tag', {
  good: [
    { name: 'a clean manifest', files: { [at]: IDENTITY } },
    {
      name: '! inside text',
      files: tagged('purpose: Reads settlement files', 'purpose: Reads settlement files!! Really! from !here'),
    },
    { name: '! inside a quoted value', files: tagged('type: workload', 'type: "!!str workload"') },
  ],
  bad: [
    {
      name: '!!binary',
      files: tagged('type: workload', 'type: !!binary d29ya2xvYWQ='),
      expect: [
        {
          line: 6,
          column: 9,
          messageId: 'explicitTag',
          message: /^explicit YAML tag \(!tag or !!type\): tags are not allowed/,
        },
      ],
    },
    {
      name: '!!int "12"',
      files: tagged('account: "123456789012"', 'account: !!int "12"'),
      expect: [{ line: 18, column: 16, messageId: 'explicitTag' }],
    },
    {
      name: '!vault x (a custom tag)',
      files: tagged('principal: role', 'principal: !vault x'),
      expect: [{ line: 19, column: 18, messageId: 'explicitTag' }],
    },
    {
      name: '!!str 0777',
      files: tagged('team: payments', 'team: !!str 0777'),
      expect: [{ line: 11, column: 11, messageId: 'explicitTag' }],
    },
    {
      name: '!!timestamp',
      files: tagged('expires: 2027-05-31', 'expires: !!timestamp 2027-05-31'),
      expect: [{ line: 12, column: 12, messageId: 'explicitTag' }],
    },
    {
      name: '!!python/object and !!js/function',
      files: {
        [at]: edit(
          tagged('type: workload', 'type: !!python/object:os.system [ls]')[at],
          'purpose: Reads settlement files from the bank drop bucket.',
          'purpose: !!js/function "function () {}"',
        ),
      },
      expect: [
        { line: 6, column: 9, messageId: 'explicitTag' },
        { line: 7, column: 12, messageId: 'explicitTag' },
      ],
    },
    {
      name: 'a verbatim tag',
      files: tagged('type: workload', 'type: !<tag:yaml.org,2002:str> workload'),
      expect: [{ line: 6, column: 9, messageId: 'explicitTag' }],
    },
    {
      name: 'a tag on a key',
      files: tagged('  type: workload\n', '  !!str type: workload\n'),
      expect: [{ line: 6, column: 3, messageId: 'explicitTag' }],
    },
    {
      name: 'a tag on a mapping',
      files: tagged('  stewardship:\n', '  stewardship: !!map\n'),
      expect: [{ line: 8, column: 16, messageId: 'explicitTag' }],
    },
    {
      name: 'a %TAG shorthand',
      files: { [at]: `%TAG !e! tag:yaml.org,2002:\n---\n${edit(IDENTITY, 'type: workload', 'type: !e!str workload')}` },
      expect: [{ line: 8, column: 9, messageId: 'explicitTag' }],
    },
  ],
});
