import { expect, it } from 'vitest';
import { parseYaml } from '../../../src/manifest/parse.js';
import { edit, IDENTITY, ruleTable, run } from '../harness.js';

const at = 'identities/payments/app.yaml';
const spec = (lines: string) => edit(IDENTITY, '  type: workload\n', `  type: workload\n${lines}`);
const SPEC_KEYS =
  'type, purpose, criticality, stewardship, expires, review, status, rotation, access, delivery, elevations';
const proto = spec('  __proto__: { polluted: true }\n  constructor: { prototype: { polluted: true } }\n');

ruleTable('schema/unknown-key', {
  good: [
    { name: 'a clean manifest', files: { [at]: IDENTITY } },
    {
      name: 'every optional key',
      files: {
        [at]:
          edit(IDENTITY, '  name: app\n', '  name: app\n  renamedFrom: old-app\n  labels: { environment: prod }\n') +
          '  criticality: high\n  status: active\n  rotation: { period: 30d, overlap: 1d, epoch: 0 }\n' +
          '  delivery: { vaultPath: kv/data/payments/app }\n',
      },
    },
  ],
  bad: [
    {
      name: 'stewardshp: did you mean stewardship',
      files: { [at]: edit(IDENTITY, '  stewardship:', '  stewardshp:') },
      expect: [
        {
          line: 8,
          column: 3,
          messageId: 'unknownKey',
          message: /^unknown key "stewardshp" in spec; did you mean "stewardship"\?$/,
        },
      ],
    },
    {
      name: 'rotaton: did you mean rotation',
      files: { [at]: spec('  rotaton:\n    period: 30d\n') },
      expect: [{ line: 7, column: 3, messageId: 'unknownKey', message: /did you mean "rotation"\?$/ }],
    },
    {
      name: 'an unknown key at the top, with what is allowed',
      files: { [at]: edit(IDENTITY, 'apiVersion: idac/v1\n', 'apiVersion: idac/v1\nscopes: [admin]\n') },
      expect: [
        {
          line: 2,
          column: 1,
          messageId: 'unknownKey',
          message: /^unknown key "scopes" in the document; allowed here: apiVersion, kind, metadata, spec$/,
        },
      ],
    },
    {
      name: 'deep in a list item',
      files: { [at]: edit(IDENTITY, '- actions: [s3:GetObject]', '- action: [s3:GetObject]') },
      expect: [
        {
          line: 23,
          column: 11,
          messageId: 'unknownKey',
          message: /^unknown key "action" in spec\.access\.aws\.permissions\[0\]; did you mean "actions"\?$/,
        },
      ],
    },
    {
      name: 'in a flow mapping',
      files: { [at]: edit(IDENTITY, 'serviceAccount: app }', 'serviceAcount: app }') },
      expect: [{ line: 21, column: 62, messageId: 'unknownKey', message: /did you mean "serviceAccount"/ }],
    },
    {
      name: 'an inline merge key <<: { … } is not inherited',
      files: { [at]: spec('  rotation:\n    <<: { period: 30d }\n') },
      expect: [
        {
          line: 8,
          column: 5,
          messageId: 'unknownKey',
          message: /^unknown key "<<" in spec\.rotation; allowed here: period, overlap, epoch$/,
        },
      ],
    },
    {
      name: '__proto__ and constructor',
      files: { [at]: proto },
      expect: [
        {
          line: 7,
          column: 3,
          messageId: 'unknownKey',
          message: new RegExp(`^unknown key "__proto__" in spec; allowed here: ${SPEC_KEYS}$`),
        },
        { line: 8, column: 3, messageId: 'unknownKey', message: /unknown key "constructor"/ },
      ],
    },
    {
      name: 'under %YAML 1.1 the key on: stays "on", not true',
      files: { [at]: `%YAML 1.1\n---\n${spec('  on: yes\n')}` },
      expect: [{ line: 9, column: 3, messageId: 'unknownKey', message: /^unknown key "on" in spec/ }],
    },
    {
      name: 'in org.yaml',
      files: {
        'identities/org.yaml':
          `apiVersion: idac/v1\nkind: Organization\nspec:\n  teams:\n    payments:\n      member: ` +
          `[alice@example.com]\n`,
      },
      expect: [
        { file: 'identities/org.yaml', line: 6, column: 7, messageId: 'unknownKey', message: /did you mean "members"/ },
      ],
    },
  ],
});

it('schema/unknown-key: __proto__ and constructor never reach a prototype', async () => {
  await run({ name: 'proto', files: { [at]: proto } });
  const data = parseYaml(proto).data as { spec: Record<string, unknown> } | undefined;
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(data && Object.getPrototypeOf(data.spec)).toBe(Object.prototype);
  expect(data && Object.hasOwn(data.spec, '__proto__')).toBe(true);
});
