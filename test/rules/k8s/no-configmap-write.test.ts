import { ruleTable } from '../harness.js';
import { elevatedWith, FILE, one, oneIn, orgPrivileged, pos } from './fixture.js';

const CM_WRITE = '{ apiGroups: [""], resources: [configmaps], verbs: [get, patch, update] }';
const system = oneIn('kube-system', CM_WRITE);
const awsAuth = oneIn(
  'kube-system',
  '{ apiGroups: [""], resources: [configmaps], resourceNames: [my-app, aws-auth], verbs: [patch] }',
);
const listed = oneIn('ingress', '{ apiGroups: [""], resources: [configmaps], verbs: [create] }');
const star = oneIn('kube-system', '{ apiGroups: [""], resources: ["*"], verbs: [update] }');

ruleTable('k8s/no-configmap-write', {
  good: [
    {
      name: 'writing config maps in an ordinary namespace',
      files: { [FILE]: one(CM_WRITE) },
    },
    {
      name: 'get-only config maps in kube-system',
      files: {
        [FILE]: oneIn('kube-system', '{ apiGroups: [""], resources: [configmaps], verbs: [get, list, watch] }'),
      },
    },
    {
      name: 'one named config map of its own in kube-system',
      files: {
        [FILE]: oneIn(
          'kube-system',
          '{ apiGroups: [""], resources: [configmaps], resourceNames: [cluster-autoscaler-status], verbs: [patch] }',
        ),
      },
    },
    {
      name: 'a named config map in a listed namespace',
      files: {
        [FILE]: oneIn(
          'ingress',
          '{ apiGroups: [""], resources: [configmaps], resourceNames: [leader], verbs: [update] }',
        ),
        'identities/org.yaml': orgPrivileged('ingress'),
      },
    },
    {
      name: 'a namespace org.yaml does not list',
      files: { [FILE]: listed, 'identities/org.yaml': orgPrivileged('monitoring') },
    },
    {
      name: 'an elevation outside kube-system',
      files: { [FILE]: elevatedWith(CM_WRITE) },
    },
  ],
  bad: [
    {
      name: 'patch and update on every config map of kube-system (EKS aws-auth)',
      files: { [FILE]: system },
      expect: [
        {
          ...pos(system, 29, 'patch'),
          messageId: 'kubeSystem',
          message: /^patch on configmaps in prod-eu\/kube-system rewrites the config maps .*aws-auth on EKS/,
        },
        { ...pos(system, 29, 'update'), messageId: 'kubeSystem' },
      ],
    },
    {
      name: 'aws-auth by name',
      files: { [FILE]: awsAuth },
      expect: [{ ...pos(awsAuth, 29, 'patch'), messageId: 'kubeSystemNamed', message: /"aws-auth"/ }],
    },
    {
      name: 'create in a namespace org.yaml lists',
      files: { [FILE]: listed, 'identities/org.yaml': orgPrivileged('ingress') },
      expect: [
        { ...pos(listed, 29, 'create'), messageId: 'privileged', message: /privileged namespace prod-eu\/ingress/ },
      ],
    },
    {
      name: 'resources "*" in kube-system',
      files: { [FILE]: star },
      expect: [{ ...pos(star, 29, 'update'), messageId: 'kubeSystem', message: /through resources "\*"/ }],
    },
  ],
});
