import { expect, it } from 'vitest';
import { edit, IDENTITY, ORG, ruleTable, run } from '../harness.js';

const at = 'identities/payments/app.yaml';
// Under YAML 1.1, `on` would become the key true and NO the value false.
const yaml11 =
  '%YAML 1.1\n---\n' + edit(IDENTITY, '  name: app\n', '  name: app\n  labels:\n    on: yes\n    country: NO\n');

ruleTable('parse/directive', {
  good: [
    { name: 'a clean manifest', files: { [at]: IDENTITY } },
    {
      name: '% inside a value',
      files: { [at]: edit(IDENTITY, 'purpose: Reads settlement files', 'purpose: Reads 100% of the settlement files') },
    },
    {
      name: 'a block scalar line starting with %',
      files: {
        [at]: edit(
          IDENTITY,
          'purpose: Reads settlement files from the bank drop bucket.',
          'purpose: |\n    %d settlement files a day are read from the bank drop bucket.',
        ),
      },
    },
    { name: 'a document start marker alone', files: { [at]: `---\n${IDENTITY}` } },
  ],
  bad: [
    {
      name: '%YAML 1.1 with on: yes and country: NO',
      files: { [at]: yaml11 },
      expect: [
        {
          line: 1,
          column: 1,
          messageId: 'directive',
          message: /^YAML directives \(%YAML, %TAG\) are not allowed: they change how the rest of the file is read/,
        },
      ],
    },
    {
      name: '%YAML 1.2 too: a directive is never needed',
      files: { [at]: `%YAML 1.2\n---\n${IDENTITY}` },
      expect: [{ line: 1, column: 1, messageId: 'directive' }],
    },
    {
      name: '%TAG with a tag shorthand',
      files: { [at]: `%TAG !e! tag:yaml.org,2002:\n---\n${edit(IDENTITY, 'type: workload', 'type: !e!str workload')}` },
      expect: [{ line: 1, column: 1, messageId: 'directive' }],
    },
    {
      name: 'two directives, one finding each',
      files: { [at]: `%YAML 1.1\n%TAG !e! tag:yaml.org,2002:\n---\n${IDENTITY}` },
      expect: [
        { line: 1, column: 1, messageId: 'directive' },
        { line: 2, column: 1, messageId: 'directive' },
      ],
    },
    {
      name: 'a directive line in the middle of the document',
      files: { [at]: edit(IDENTITY, '  type: workload\n', '  type: workload\n%YAML 1.1\n') },
      expect: [{ line: 7, column: 1, messageId: 'directive' }],
    },
    {
      name: 'in org.yaml',
      files: { 'identities/org.yaml': `%YAML 1.1\n---\n${ORG}` },
      expect: [{ file: 'identities/org.yaml', line: 1, column: 1, messageId: 'directive' }],
    },
  ],
});

it('parse/directive: the file is still read as YAML 1.2 (no yes → true, NO → false, on → true)', async () => {
  // Labels are string → string with lowercase keys: a boolean key or value would be a schema finding.
  const findings = await run({ name: 'yaml 1.1', files: { [at]: yaml11 } });
  expect(findings.map((f) => f.rule)).toEqual(['parse/directive']);
});
