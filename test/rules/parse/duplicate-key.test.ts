import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';

ruleTable('parse/duplicate-key', {
  good: [
    { name: 'a clean manifest', files: { [at]: IDENTITY } },
    {
      name: 'the same key in different mappings',
      files: { [at]: edit(IDENTITY, '  name: app\n', '  name: app\n  labels:\n    team: payments\n    name: app\n') },
    },
  ],
  bad: [
    {
      name: 'plain key twice',
      files: { [at]: edit(IDENTITY, '  type: workload\n', '  type: workload\n  type: bot\n') },
      expect: [
        {
          line: 7,
          column: 3,
          messageId: 'duplicate',
          message: /^duplicate key "type" \(also on line 6\); YAML would silently keep only one of them/,
        },
      ],
    },
    {
      name: 'quoted and plain',
      files: { [at]: edit(IDENTITY, '  type: workload\n', '  type: workload\n  "type": bot\n') },
      expect: [{ line: 7, column: 3, messageId: 'duplicate', message: /also on line 6/ }],
    },
    {
      name: 'single-quoted and plain',
      files: { [at]: edit(IDENTITY, '  type: workload\n', "  type: workload\n  'type': bot\n") },
      expect: [{ line: 7, column: 3, messageId: 'duplicate', message: /also on line 6/ }],
    },
    {
      name: 'explicit ? key',
      files: { [at]: edit(IDENTITY, '  type: workload\n', '  type: workload\n  ? type\n  : bot\n') },
      expect: [{ line: 7, column: 5, messageId: 'duplicate', message: /also on line 6/ }],
    },
    {
      name: 'nested, far apart',
      files: { [at]: `${IDENTITY}  stewardship: {}\n` },
      expect: [
        { line: 25, column: 3, messageId: 'duplicate', message: /duplicate key "stewardship" \(also on line 8\)/ },
      ],
    },
    {
      name: 'in a flow mapping',
      files: { [at]: edit(IDENTITY, '{ cluster: prod-eu,', '{ cluster: prod-eu, cluster: dev,') },
      expect: [{ line: 21, column: 41, messageId: 'duplicate' }],
    },
    {
      name: 'three times: each repeat named',
      files: { [at]: edit(IDENTITY, '  type: workload\n', '  type: workload\n  type: bot\n  type: device\n') },
      expect: [
        { line: 7, column: 3, messageId: 'duplicate' },
        { line: 8, column: 3, messageId: 'duplicate', message: /also on line 6/ },
      ],
    },
    {
      name: 'in org.yaml',
      files: { 'identities/org.yaml': edit(ORG, '    risk:\n', '    payments:\n') },
      expect: [
        {
          file: 'identities/org.yaml',
          line: 12,
          column: 5,
          messageId: 'duplicate',
          message: /duplicate key "payments" \(also on line 6\)/,
        },
      ],
    },
  ],
});
