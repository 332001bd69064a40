import { ruleTable } from '../harness.js';
import { elevatedWith, FILE, one, pos, withRules } from './fixture.js';

const nodes = one('{ apiGroups: [""], resources: [configmaps, nodes], verbs: [get, list] }');
const roles = one('{ apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [get, bind] }');
const rolesStar = one('{ apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: ["*"] }');
const nsList = one('{ apiGroups: [""], resources: [namespaces], verbs: [get, list, create] }');
const nsStar = one('{ apiGroups: [""], resources: [namespaces], resourceNames: [payments], verbs: ["*"] }');
const users = one('{ apiGroups: [""], resources: [users, serviceaccounts], verbs: [impersonate] }');
const several = withRules([
  '{ apiGroups: [""], resources: [persistentvolumes], verbs: [create] }',
  '{ apiGroups: [admissionregistration.k8s.io], resources: [validatingwebhookconfigurations], verbs: [update] }',
  '{ apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests/approval, signers], verbs: ' +
    '[update, approve] }',
]);
const elevated = elevatedWith('{ apiGroups: [storage.k8s.io], resources: [storageclasses], verbs: [get] }');

ruleTable('k8s/cluster-scoped-resource', {
  good: [
    {
      name: 'namespaced resources',
      files: { [FILE]: one('{ apiGroups: ["", apps], resources: [configmaps, deployments], verbs: [get] }') },
    },
    {
      name: 'a Role covers its own Namespace object',
      files: { [FILE]: one('{ apiGroups: [""], resources: [namespaces, namespaces/status], verbs: [get, patch] }') },
    },
    {
      name: 'bind on clusterroles is checked in the namespace',
      files: { [FILE]: one('{ apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [bind] }') },
    },
    {
      name: "a wildcard is k8s/no-wildcard's",
      files: { [FILE]: one('{ apiGroups: ["*"], resources: [nodes], verbs: [get] }') },
    },
    {
      name: 'a custom group may have namespaced nodes',
      files: { [FILE]: one('{ apiGroups: [metrics.k8s.io], resources: [nodes], verbs: [get] }') },
    },
    {
      name: 'a tombstone',
      files: {
        [FILE]: withRules(['{ apiGroups: [""], resources: [nodes], verbs: [get] }'], { status: 'decommissioned' }),
      },
    },
  ],
  bad: [
    {
      name: 'nodes, at the resource',
      files: { [FILE]: nodes },
      expect: [
        {
          ...pos(nodes, 29, 'nodes'),
          messageId: 'clusterScoped',
          message: new RegExp(
            String.raw`^nodes is cluster-scoped: the namespaced Role idac generates in prod-eu\/payments ` +
              String.raw`cannot grant it, so this grant does nothing$`,
          ),
        },
      ],
    },
    {
      name: 'get on clusterroles does nothing, bind does',
      files: { [FILE]: roles },
      expect: [
        {
          ...pos(roles, 29, 'clusterroles'),
          messageId: 'clusterScopedVerbs',
          message: /cannot grant get on it.*only bind on clusterroles/,
        },
      ],
    },
    {
      name: 'list and create on namespaces do nothing in a Role',
      files: { [FILE]: nsList },
      expect: [
        {
          ...pos(nsList, 29, 'namespaces'),
          messageId: 'clusterScopedVerbs',
          message: new RegExp(
            String.raw`^namespaces is cluster-scoped: .* cannot grant list, create on it, so that grant does ` +
              String.raw`nothing \(a Role reaches only its own Namespace object, by name\)$`,
          ),
        },
      ],
    },
    {
      name: 'verbs "*" on namespaces',
      files: { [FILE]: nsStar },
      expect: [
        {
          ...pos(nsStar, 29, 'namespaces'),
          messageId: 'clusterScopedVerbs',
          message: /cannot grant any verb but get, update, patch, delete on it/,
        },
      ],
    },
    {
      name: 'verbs "*" on clusterroles',
      files: { [FILE]: rolesStar },
      expect: [
        {
          ...pos(rolesStar, 29, 'clusterroles'),
          messageId: 'clusterScopedVerbs',
          message: /cannot grant any verb but bind/,
        },
      ],
    },
    {
      name: 'impersonating users needs a ClusterRole; service accounts do not',
      files: { [FILE]: users },
      expect: [{ ...pos(users, 29, 'users'), messageId: 'clusterScoped', message: /^users is cluster-scoped/ }],
    },
    {
      name: 'the risky cluster-scoped grants',
      files: { [FILE]: several },
      expect: [
        {
          ...pos(several, 29, 'persistentvolumes'),
          messageId: 'clusterScoped',
          message: /^persistentvolumes is cluster-scoped/,
        },
        { ...pos(several, 30, 'validatingwebhookconfigurations'), messageId: 'clusterScoped' },
        {
          ...pos(several, 31, 'certificatesigningrequests/approval'),
          messageId: 'clusterScoped',
          message: /^certificatesigningrequests\/approval is cluster-scoped/,
        },
        { ...pos(several, 31, 'signers'), messageId: 'clusterScoped' },
      ],
    },
    {
      name: 'an active elevation',
      files: { [FILE]: elevated },
      expect: [{ ...pos(elevated, 38, 'storageclasses'), messageId: 'clusterScoped' }],
    },
  ],
});
