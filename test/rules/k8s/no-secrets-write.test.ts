import { ruleTable } from '../harness.js';
import { elevatedWith, FILE, one, oneIn, pos, withRules } from './fixture.js';

const create = one('{ apiGroups: [""], resources: [secrets], verbs: [create] }');
const patch = one('{ apiGroups: [""], resources: [secrets], verbs: [get, patch, update] }');
const named = one('{ apiGroups: [""], resources: [secrets], resourceNames: [tls-cert], verbs: [create, patch] }');
const namedSystem = oneIn(
  'kube-system',
  '{ apiGroups: [""], resources: [secrets], resourceNames: [tls-cert], verbs: [update] }',
);
const star = oneIn('kube-system', '{ apiGroups: [""], resources: ["*"], verbs: ["*"] }');
const elevated = elevatedWith('{ apiGroups: [""], resources: [secrets], verbs: [create] }');

ruleTable('k8s/no-secrets-write', {
  good: [
    {
      name: "reading secrets is k8s/no-secrets-read's finding",
      files: { [FILE]: one('{ apiGroups: [""], resources: [secrets], verbs: [get, list] }') },
    },
    {
      name: 'deleting secrets mints nothing',
      files: { [FILE]: one('{ apiGroups: [""], resources: [secrets], verbs: [delete] }') },
    },
    {
      name: 'create with resourceNames matches no request',
      files: { [FILE]: one('{ apiGroups: [""], resources: [secrets], resourceNames: [tls-cert], verbs: [create] }') },
    },
    {
      name: 'writing config maps',
      files: { [FILE]: one('{ apiGroups: [""], resources: [configmaps], verbs: [create, patch] }') },
    },
    {
      name: 'secrets of another API group are not Secrets',
      files: { [FILE]: one('{ apiGroups: [external-secrets.io], resources: [secrets], verbs: [create] }') },
    },
    {
      name: 'a tombstone',
      files: {
        [FILE]: withRules(['{ apiGroups: [""], resources: [secrets], verbs: [create] }'], { status: 'decommissioned' }),
      },
    },
  ],
  bad: [
    {
      name: 'create on secrets mints a service-account token',
      files: { [FILE]: create },
      expect: [
        {
          ...pos(create, 29, 'create'),
          messageId: 'mintToken',
          message: new RegExp(
            String.raw`^create on secrets in prod-eu\/payments can create a Secret of type ` +
              String.raw`kubernetes\.io\/service-account-token naming any service account`,
          ),
        },
      ],
    },
    {
      name: 'patch and update rewrite any secret',
      files: { [FILE]: patch },
      expect: [
        { ...pos(patch, 29, 'patch'), messageId: 'overwrite', message: /^patch on secrets .* reads it back/ },
        { ...pos(patch, 29, 'update'), messageId: 'overwrite' },
      ],
    },
    {
      name: 'a named secret is narrower: a warning',
      files: { [FILE]: named },
      expect: [{ ...pos(named, 29, 'patch'), messageId: 'writeNamed', message: /the secrets named "tls-cert"/ }],
    },
    {
      name: 'a named secret in kube-system: an error',
      files: { [FILE]: namedSystem },
      expect: [
        {
          ...pos(namedSystem, 29, 'update'),
          messageId: 'writeNamedPrivileged',
          message: /privileged namespace prod-eu\/kube-system rewrites the secrets named "tls-cert"/,
        },
      ],
    },
    {
      name: 'everything in kube-system',
      files: { [FILE]: star },
      expect: [
        { ...pos(star, 29, '"*"', 2), messageId: 'mintToken', message: /through verbs "\*" and resources "\*"/ },
      ],
    },
    {
      name: 'an active elevation',
      files: { [FILE]: elevated },
      expect: [{ ...pos(elevated, 38, 'create'), messageId: 'mintToken' }],
    },
  ],
});
