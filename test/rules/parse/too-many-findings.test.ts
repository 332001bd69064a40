import { describe, expect, it } from 'vitest';
import { edit, IDENTITY, ruleTable, run } from '../harness.js';

const at = 'identities/payments/app.yaml';
/** `n` unknown keys under spec: exactly `n` findings. */
const unknown = (n: number) =>
  edit(
    IDENTITY,
    '  type: workload\n',
    `  type: workload\n${Array.from({ length: n }, (_, i) => `  junk${i}: x\n`).join('')}`,
  );

/**
 * 65 warnings (partial wildcards that reach write actions on objects) on line 23, then an error (a
 * misspelt action) on line 25. Every wildcard acts on the object ARN, so none grants nothing.
 */
const wild = [
  'PutObjectRetention',
  'DeleteObjectVersion',
  'AbortMultipartUpload',
  'RestoreObject',
  'ReplicateT',
].flatMap((n) => Array.from({ length: n.length - 3 }, (_, k) => `s3:${n.slice(0, k + 4)}*`));
const padded = edit(
  IDENTITY,
  '        - actions: [s3:GetObject]\n',
  `        - actions: [${wild.join(', ')}]\n          resources: [arn:aws:s3:::bank-drop/*]\n        - ` +
    `actions: [s3:GetObjekt]\n`,
);

ruleTable('parse/too-many-findings', {
  good: [
    { name: 'a clean manifest', files: { [at]: IDENTITY } },
    { name: 'exactly 50 findings are all shown', files: { [at]: unknown(50) } },
  ],
  bad: [
    {
      name: '51 findings: 49 shown and this one',
      files: { [at]: unknown(51) },
      expect: [{ line: 1, column: 1, messageId: 'notShown', message: /^2 more findings in this file are not shown/ }],
    },
    {
      name: 'hundreds of unknown keys',
      files: { [at]: unknown(300) },
      expect: [{ line: 1, column: 1, messageId: 'notShown', message: /^251 more findings/ }],
    },
    {
      name: 'warnings cannot push an error out of sight: 65 wildcard warnings on line 23, an unknown action on line 25',
      files: { [at]: padded },
      expect: [{ line: 1, column: 1, messageId: 'notShown', message: /^17 more findings in this file are not shown/ }],
    },
    {
      name: 'per file: each flooded file says so',
      files: { [at]: unknown(60), 'identities/payments/other.yaml': unknown(60) },
      expect: [
        { file: at, line: 1, column: 1, messageId: 'notShown' },
        { file: 'identities/payments/other.yaml', line: 1, column: 1, messageId: 'notShown' },
      ],
    },
  ],
});

describe('parse/too-many-findings keeps errors', () => {
  it('the error after 65 warnings is among the 49 shown, so validate still fails', async () => {
    const findings = await run({ name: 'padded', files: { [at]: padded } });
    expect(findings).toHaveLength(50);
    expect(findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.line, f.column])).toEqual([
      ['aws/unknown-action', 25, 21],
    ]);
    expect(findings.filter((f) => f.rule === 'aws/wildcard-expands-to-write')).toHaveLength(48);
    // Still in file order.
    expect(findings.slice(0, -1).map((f) => f.line)).toEqual(
      [...findings.slice(0, -1).map((f) => f.line)].sort((a, b) => a - b),
    );
  });
});
