import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const cert = (ttl: string, extra = '') => `${IDENTITY}    vault:
      auth: kubernetes
      certificates:
        - mount: pki
          commonNames: [app.payments.svc.cluster.local]
          ttl: ${ttl}
${extra}`;
const noLimit = edit(ORG, '    certificateTtl: 90d\n', '');

ruleTable('certificate/max-ttl', {
  good: [
    { name: 'well under the limit', files: { [at]: cert('72h') } },
    { name: 'at the limit (inclusive)', files: { [at]: cert('90d') } },
    { name: 'the limit in other units', files: { [at]: cert('2160h') } },
    { name: 'no limits.certificateTtl in org.yaml', files: { 'identities/org.yaml': noLimit, [at]: cert('3650d') } },
    { name: 'without org.yaml', files: { 'identities/org.yaml': null, [at]: cert('3650d') } },
    {
      name: 'a tombstone is skipped',
      files: { [at]: edit(cert('0d'), '  expires: 2027-05-31\n', '  expires: 2027-05-31\n  status: decommissioned\n') },
    },
  ],
  bad: [
    {
      name: 'a day over',
      files: { [at]: cert('91d') },
      expect: [
        {
          line: 30,
          column: 16,
          messageId: 'tooLong',
          message: /certificate ttl 91d exceeds the limit of 90d in org.yaml limits.certificateTtl/,
        },
      ],
    },
    {
      name: 'a minute over, in minutes',
      files: { [at]: cert('129601m') },
      expect: [{ line: 30, column: 16, messageId: 'tooLong', message: /90d1m exceeds the limit of 90d/ }],
    },
    {
      name: 'a ttl of zero',
      files: { [at]: cert('0h') },
      expect: [
        {
          line: 30,
          column: 16,
          messageId: 'zeroTtlLimit',
          message: new RegExp(
            String.raw`certificate ttl 0h is zero: Vault would issue with the mount's default lifetime; give a ` +
              String.raw`positive ttl of at most 90d`,
          ),
        },
      ],
    },
    {
      name: 'a ttl of zero without a limit',
      files: { 'identities/org.yaml': noLimit, [at]: cert('0d') },
      expect: [{ line: 30, column: 16, messageId: 'zeroTtl', message: /is zero.*positive ttl$/ }],
    },
    {
      name: 'a ttl of zero without org.yaml',
      files: { 'identities/org.yaml': null, [at]: cert('0m') },
      expect: [{ line: 30, column: 16, messageId: 'zeroTtl' }],
    },
    {
      name: 'only the second of two certificates',
      files: {
        [at]: cert(
          '24h',
          '        - mount: pki\n          commonNames: [api.payments.svc.cluster.local]\n          ttl: 365d\n',
        ),
      },
      expect: [{ line: 33, column: 16, messageId: 'tooLong', message: /365d exceeds/ }],
    },
  ],
});
