import { ruleTable } from '../harness.js';
import { elevatedWith, ENDED, FILE, one, pos, withRules } from './fixture.js';

const list = one('{ apiGroups: [""], resources: [secrets], verbs: [list] }');
const star = one('{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }');
const named = one('{ apiGroups: [""], resources: [secrets], resourceNames: [app-db], verbs: [get] }');
const mixed = one('{ apiGroups: [""], resources: [configmaps, secrets], verbs: [get, list, watch, create] }');
const elevated = elevatedWith('{ apiGroups: [""], resources: [secrets], verbs: [watch] }');

ruleTable('k8s/no-secrets-read', {
  good: [
    {
      name: 'a named config map',
      files: {
        [FILE]: one('{ apiGroups: [""], resources: [configmaps], resourceNames: [settlement-config], verbs: [get] }'),
      },
    },
    {
      name: 'writing secrets without reading them',
      files: { [FILE]: one('{ apiGroups: [""], resources: [secrets], verbs: [create, update] }') },
    },
    {
      name: 'secrets of a custom group are not core secrets',
      files: { [FILE]: one('{ apiGroups: [bitnami.com], resources: [secrets], verbs: [get] }') },
    },
    {
      name: 'an ended elevation grants nothing',
      files: {
        [FILE]: withRules(['{ apiGroups: [""], resources: [configmaps], verbs: [get] }'], {
          elevation: ['{ apiGroups: [""], resources: [secrets], verbs: [list] }'],
          window: ENDED,
        }),
      },
    },
    {
      name: 'a tombstone',
      files: {
        [FILE]: withRules(['{ apiGroups: [""], resources: [secrets], verbs: [list] }'], { status: 'decommissioned' }),
      },
    },
  ],
  bad: [
    {
      name: 'list returns every secret',
      files: { [FILE]: list },
      expect: [
        {
          ...pos(list, 29, 'list'),
          messageId: 'readAll',
          message: /^list on secrets in prod-eu\/payments returns the content of every secret/,
        },
      ],
    },
    {
      name: 'one finding per verb that reads',
      files: { [FILE]: mixed },
      expect: [
        { ...pos(mixed, 29, 'get'), messageId: 'readByName' },
        { ...pos(mixed, 29, 'list'), messageId: 'readAll' },
        { ...pos(mixed, 29, 'watch'), messageId: 'readAll' },
      ],
    },
    {
      name: 'wildcards reach secrets',
      files: { [FILE]: star },
      expect: [
        {
          ...pos(star, 29, '"*"', 3),
          messageId: 'readAll',
          message: /list on secrets \(through verbs "\*" and resources "\*"\)/,
        },
      ],
    },
    {
      name: 'get of a named secret is narrower, still a finding',
      files: { [FILE]: named },
      expect: [
        { ...pos(named, 29, 'get'), messageId: 'readNamed', message: /reads the secrets named "app-db" \(narrower/ },
      ],
    },
    {
      name: 'get without names',
      files: { [FILE]: one('{ apiGroups: [""], resources: [secrets], verbs: [get] }') },
      expect: [
        { line: 29, column: 60, messageId: 'readByName', message: /any secret of the namespace whose name it knows/ },
      ],
    },
    {
      name: 'an active elevation',
      files: { [FILE]: elevated },
      expect: [{ ...pos(elevated, 38, 'watch'), messageId: 'readAll', message: /^watch on secrets/ }],
    },
  ],
});
