import { IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const certs = (names: string, extra = '') => `${IDENTITY}    vault:
      auth: kubernetes
      certificates:
        - mount: pki
          commonNames: [${names}]
          ttl: 72h
${extra}`;

ruleTable('certificate/no-wildcard-name', {
  good: [
    { name: 'exact names', files: { [at]: certs('app.payments.svc.cluster.local, payments.svc.cluster.local') } },
    {
      name: 'without org.yaml exact names still pass',
      files: { 'identities/org.yaml': null, [at]: certs('app.payments.svc.cluster.local') },
    },
    {
      name: 'a tombstone is skipped',
      files: {
        [at]: certs('"*.payments.svc.cluster.local"').replace(
          '  expires: 2027-05-31\n',
          '  expires: 2027-05-31\n  status: decommissioned\n',
        ),
      },
    },
  ],
  bad: [
    {
      name: 'a leading wildcard',
      files: { [at]: certs('"*.payments.svc.cluster.local"') },
      expect: [
        {
          line: 29,
          column: 25,
          messageId: 'wildcard',
          message: /certificate name "\*\.payments\.svc\.cluster\.local" contains a wildcard/,
        },
      ],
    },
    {
      name: 'a wildcard inside a label, second of two names',
      files: { [at]: certs('app.payments.svc.cluster.local, "app-*.payments.svc.cluster.local"') },
      expect: [{ line: 29, column: 57, messageId: 'wildcard', message: /"app-\*\.payments/ }],
    },
    {
      name: 'a bare star, also without org.yaml',
      files: { 'identities/org.yaml': null, [at]: certs('"*"') },
      expect: [{ line: 29, column: 25, messageId: 'wildcard' }],
    },
    {
      name: 'in a second certificate',
      files: {
        [at]: certs(
          'app.payments.svc.cluster.local',
          '        - mount: pki\n          commonNames: ["*.payments.svc.cluster.local"]\n          ttl: 24h\n',
        ),
      },
      expect: [{ line: 32, column: 25, messageId: 'wildcard' }],
    },
  ],
});
