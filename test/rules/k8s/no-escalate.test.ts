import { ruleTable } from '../harness.js';
import { elevatedWith, FILE, one, pos, withRules } from './fixture.js';

const roles = one('{ apiGroups: [rbac.authorization.k8s.io], resources: [roles], verbs: [get, escalate] }');
const cluster = one('{ apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [escalate] }');
const star = one('{ apiGroups: [rbac.authorization.k8s.io], resources: ["*"], verbs: ["*"] }');
const elevated = elevatedWith('{ apiGroups: [rbac.authorization.k8s.io], resources: [roles], verbs: [escalate] }');

ruleTable('k8s/no-escalate', {
  good: [
    {
      name: 'reading roles',
      files: {
        [FILE]: one('{ apiGroups: [rbac.authorization.k8s.io], resources: [roles, rolebindings], verbs: [get, list] }'),
      },
    },
    {
      name: 'escalate on a custom resource',
      files: { [FILE]: one('{ apiGroups: [example.com], resources: [roles], verbs: [escalate] }') },
    },
    {
      name: 'verbs "*" on config maps',
      files: { [FILE]: one('{ apiGroups: [""], resources: [configmaps], verbs: ["*"] }') },
    },
    {
      name: 'a tombstone',
      files: {
        [FILE]: withRules(['{ apiGroups: [rbac.authorization.k8s.io], resources: [roles], verbs: [escalate] }'], {
          status: 'decommissioned',
        }),
      },
    },
  ],
  bad: [
    {
      name: 'escalate on roles',
      files: { [FILE]: roles },
      expect: [
        {
          ...pos(roles, 29, 'escalate'),
          messageId: 'escalate',
          message:
            /^escalate on roles in prod-eu\/payments lets the identity write roles with permissions it does not hold/,
        },
      ],
    },
    {
      name: 'escalate on clusterroles, named outright',
      files: { [FILE]: cluster },
      expect: [{ ...pos(cluster, 29, 'escalate'), messageId: 'escalate', message: /^escalate on clusterroles/ }],
    },
    {
      name: 'wildcards reach roles',
      files: { [FILE]: star },
      expect: [
        {
          ...pos(star, 29, '"*"', 2),
          messageId: 'escalate',
          message: /escalate on roles \(through verbs "\*" and resources "\*"\)/,
        },
      ],
    },
    {
      name: 'an active elevation',
      files: { [FILE]: elevated },
      expect: [{ ...pos(elevated, 38, 'escalate'), messageId: 'escalate' }],
    },
  ],
});
