import { ruleTable } from '../harness.js';
import { elevatedWith, ENDED, FILE, one, pos, withRules } from './fixture.js';

const deploy = one('{ apiGroups: [apps], resources: [deployments], verbs: [get, create] }');
const all = one(
  '{ apiGroups: ["", apps, batch], resources: [pods, replicationcontrollers, deployments, replicasets, ' +
    'statefulsets, daemonsets, jobs, cronjobs], verbs: [create] }',
);
const star = one('{ apiGroups: [batch], resources: ["*"], verbs: ["*"] }');
const elevated = elevatedWith('{ apiGroups: [""], resources: [pods], verbs: [create] }');

ruleTable('k8s/no-workload-creation', {
  good: [
    {
      name: 'ci-deployer: get and patch on a named deployment',
      files: {
        [FILE]: one('{ apiGroups: [apps], resources: [deployments], resourceNames: [shop], verbs: [get, patch] }'),
      },
    },
    {
      name: 'release-bot: read workloads, create events',
      files: {
        [FILE]: withRules([
          '{ apiGroups: [apps], resources: [deployments, replicasets], verbs: [get, list, watch] }',
          '{ apiGroups: [""], resources: [events], verbs: [create] }',
        ]),
      },
    },
    {
      name: 'create on a subresource is not a workload',
      files: { [FILE]: one('{ apiGroups: [""], resources: [pods/eviction], verbs: [create] }') },
    },
    {
      name: 'deployments in the wrong group match nothing',
      files: { [FILE]: one('{ apiGroups: [""], resources: [deployments], verbs: [create] }') },
    },
    {
      name: 'create with resourceNames matches no request',
      files: { [FILE]: one('{ apiGroups: [batch], resources: [jobs], resourceNames: [nightly], verbs: [create] }') },
    },
    {
      name: 'an ended elevation',
      files: {
        [FILE]: withRules(['{ apiGroups: [""], resources: [configmaps], verbs: [get] }'], {
          elevation: ['{ apiGroups: [""], resources: [pods], verbs: [create] }'],
          window: ENDED,
        }),
      },
    },
    {
      name: 'a tombstone',
      files: {
        [FILE]: withRules(['{ apiGroups: [""], resources: [pods], verbs: [create] }'], { status: 'decommissioned' }),
      },
    },
  ],
  bad: [
    {
      name: 'create deployments',
      files: { [FILE]: deploy },
      expect: [
        {
          ...pos(deploy, 29, 'create'),
          messageId: 'runAnyImage',
          message: /^create on deployments in prod-eu\/payments can run any image as any service account/,
        },
      ],
    },
    {
      name: 'every pod creator, one finding at the verb',
      files: { [FILE]: all },
      expect: [{ ...pos(all, 29, 'create'), messageId: 'runAnyImage', message: /^create on pods/ }],
    },
    {
      name: 'verbs "*" on every batch resource',
      files: { [FILE]: star },
      expect: [
        {
          ...pos(star, 29, '"*"', 2),
          messageId: 'runAnyImage',
          message: /create on jobs \(through verbs "\*" and resources "\*"\)/,
        },
      ],
    },
    {
      name: 'an active elevation',
      files: { [FILE]: elevated },
      expect: [{ ...pos(elevated, 38, 'create'), messageId: 'runAnyImage' }],
    },
  ],
});
