import { ruleTable } from '../harness.js';
import { elevatedWith, FILE, one, pos, withRules } from './fixture.js';

const approval = one(
  '{ apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests/approval], verbs: [get, update, patch] }',
);
const signer = one(
  '{ apiGroups: [certificates.k8s.io], resources: [signers], resourceNames: [example-signer], verbs: [approve] }',
);
const elevated = elevatedWith('{ apiGroups: [certificates.k8s.io], resources: [signers], verbs: ["*"] }');

ruleTable('k8s/no-csr-approval', {
  good: [
    {
      name: 'reading the approval',
      files: {
        [FILE]: one(
          '{ apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests/approval], verbs: [get] }',
        ),
      },
    },
    {
      name: 'signing is not approving',
      files: { [FILE]: one('{ apiGroups: [certificates.k8s.io], resources: [signers], verbs: [sign] }') },
    },
    {
      name: 'a tombstone',
      files: {
        [FILE]: withRules(['{ apiGroups: [certificates.k8s.io], resources: [signers], verbs: [approve] }'], {
          status: 'decommissioned',
        }),
      },
    },
  ],
  bad: [
    {
      name: 'update and patch on the approval subresource',
      files: { [FILE]: approval },
      expect: [
        {
          ...pos(approval, 29, 'update'),
          messageId: 'approve',
          message: /^update on certificatesigningrequests\/approval lets the identity approve certificate requests/,
        },
        { ...pos(approval, 29, 'patch'), messageId: 'approve' },
      ],
    },
    {
      name: 'approve on a signer',
      files: { [FILE]: signer },
      expect: [{ ...pos(signer, 29, 'approve'), messageId: 'approve', message: /^approve on signers/ }],
    },
    {
      name: 'an active elevation with verbs "*"',
      files: { [FILE]: elevated },
      expect: [
        { ...pos(elevated, 38, '"*"'), messageId: 'approve', message: /^approve on signers \(through verbs "\*"\)/ },
      ],
    },
  ],
});
