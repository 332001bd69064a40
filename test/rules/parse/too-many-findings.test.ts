import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
/** `n` unknown keys under spec: exactly `n` findings. */
const unknown = (n: number) => edit(IDENTITY, '  type: workload\n', `  type: workload\n${Array.from({ length: n }, (_, i) => `  junk${i}: x\n`).join('')}`);

ruleTable('parse/too-many-findings', {
  good: [
    { name: 'a clean manifest', files: { [at]: IDENTITY } },
    { name: 'exactly 50 findings are all shown', files: { [at]: unknown(50) } },
  ],
  bad: [
    { name: '51 findings: 49 shown and this one', files: { [at]: unknown(51) }, expect: [{ line: 1, column: 1, message: /^2 more findings in this file are not shown/ }] },
    { name: 'hundreds of unknown keys', files: { [at]: unknown(300) }, expect: [{ line: 1, column: 1, message: /^251 more findings/ }] },
    { name: 'per file: each flooded file says so', files: { [at]: unknown(60), 'identities/payments/other.yaml': unknown(60) }, expect: [{ file: at, line: 1, column: 1 }, { file: 'identities/payments/other.yaml', line: 1, column: 1 }] },
  ],
});
