import { ruleTable } from '../harness.js';
import { elevatedWith, FILE, one, pos, withRules } from './fixture.js';

const FUTURE = { from: '2026-12-01T00:00:00Z', until: '2026-12-01T06:00:00Z' };
const typo = one('{ apiGroups: [""], resources: [configmap], verbs: [get] }');
const singular = one('{ apiGroups: [apps], resources: [deployment], verbs: [get] }');
const wrongGroup = one('{ apiGroups: [""], resources: [pods, deployments], verbs: [get] }');
const short = one('{ apiGroups: [""], resources: [cm], verbs: [get] }');
const subStar = one('{ apiGroups: [""], resources: [pods/*], verbs: [get] }');
const sub = one('{ apiGroups: [""], resources: [pods/execute], verbs: [create] }');
const extensions = one('{ apiGroups: [extensions], resources: [deployments], verbs: [get] }');
const groupTypo = one('{ apiGroups: [app], resources: [deployments], verbs: [get] }');
const nothing = one('{ apiGroups: [batch], resources: [widgets], verbs: [get] }');
const future = elevatedWith('{ apiGroups: [""], resources: [secret], verbs: [get] }', { window: FUTURE });

ruleTable('k8s/unknown-resource', {
  good: [
    {
      name: 'acme least privilege',
      files: {
        [FILE]: withRules([
          '{ apiGroups: [""], resources: [configmaps], resourceNames: [settlement-config], verbs: [get] }',
          '{ apiGroups: [apps], resources: [deployments, replicasets], verbs: [get, list, watch] }',
          '{ apiGroups: [""], resources: [events], verbs: [create] }',
        ]),
      },
    },
    {
      name: 'resources of two groups in one rule',
      files: { [FILE]: one('{ apiGroups: ["", apps], resources: [pods, pods/log, deployments/scale], verbs: [get] }') },
    },
    {
      name: 'a custom group is accepted as written',
      files: {
        [FILE]: one('{ apiGroups: [monitoring.coreos.com], resources: [prometheuses, servicemonitors], verbs: [get] }'),
      },
    },
    {
      name: 'a custom group next to a built-in one',
      files: { [FILE]: one('{ apiGroups: [apps, example.com], resources: [widgets], verbs: [get] }') },
    },
    {
      name: 'authorization-only resources',
      files: {
        [FILE]: withRules([
          '{ apiGroups: [certificates.k8s.io], resources: [signers], verbs: [sign] }',
          '{ apiGroups: [authentication.k8s.io], resources: [userextras/scopes, uids], verbs: [impersonate] }',
          '{ apiGroups: [""], resources: [nodes/stats, users], verbs: [get] }',
        ]),
      },
    },
    { name: 'wildcards', files: { [FILE]: one('{ apiGroups: ["*"], resources: ["*", anything], verbs: [get] }') } },
    {
      name: 'new in 1.34: DRA, pod resize, pod certificates',
      files: {
        [FILE]: withRules([
          '{ apiGroups: [resource.k8s.io], resources: [resourceclaims, deviceclasses], verbs: [get] }',
          '{ apiGroups: [""], resources: [pods/resize], verbs: [patch] }',
          '{ apiGroups: [certificates.k8s.io], resources: [podcertificaterequests], verbs: [get] }',
        ]),
      },
    },
    {
      name: 'a tombstone',
      files: {
        [FILE]: withRules(['{ apiGroups: [""], resources: [configmap], verbs: [get] }'], { status: 'decommissioned' }),
      },
    },
  ],
  bad: [
    {
      name: 'configmap → configmaps',
      files: { [FILE]: typo },
      expect: [
        {
          ...pos(typo, 29, 'configmap'),
          messageId: 'guess',
          message: new RegExp(
            String.raw`^resource "configmap" does not exist in apiGroup "" \(core\) of Kubernetes 1\.34; did ` +
              String.raw`you mean "configmaps"\?$`,
          ),
        },
      ],
    },
    {
      name: 'deployment → deployments',
      files: { [FILE]: singular },
      expect: [{ ...pos(singular, 29, 'deployment'), messageId: 'guess', message: /did you mean "deployments"\?/ }],
    },
    {
      name: 'a resource of another group',
      files: { [FILE]: wrongGroup },
      expect: [
        {
          ...pos(wrongGroup, 29, 'deployments'),
          messageId: 'otherGroup',
          message: /"deployments" is served by apiGroup "apps"/,
        },
      ],
    },
    {
      name: 'a kubectl short name',
      files: { [FILE]: short },
      expect: [
        {
          ...pos(short, 29, 'cm'),
          messageId: 'shortName',
          message: /"cm" is kubectl's short name, RBAC needs "configmaps"/,
        },
      ],
    },
    {
      name: 'pods/* is not expanded by RBAC',
      files: { [FILE]: subStar },
      expect: [
        {
          ...pos(subStar, 29, 'pods/*'),
          messageId: 'subresourceWildcard',
          message: /RBAC does not expand "pods\/\*"; name each subresource \(pods\/attach, .*pods\/exec/,
        },
      ],
    },
    {
      name: 'an unknown subresource',
      files: { [FILE]: sub },
      expect: [
        {
          ...pos(sub, 29, 'pods/execute'),
          messageId: 'unknownSubresourceGuess',
          message: /pods has the subresources .*; did you mean "pods\/exec"\?/,
        },
      ],
    },
    {
      name: 'the removed extensions group',
      files: { [FILE]: extensions },
      expect: [
        {
          ...pos(extensions, 29, 'extensions'),
          messageId: 'removedGroupServed',
          message: new RegExp(
            String.raw`^apiGroup "extensions" was removed in Kubernetes 1\.22, so this rule grants nothing; ` +
              String.raw`deployments is in "apps"`,
          ),
        },
      ],
    },
    {
      name: 'a misspelt built-in group',
      files: { [FILE]: groupTypo },
      expect: [
        {
          ...pos(groupTypo, 29, 'app'),
          messageId: 'groupTypo',
          message: /^apiGroup "app" is not a Kubernetes API group; did you mean "apps"\?/,
        },
      ],
    },
    {
      name: 'nothing close',
      files: { [FILE]: nothing },
      expect: [
        {
          ...pos(nothing, 29, 'widgets'),
          messageId: 'noSuchResource',
          message: /^resource "widgets" does not exist in apiGroup "batch" of Kubernetes 1\.34$/,
        },
      ],
    },
    {
      name: 'typos in elevations count before they start',
      files: { [FILE]: future },
      expect: [{ ...pos(future, 38, 'secret'), messageId: 'guess', message: /did you mean "secrets"\?/ }],
    },
  ],
});
