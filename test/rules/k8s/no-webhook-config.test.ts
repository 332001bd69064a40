import { ruleTable } from '../harness.js';
import { elevatedWith, FILE, one, pos, withRules } from './fixture.js';

const hooks = one(
  '{ apiGroups: [admissionregistration.k8s.io], resources: [mutatingwebhookconfigurations, ' +
    'validatingwebhookconfigurations], verbs: [get, patch, delete] }',
);
const policies = one(
  '{ apiGroups: [admissionregistration.k8s.io], resources: [validatingadmissionpolicies, ' +
    'validatingadmissionpolicybindings], verbs: [create] }',
);
const elevated = elevatedWith(
  '{ apiGroups: [admissionregistration.k8s.io], resources: [mutatingadmissionpolicies], verbs: [update] }',
);

ruleTable('k8s/no-webhook-config', {
  good: [
    {
      name: 'reading webhook configurations',
      files: {
        [FILE]: one(
          '{ apiGroups: [admissionregistration.k8s.io], resources: [mutatingwebhookconfigurations], verbs: ' +
            '[get, list, watch] }',
        ),
      },
    },
    {
      name: 'resources "*" in a Role cannot reach cluster-scoped configuration',
      files: { [FILE]: one('{ apiGroups: [admissionregistration.k8s.io], resources: ["*"], verbs: ["*"] }') },
    },
    {
      name: 'a tombstone',
      files: {
        [FILE]: withRules(
          [
            '{ apiGroups: [admissionregistration.k8s.io], resources: [mutatingwebhookconfigurations], ' +
              'verbs: [create] }',
          ],
          { status: 'decommissioned' },
        ),
      },
    },
  ],
  bad: [
    {
      name: 'patch and delete webhook configurations',
      files: { [FILE]: hooks },
      expect: [
        {
          ...pos(hooks, 29, 'patch'),
          messageId: 'admission',
          message: /^patch on mutatingwebhookconfigurations lets the identity change what the API server admits/,
        },
        { ...pos(hooks, 29, 'delete'), messageId: 'admission' },
      ],
    },
    {
      name: 'admission policies and their bindings',
      files: { [FILE]: policies },
      expect: [
        { ...pos(policies, 29, 'create'), messageId: 'admission', message: /^create on validatingadmissionpolicies/ },
      ],
    },
    {
      name: 'an active elevation',
      files: { [FILE]: elevated },
      expect: [{ ...pos(elevated, 38, 'update'), messageId: 'admission' }],
    },
  ],
});
