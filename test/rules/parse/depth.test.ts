import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
// 200 block mappings, each indented two more than the last.
const deepBlock = `${Array.from({ length: 200 }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n')} x\n`;

ruleTable('parse/depth', {
  good: [
    { name: 'a clean manifest', files: { [at]: IDENTITY } },
    // The root mapping is level 0 and spec level 1: 31 lists inside spec reach level 32, the most allowed.
    {
      name: 'nesting at exactly the limit of 32 levels',
      files: {
        [at]: edit(IDENTITY, '  type: workload\n', `  type: workload\n  deep: ${'['.repeat(31)}${']'.repeat(31)}\n`),
      },
    },
  ],
  bad: [
    {
      name: '5,000 unclosed [ : reported at the 33rd, before the parser recurses',
      files: { [at]: '['.repeat(5000) },
      expect: [{ line: 1, column: 34, messageId: 'tooDeep', message: /^nesting is too deep \(over 32 levels\)/ }],
    },
    {
      name: '5,000 balanced [ ] under a key',
      files: { [at]: `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n` },
      expect: [{ line: 1, column: 36, messageId: 'tooDeep' }],
    },
    {
      name: '3,000 nested flow mappings',
      files: { [at]: `a: ${'{b: '.repeat(3000)}${'}'.repeat(3000)}\n` },
      expect: [{ line: 1, column: 132, messageId: 'tooDeep' }],
    },
    {
      name: 'one level over the limit',
      files: {
        [at]: edit(IDENTITY, '  type: workload\n', `  type: workload\n  deep: ${'['.repeat(32)}${']'.repeat(32)}\n`),
      },
      expect: [{ line: 7, column: 40, messageId: 'tooDeep' }],
    },
    {
      name: '200 nested block mappings',
      files: { [at]: deepBlock },
      expect: [{ line: 34, column: 67, messageId: 'tooDeep' }],
    },
    {
      name: '5,000 compact nested block lists',
      files: { [at]: `${'- '.repeat(5000)}x\n` },
      expect: [{ line: 1, column: 67, messageId: 'tooDeep' }],
    },
  ],
});
