import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const certs = (names: string) => `${IDENTITY}    vault:
      auth: kubernetes
      certificates:
        - mount: pki
          commonNames: [${names}]
          ttl: 72h
`;

ruleTable('boundary/certificate-domain', {
  good: [
    {
      name: 'a name below the domain and the domain itself',
      files: { [at]: certs('app.payments.svc.cluster.local, payments.svc.cluster.local') },
    },
    { name: 'names compare case-insensitively', files: { [at]: certs('APP.Payments.SVC.cluster.local') } },
    {
      name: 'domains compare case-insensitively',
      files: {
        'identities/org.yaml': edit(
          ORG,
          'domains: ["payments.svc.cluster.local"]',
          'domains: ["payments.svc.cluster.local", "example.com"]',
        ),
        [at]: certs('a.b.Example.com'),
      },
    },
    {
      name: 'no boundaries.vault.domains: no boundary',
      files: {
        'identities/org.yaml': edit(ORG, ', domains: ["payments.svc.cluster.local"]', ''),
        [at]: certs('anything.example.org'),
      },
    },
    { name: 'without org.yaml', files: { 'identities/org.yaml': null, [at]: certs('anything.example.org') } },
    {
      name: 'a tombstone is skipped',
      files: {
        [at]: edit(
          certs('anything.example.org'),
          '  expires: 2027-05-31\n',
          '  expires: 2027-05-31\n  status: decommissioned\n',
        ),
      },
    },
  ],
  bad: [
    {
      name: 'a suffix without the dot',
      files: { [at]: certs('evilpayments.svc.cluster.local') },
      expect: [
        {
          line: 29,
          column: 25,
          messageId: 'outside',
          message: /certificate name "evilpayments.svc.cluster.local" is not within team payments's domains/,
        },
      ],
    },
    {
      name: 'the domain followed by more',
      files: { [at]: certs('app.payments.svc.cluster.local.evil.example') },
      expect: [{ line: 29, column: 25, messageId: 'outside' }],
    },
    {
      name: 'a parent domain',
      files: { [at]: certs('svc.cluster.local') },
      expect: [{ line: 29, column: 25, messageId: 'outside' }],
    },
    {
      name: 'only the bad one of two names',
      files: { [at]: certs('app.payments.svc.cluster.local, risk.svc.cluster.local') },
      expect: [{ line: 29, column: 57, messageId: 'outside', message: /"risk.svc.cluster.local"/ }],
    },
    {
      name: 'an empty list allows nothing',
      files: {
        'identities/org.yaml': edit(ORG, 'domains: ["payments.svc.cluster.local"]', 'domains: []'),
        [at]: certs('app.payments.svc.cluster.local'),
      },
      expect: [{ line: 29, column: 25, messageId: 'outside' }],
    },
  ],
});
