import { ruleTable } from '../harness.js';
import { elevatedWith, FILE, one, pos, withRules } from './fixture.js';

const pv = one('{ apiGroups: [""], resources: [persistentvolumes], verbs: [get, create] }');
const any = one('{ apiGroups: [""], resources: [persistentvolumes], verbs: ["*"] }');
const elevated = elevatedWith('{ apiGroups: [""], resources: [persistentvolumes], verbs: [create] }');

ruleTable('k8s/no-persistent-volume-create', {
  good: [
    {
      name: 'claims are the way to ask for storage',
      files: { [FILE]: one('{ apiGroups: [""], resources: [persistentvolumeclaims], verbs: [create, get] }') },
    },
    {
      name: 'resources "*" in a Role cannot reach cluster-scoped volumes',
      files: { [FILE]: one('{ apiGroups: [""], resources: ["*"], verbs: [create] }') },
    },
    {
      name: 'create with resourceNames matches no request',
      files: {
        [FILE]: one('{ apiGroups: [""], resources: [persistentvolumes], resourceNames: [data], verbs: [create] }'),
      },
    },
    {
      name: 'a tombstone',
      files: {
        [FILE]: withRules(['{ apiGroups: [""], resources: [persistentvolumes], verbs: [create] }'], {
          status: 'decommissioned',
        }),
      },
    },
  ],
  bad: [
    {
      name: 'create on persistentvolumes',
      files: { [FILE]: pv },
      expect: [
        {
          ...pos(pv, 29, 'create'),
          messageId: 'hostPath',
          message: /^create on persistentvolumes lets the identity create hostPath volumes/,
        },
      ],
    },
    {
      name: 'verbs "*"',
      files: { [FILE]: any },
      expect: [{ ...pos(any, 29, '"*"'), messageId: 'hostPath', message: /through verbs "\*"/ }],
    },
    {
      name: 'an active elevation',
      files: { [FILE]: elevated },
      expect: [{ ...pos(elevated, 38, 'create'), messageId: 'hostPath' }],
    },
  ],
});
