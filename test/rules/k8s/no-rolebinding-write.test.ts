import { ruleTable } from '../harness.js';
import { elevatedWith, FILE, one, oneIn, pos } from './fixture.js';

const RBAC = 'rbac.authorization.k8s.io';
const patch = one(`{ apiGroups: [${RBAC}], resources: [rolebindings], verbs: [get, patch] }`);
const create = oneIn('kube-system', `{ apiGroups: [${RBAC}], resources: [rolebindings], verbs: [create] }`);
const star = one(`{ apiGroups: [${RBAC}], resources: ["*"], verbs: [update] }`);
const elevated = elevatedWith(`{ apiGroups: [${RBAC}], resources: [rolebindings], verbs: [patch] }`);

ruleTable('k8s/no-rolebinding-write', {
  good: [
    {
      name: 'reading role bindings',
      files: { [FILE]: one(`{ apiGroups: [${RBAC}], resources: [rolebindings], verbs: [get, list, watch] }`) },
    },
    {
      name: 'one named binding',
      files: {
        [FILE]: one(`{ apiGroups: [${RBAC}], resources: [rolebindings], resourceNames: [ci-view], verbs: [patch] }`),
      },
    },
    {
      name: 'patch on one named role is no binding',
      files: {
        [FILE]: one(`{ apiGroups: [${RBAC}], resources: [roles], resourceNames: [viewer], verbs: [get, patch] }`),
      },
    },
    {
      name: 'rolebindings of another group',
      files: { [FILE]: one('{ apiGroups: [example.com], resources: [rolebindings], verbs: [patch] }') },
    },
  ],
  bad: [
    {
      name: 'get and patch on every role binding (KubiScan risky-add-rolebinding)',
      files: { [FILE]: patch },
      expect: [
        {
          ...pos(patch, 29, 'patch'),
          messageId: 'rebind',
          message: /^patch on rolebindings in prod-eu\/payments without resourceNames can add any subject/,
        },
      ],
    },
    {
      name: 'create in kube-system',
      files: { [FILE]: create },
      expect: [{ ...pos(create, 29, 'create'), messageId: 'rebind', message: /prod-eu\/kube-system/ }],
    },
    {
      name: 'resources "*" of the RBAC group',
      files: { [FILE]: star },
      expect: [{ ...pos(star, 29, 'update'), messageId: 'rebind', message: /through resources "\*"/ }],
    },
    {
      name: 'an active elevation',
      files: { [FILE]: elevated },
      expect: [{ ...pos(elevated, 38, 'patch'), messageId: 'rebind' }],
    },
  ],
});
