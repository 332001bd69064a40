import { ruleTable } from '../harness.js';
import { FILE, one, oneIn, orgPrivileged, pos } from './fixture.js';

const create = oneIn('kube-system', '{ apiGroups: [""], resources: [serviceaccounts], verbs: [get, create] }');
const patch = oneIn('ingress', '{ apiGroups: [""], resources: [serviceaccounts], verbs: [patch] }');

ruleTable('k8s/no-privileged-serviceaccount-write', {
  good: [
    {
      name: 'creating service accounts in an ordinary namespace',
      files: { [FILE]: one('{ apiGroups: [""], resources: [serviceaccounts], verbs: [create, patch] }') },
    },
    {
      name: 'reading service accounts in kube-system',
      files: { [FILE]: oneIn('kube-system', '{ apiGroups: [""], resources: [serviceaccounts], verbs: [get, list] }') },
    },
    {
      name: 'one named service account in kube-system',
      files: {
        [FILE]: oneIn(
          'kube-system',
          '{ apiGroups: [""], resources: [serviceaccounts], resourceNames: [metrics-agent], verbs: [patch] }',
        ),
      },
    },
    {
      name: 'a namespace org.yaml does not list',
      files: { [FILE]: patch },
    },
  ],
  bad: [
    {
      name: 'create in kube-system',
      files: { [FILE]: create },
      expect: [
        {
          ...pos(create, 29, 'create'),
          messageId: 'serviceAccounts',
          message: /^create on serviceaccounts in the privileged namespace prod-eu\/kube-system without resourceNames/,
        },
      ],
    },
    {
      name: 'patch in a namespace org.yaml lists',
      files: { [FILE]: patch, 'identities/org.yaml': orgPrivileged('ingress') },
      expect: [{ ...pos(patch, 29, 'patch'), messageId: 'serviceAccounts' }],
    },
  ],
});
