import { ruleTable } from '../harness.js';
import { elevatedWith, FILE, one, pos, withRules } from './fixture.js';

const gett = one('{ apiGroups: [""], resources: [configmaps], verbs: [gett, list] }');
const log = one('{ apiGroups: [""], resources: [pods/log], verbs: [get, list] }');
const use = one('{ apiGroups: [policy], resources: [poddisruptionbudgets], verbs: [use] }');
const escalate = one('{ apiGroups: [""], resources: [pods], verbs: [escalate] }');
const misspelt = one('{ apiGroups: [""], resources: [configmap, pods/log], verbs: [list, gett] }');
const elevated = elevatedWith('{ apiGroups: [apps], resources: [deployments], verbs: [patsh] }');

ruleTable('k8s/unknown-verb', {
  good: [
    {
      name: 'acme least privilege',
      files: {
        [FILE]: withRules([
          '{ apiGroups: [apps], resources: [deployments], resourceNames: [shop], verbs: [get, patch] }',
          '{ apiGroups: [apps], resources: [deployments, replicasets], verbs: [get, list, watch] }',
        ]),
      },
    },
    {
      name: 'list applies to pods even if not to pods/log',
      files: { [FILE]: one('{ apiGroups: [""], resources: [pods, pods/log], verbs: [get, list, watch] }') },
    },
    {
      name: 'special verbs where they exist',
      files: {
        [FILE]: withRules([
          '{ apiGroups: [rbac.authorization.k8s.io], resources: [roles, clusterroles], verbs: [bind, escalate] }',
          '{ apiGroups: [""], resources: [serviceaccounts], verbs: [impersonate] }',
          '{ apiGroups: [certificates.k8s.io], resources: [signers], verbs: [approve, sign, attest] }',
        ]),
      },
    },
    {
      name: 'a custom group may define any verb',
      files: { [FILE]: one('{ apiGroups: [example.com], resources: [widgets], verbs: [frobnicate] }') },
    },
    { name: 'verbs "*"', files: { [FILE]: one('{ apiGroups: [""], resources: [configmaps], verbs: ["*"] }') } },
    {
      name: 'deletecollection on pods, connect verbs on services/proxy',
      files: {
        [FILE]: withRules([
          '{ apiGroups: [""], resources: [pods], verbs: [deletecollection] }',
          '{ apiGroups: [""], resources: [services/proxy], verbs: [create, delete, get, patch, update] }',
        ]),
      },
    },
    {
      name: 'a tombstone',
      files: {
        [FILE]: withRules(['{ apiGroups: [""], resources: [configmaps], verbs: [gett] }'], {
          status: 'decommissioned',
        }),
      },
    },
  ],
  bad: [
    {
      name: 'gett → get',
      files: { [FILE]: gett },
      expect: [
        {
          ...pos(gett, 29, 'gett'),
          messageId: 'notAVerbGuess',
          message: /^verb "gett" is not a Kubernetes verb; did you mean "get"\?$/,
        },
      ],
    },
    {
      name: 'list on pods/log',
      files: { [FILE]: log },
      expect: [
        {
          ...pos(log, 29, 'list'),
          messageId: 'notForResources',
          message: /^verb "list" applies to none of this rule's resources \(pods\/log: get\)$/,
        },
      ],
    },
    {
      name: 'use went with PodSecurityPolicy',
      files: { [FILE]: use },
      expect: [
        { ...pos(use, 29, 'use'), messageId: 'retired', message: /PodSecurityPolicy, removed in Kubernetes 1\.25/ },
      ],
    },
    {
      name: 'escalate on pods',
      files: { [FILE]: escalate },
      expect: [
        {
          ...pos(escalate, 29, 'escalate'),
          messageId: 'notForResources',
          message: /applies to none of this rule's resources \(pods: create, delete/,
        },
      ],
    },
    {
      name: 'next to a misspelt resource only verbs that exist nowhere',
      files: { [FILE]: misspelt },
      expect: [{ ...pos(misspelt, 29, 'gett'), messageId: 'notAVerbGuess' }],
    },
    {
      name: 'in an elevation',
      files: { [FILE]: elevated },
      expect: [{ ...pos(elevated, 38, 'patsh'), messageId: 'notAVerbGuess', message: /did you mean "patch"\?/ }],
    },
  ],
});
