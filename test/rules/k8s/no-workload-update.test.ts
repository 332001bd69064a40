import { ruleTable } from '../harness.js';
import { elevatedWith, FILE, one, oneIn, orgPrivileged, pos, withRules } from './fixture.js';

const patch = one('{ apiGroups: [apps], resources: [deployments, statefulsets], verbs: [get, patch, update] }');
const pods = one('{ apiGroups: [""], resources: [pods], verbs: [update] }');
const elevated = elevatedWith('{ apiGroups: [batch], resources: [cronjobs], verbs: [patch] }');
const DEPLOY_PATCH = '{ apiGroups: [apps], resources: [deployments], verbs: [patch] }';
const kubeSystem = oneIn('kube-system', DEPLOY_PATCH);
const listed = oneIn('ingress', '{ apiGroups: [""], resources: [pods], verbs: [update] }');

ruleTable('k8s/no-workload-update', {
  good: [
    {
      name: 'ci-deployer: patch on the named deployment it rolls out',
      files: {
        [FILE]: one('{ apiGroups: [apps], resources: [deployments], resourceNames: [shop], verbs: [get, patch] }'),
      },
    },
    {
      name: 'scaling is not rewriting the template',
      files: { [FILE]: one('{ apiGroups: [apps], resources: [deployments/scale], verbs: [patch] }') },
    },
    {
      name: 'verbs "*" is k8s/no-workload-creation\'s finding',
      files: { [FILE]: one('{ apiGroups: [apps], resources: [deployments], verbs: ["*"] }') },
    },
    {
      name: 'kube-system: scaling a deployment',
      files: { [FILE]: oneIn('kube-system', '{ apiGroups: [apps], resources: [deployments/scale], verbs: [patch] }') },
    },
    {
      name: 'kube-system: patch on one named deployment',
      files: {
        [FILE]: oneIn(
          'kube-system',
          '{ apiGroups: [apps], resources: [deployments], resourceNames: [coredns], verbs: [get, patch] }',
        ),
      },
    },
    {
      name: 'kube-system: read-only pods',
      files: { [FILE]: oneIn('kube-system', '{ apiGroups: [""], resources: [pods], verbs: [get, list, watch] }') },
    },
    {
      name: 'patching config maps',
      files: { [FILE]: one('{ apiGroups: [""], resources: [configmaps], verbs: [patch] }') },
    },
    {
      name: 'a tombstone',
      files: {
        [FILE]: withRules(['{ apiGroups: [apps], resources: [deployments], verbs: [patch] }'], {
          status: 'decommissioned',
        }),
      },
    },
  ],
  bad: [
    {
      name: 'patch and update every deployment',
      files: { [FILE]: patch },
      expect: [
        {
          ...pos(patch, 29, 'patch'),
          messageId: 'changeWorkloads',
          message: /^patch on deployments in prod-eu\/payments without resourceNames/,
        },
        { ...pos(patch, 29, 'update'), messageId: 'changeWorkloads' },
      ],
    },
    {
      name: 'update any pod changes its image',
      files: { [FILE]: pods },
      expect: [{ ...pos(pods, 29, 'update'), messageId: 'changeWorkloads', message: /^update on pods/ }],
    },
    {
      name: 'patch on every deployment of kube-system is an error',
      files: { [FILE]: kubeSystem },
      expect: [
        {
          ...pos(kubeSystem, 29, 'patch'),
          messageId: 'changePrivilegedWorkloads',
          message: /^patch on deployments in the privileged namespace prod-eu\/kube-system without resourceNames/,
        },
      ],
    },
    {
      name: 'a namespace org.yaml lists as privileged',
      files: { [FILE]: listed, 'identities/org.yaml': orgPrivileged('ingress', 'monitoring') },
      expect: [{ ...pos(listed, 29, 'update'), messageId: 'changePrivilegedWorkloads', message: /ingress/ }],
    },
    {
      name: 'org.yaml lists other namespaces: a warning here',
      files: { [FILE]: listed, 'identities/org.yaml': orgPrivileged('payments') },
      expect: [{ ...pos(listed, 29, 'update'), messageId: 'changeWorkloads' }],
    },
    {
      name: 'an active elevation',
      files: { [FILE]: elevated },
      expect: [{ ...pos(elevated, 38, 'patch'), messageId: 'changeWorkloads' }],
    },
  ],
});
