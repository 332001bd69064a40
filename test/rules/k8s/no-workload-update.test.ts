import { ruleTable } from '../harness.js';
import { elevatedWith, FILE, one, pos, withRules } from './fixture.js';

const patch = one('{ apiGroups: [apps], resources: [deployments, statefulsets], verbs: [get, patch, update] }');
const pods = one('{ apiGroups: [""], resources: [pods], verbs: [update] }');
const elevated = elevatedWith('{ apiGroups: [batch], resources: [cronjobs], verbs: [patch] }');

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
      name: 'an active elevation',
      files: { [FILE]: elevated },
      expect: [{ ...pos(elevated, 38, 'patch'), messageId: 'changeWorkloads' }],
    },
  ],
});
