import { edit, ORG, ruleTable } from '../harness.js';
import { elevatedWith, FILE, one, oneIn, orgPrivileged, pos } from './fixture.js';

const services = one('{ apiGroups: [""], resources: [services/status], verbs: [get, patch] }');
const pods = one('{ apiGroups: [""], resources: [pods/status], verbs: [update] }');
const system = oneIn('kube-system', '{ apiGroups: [""], resources: [pods/status], verbs: [patch] }');
const listed = oneIn('ingress', '{ apiGroups: [""], resources: [pods/status], verbs: [patch] }');
const anyStatus = one('{ apiGroups: [""], resources: ["*/status"], verbs: [patch] }');
const namedService = one('{ apiGroups: [""], resources: [services/status], resourceNames: [shop], verbs: [update] }');
const elevated = elevatedWith('{ apiGroups: [""], resources: [services/status], verbs: [update] }');

ruleTable('k8s/no-status-write', {
  good: [
    {
      name: 'reading status',
      files: { [FILE]: one('{ apiGroups: [""], resources: [pods/status, services/status], verbs: [get] }') },
    },
    {
      name: 'read-only pods in kube-system',
      files: { [FILE]: oneIn('kube-system', '{ apiGroups: [""], resources: [pods], verbs: [get, list, watch] }') },
    },
    {
      name: 'the status of a deployment',
      files: { [FILE]: one('{ apiGroups: [apps], resources: [deployments/status], verbs: [patch] }') },
    },
    {
      name: 'patching services is not their status',
      files: { [FILE]: one('{ apiGroups: [""], resources: [services], verbs: [patch] }') },
    },
  ],
  bad: [
    {
      name: 'services/status: CVE-2020-8554',
      files: { [FILE]: services },
      expect: [
        {
          ...pos(services, 29, 'patch'),
          messageId: 'serviceStatus',
          message: /^patch on services\/status in prod-eu\/payments .*CVE-2020-8554/,
        },
      ],
    },
    {
      name: 'one named service is enough',
      files: { [FILE]: namedService },
      expect: [{ ...pos(namedService, 29, 'update'), messageId: 'serviceStatus' }],
    },
    {
      name: 'pods/status: a warning in an ordinary namespace',
      files: { [FILE]: pods },
      expect: [{ ...pos(pods, 29, 'update'), messageId: 'podStatus', message: /^update on pods\/status/ }],
    },
    {
      name: 'pods/status in kube-system: an error',
      files: { [FILE]: system },
      expect: [{ ...pos(system, 29, 'patch'), messageId: 'podStatusPrivileged', message: /prod-eu\/kube-system/ }],
    },
    {
      name: 'pods/status in a namespace org.yaml lists',
      files: { [FILE]: listed, 'identities/org.yaml': orgPrivileged('ingress') },
      expect: [{ ...pos(listed, 29, 'patch'), messageId: 'podStatusPrivileged' }],
    },
    {
      name: 'a namespace listed for another cluster only',
      files: {
        [FILE]: listed,
        'identities/org.yaml': edit(
          ORG,
          'prod-eu: {}',
          'prod-eu: {}\n      prod-us: { privilegedNamespaces: [ingress] }',
        ),
      },
      expect: [{ ...pos(listed, 29, 'patch'), messageId: 'podStatus' }],
    },
    {
      name: '*/status reaches services/status',
      files: { [FILE]: anyStatus },
      expect: [
        { ...pos(anyStatus, 29, 'patch'), messageId: 'serviceStatus', message: /through resources "\*\/status"/ },
      ],
    },
    {
      name: 'an active elevation',
      files: { [FILE]: elevated },
      expect: [{ ...pos(elevated, 38, 'update'), messageId: 'serviceStatus' }],
    },
  ],
});
