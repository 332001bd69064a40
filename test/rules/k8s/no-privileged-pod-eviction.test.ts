import { ruleTable } from '../harness.js';
import { FILE, one, oneIn, orgPrivileged, pos } from './fixture.js';

const del = oneIn('kube-system', '{ apiGroups: [""], resources: [pods], verbs: [get, delete] }');
const evict = oneIn('ingress', '{ apiGroups: [""], resources: [pods/eviction], verbs: [create] }');
const star = oneIn('kube-system', '{ apiGroups: [""], resources: ["*"], verbs: [deletecollection] }');

ruleTable('k8s/no-privileged-pod-eviction', {
  good: [
    {
      name: 'deleting pods in an ordinary namespace',
      files: { [FILE]: one('{ apiGroups: [""], resources: [pods], verbs: [delete] }') },
    },
    {
      name: 'read-only pods in kube-system',
      files: { [FILE]: oneIn('kube-system', '{ apiGroups: [""], resources: [pods], verbs: [get, list, watch] }') },
    },
    {
      name: 'one named pod in kube-system',
      files: {
        [FILE]: oneIn(
          'kube-system',
          '{ apiGroups: [""], resources: [pods], resourceNames: [debug-0], verbs: [delete] }',
        ),
      },
    },
    {
      name: 'evicting in a namespace org.yaml does not list',
      files: { [FILE]: evict },
    },
  ],
  bad: [
    {
      name: 'delete on the pods of kube-system',
      files: { [FILE]: del },
      expect: [
        {
          ...pos(del, 29, 'delete'),
          messageId: 'removePods',
          message: /^delete on pods in the privileged namespace prod-eu\/kube-system without resourceNames/,
        },
      ],
    },
    {
      name: 'evictions in a namespace org.yaml lists',
      files: { [FILE]: evict, 'identities/org.yaml': orgPrivileged('ingress') },
      expect: [{ ...pos(evict, 29, 'create'), messageId: 'removePods', message: /create on pods\/eviction/ }],
    },
    {
      name: 'deletecollection through resources "*"',
      files: { [FILE]: star },
      expect: [{ ...pos(star, 29, 'deletecollection'), messageId: 'removePods', message: /through resources "\*"/ }],
    },
  ],
});
