import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const vault = (auth: string) => `${IDENTITY}    vault:
      auth: ${auth}
      paths:
        - path: kv/data/payments/app/*
          capabilities: [read]
`;
const k8s = `    kubernetes:
      cluster: prod-eu
      namespace: payments
`;

ruleTable('target/vault-kubernetes-auth', {
  good: [
    { name: 'kubernetes auth with a service account', files: { [at]: `${vault('kubernetes')}${k8s}` } },
    { name: 'approle needs no service account', files: { [at]: vault('approle') } },
    { name: 'no vault access', files: { [at]: IDENTITY } },
    {
      name: 'a tombstone is skipped',
      files: {
        [at]: edit(vault('kubernetes'), '  expires: 2027-05-31\n', '  expires: 2027-05-31\n  status: decommissioned\n'),
      },
    },
  ],
  bad: [
    {
      name: 'kubernetes auth, no kubernetes access',
      files: { [at]: vault('kubernetes') },
      expect: [
        {
          line: 26,
          column: 13,
          messageId: 'noServiceAccount',
          message: /vault.auth is kubernetes but spec.access.kubernetes names no cluster/,
        },
      ],
    },
  ],
});
