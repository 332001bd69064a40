import { ruleTable } from '../harness.js';
import { elevatedWith, FILE, one, pos, withRules } from './fixture.js';

const cluster = one('{ apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [bind] }');
const named = one(
  '{ apiGroups: [rbac.authorization.k8s.io], resources: [roles], resourceNames: [viewer], verbs: [bind] }',
);
const star = one('{ apiGroups: ["*"], resources: ["*"], verbs: [bind] }');
const elevated = elevatedWith('{ apiGroups: [rbac.authorization.k8s.io], resources: [roles], verbs: ["*"] }');

ruleTable('k8s/no-bind', {
  good: [
    {
      name: 'writing role bindings without bind',
      files: {
        [FILE]: one('{ apiGroups: [rbac.authorization.k8s.io], resources: [rolebindings], verbs: [create, delete] }'),
      },
    },
    {
      name: 'bind on a custom resource',
      files: { [FILE]: one('{ apiGroups: [example.com], resources: [clusterroles], verbs: [bind] }') },
    },
    {
      name: 'a tombstone',
      files: {
        [FILE]: withRules(['{ apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [bind] }'], {
          status: 'decommissioned',
        }),
      },
    },
  ],
  bad: [
    {
      name: 'bind on clusterroles: cluster-admin in the namespace',
      files: { [FILE]: cluster },
      expect: [
        {
          ...pos(cluster, 29, 'bind'),
          messageId: 'bind',
          message: new RegExp(
            String.raw`^bind on clusterroles in prod-eu\/payments lets the identity bind any ClusterRole, ` +
              String.raw`cluster-admin included,`,
          ),
        },
      ],
    },
    {
      name: 'bind on a named role is narrower, still a finding',
      files: { [FILE]: named },
      expect: [{ ...pos(named, 29, 'bind'), messageId: 'bind', message: /bind the roles named "viewer"/ }],
    },
    {
      name: 'resources "*" reach roles and clusterroles',
      files: { [FILE]: star },
      expect: [{ ...pos(star, 29, 'bind'), messageId: 'bind', message: /^bind on roles \(through resources "\*"\)/ }],
    },
    {
      name: 'an active elevation with verbs "*"',
      files: { [FILE]: elevated },
      expect: [{ ...pos(elevated, 38, '"*"'), messageId: 'bind', message: /^bind on roles \(through verbs "\*"\)/ }],
    },
  ],
});
