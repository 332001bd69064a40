import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';

ruleTable('parse/duplicate-key-normalized', {
  good: [
    { name: 'a clean manifest', files: { [at]: IDENTITY } },
    {
      name: 'keys that differ by more than case',
      files: { [at]: edit(IDENTITY, '  name: app\n', '  name: app\n  labels:\n    env: prod\n    envs: prod\n') },
    },
    {
      name: 'the same spelling in different mappings',
      files: { [at]: edit(IDENTITY, '  name: app\n', '  name: app\n  labels:\n    Name: app\n') },
    },
  ],
  bad: [
    {
      name: 'Name and name',
      files: { [at]: edit(IDENTITY, '  name: app\n', '  name: app\n  Name: app\n') },
      expect: [
        {
          line: 5,
          column: 3,
          messageId: 'lookAlike',
          message: /^key "Name" differs from "name" \(line 4\) only by case or Unicode normalisation/,
        },
      ],
    },
    {
      name: 'TYPE after type',
      files: { [at]: edit(IDENTITY, '  type: workload\n', '  type: workload\n  TYPE: bot\n') },
      expect: [{ line: 7, column: 3, messageId: 'lookAlike', message: /"TYPE" differs from "type" \(line 6\)/ }],
    },
    {
      name: 'café composed (U+00E9) and decomposed (e + U+0301)',
      files: { [at]: edit(IDENTITY, '  name: app\n', '  name: app\n  labels:\n    caf\u00e9: a\n    cafe\u0301: b\n') },
      expect: [
        {
          line: 7,
          column: 5,
          messageId: 'lookAlike',
          message: /^key "cafe\\u0301" differs from "caf\\u00e9" \(line 6\)/,
        },
      ],
    },
    {
      name: 'full-width letters fold onto ASCII',
      files: { [at]: edit(IDENTITY, '  name: app\n', '  name: app\n  \uff4e\uff41\uff4d\uff45: x\n') },
      expect: [{ line: 5, column: 3, messageId: 'lookAlike', message: /differs from "name" \(line 4\)/ }],
    },
  ],
});
