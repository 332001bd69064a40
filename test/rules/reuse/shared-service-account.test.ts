import { describe, expect, it } from 'vitest';
import sharedServiceAccount from '../../../src/rules/reuse/shared-service-account.js';
import { messageText } from '../../../src/rules/types.js';
import { edit, IDENTITY, ruleTable } from '../harness.js';
import { named, tombstone, toRisk, TRUST } from './fixture.js';
import { trusting as trustingFed } from '../federation.js';

/** An identity whose role trusts the service account `sa` in prod-eu/<namespace>. */
const trusting = (name: string, sa: string, namespace = 'payments', text = IDENTITY) =>
  named(name, edit(text, TRUST, `kubernetes: { cluster: prod-eu, namespace: ${namespace}, serviceAccount: ${sa} }`));
/** An identity with no AWS access and a Kubernetes service account (named, or defaulted when `sa` is absent). */
const k8s = (
  name: string,
  sa?: string,
  cluster = 'prod-eu',
) => `${named(name, IDENTITY.slice(0, IDENTITY.indexOf('    aws:\n')))}    kubernetes:
      cluster: ${cluster}
      namespace: payments
${sa === undefined ? '' : `      serviceAccount: ${sa}\n`}`;
const irsa = `${IDENTITY}    kubernetes:
      cluster: prod-eu
      namespace: payments
`;

ruleTable('reuse/shared-service-account', {
  good: [
    {
      name: 'a role trusting its own service account (IRSA) is not reuse',
      files: { 'identities/payments/app.yaml': irsa },
    },
    {
      name: 'each identity its own service account',
      files: {
        'identities/payments/app.yaml': irsa,
        'identities/payments/other.yaml': trusting('other', 'other'),
        'identities/risk/third.yaml': toRisk(k8s('third')),
      },
    },
    {
      name: 'the same name in another namespace',
      files: {
        'identities/payments/app.yaml': IDENTITY,
        'identities/risk/other.yaml': toRisk(trusting('other', 'app', 'risk')),
      },
    },
    {
      name: 'the same name in another cluster',
      files: {
        'identities/payments/app.yaml': IDENTITY,
        'identities/risk/other.yaml': toRisk(k8s('other', 'app', 'prod-us')),
      },
    },
    {
      name: 'a tombstone no longer holds its service account',
      files: {
        'identities/payments/app.yaml': IDENTITY,
        'identities/risk/old.yaml': tombstone(toRisk(trusting('old', 'app'))),
      },
    },
    {
      name: 'org.yaml absent',
      files: {
        'identities/org.yaml': null,
        'identities/payments/app.yaml': irsa,
        'identities/payments/other.yaml': trusting('other', 'other'),
      },
    },
  ],
  bad: [
    {
      name: "a role trusting another team's service account",
      files: { 'identities/payments/app.yaml': k8s('app'), 'identities/risk/spy.yaml': toRisk(trusting('spy', 'app')) },
      expect: [
        {
          file: 'identities/payments/app.yaml',
          line: 17,
          column: 5,
          messageId: 'sharedServiceAccount',
          message: new RegExp(
            String.raw`^Kubernetes service account "prod-eu\/payments\/app" is also used by ` +
              String.raw`"identities\/risk\/spy\.yaml"; each identity needs its own$`,
          ),
        },
        {
          file: 'identities/risk/spy.yaml',
          line: 21,
          column: 78,
          messageId: 'sharedServiceAccount',
          message: /"prod-eu\/payments\/app" is also used by "identities\/payments\/app\.yaml"/,
        },
      ],
    },
    {
      name: "an explicit service account naming another identity's, with IRSA on one side",
      files: {
        'identities/payments/app.yaml': irsa,
        'identities/payments/batch.yaml': k8s('batch', 'app'),
        'identities/payments/other.yaml': trusting('other', 'other'),
      },
      expect: [
        {
          file: 'identities/payments/app.yaml',
          line: 21,
          column: 78,
          messageId: 'sharedServiceAccount',
          message: /also used by "identities\/payments\/batch\.yaml";/,
        },
        {
          file: 'identities/payments/batch.yaml',
          line: 20,
          column: 23,
          messageId: 'sharedServiceAccount',
          message: /also used by "identities\/payments\/app\.yaml";/,
        },
      ],
    },
    {
      name: 'three roles trusting one service account, across team folders',
      files: {
        'identities/payments/svc-a.yaml': trusting('svc-a', 'shared'),
        'identities/payments/svc-b.yaml': trusting('svc-b', 'shared'),
        'identities/risk/svc-c.yaml': toRisk(trusting('svc-c', 'shared')),
      },
      expect: [
        {
          file: 'identities/payments/svc-a.yaml',
          line: 21,
          column: 78,
          messageId: 'sharedServiceAccount',
          message: /also used by "identities\/payments\/svc-b\.yaml", "identities\/risk\/svc-c\.yaml";/,
        },
        {
          file: 'identities/payments/svc-b.yaml',
          line: 21,
          column: 78,
          messageId: 'sharedServiceAccount',
          message: /also used by "identities\/payments\/svc-a\.yaml", "identities\/risk\/svc-c\.yaml";/,
        },
        {
          file: 'identities/risk/svc-c.yaml',
          line: 21,
          column: 78,
          messageId: 'sharedServiceAccount',
          message: /also used by "identities\/payments\/svc-a\.yaml", "identities\/payments\/svc-b\.yaml";/,
        },
      ],
    },
    {
      name: 'a suspended identity still holds its service account',
      files: {
        'identities/payments/app.yaml': edit(
          IDENTITY,
          '  expires: 2027-05-31\n',
          '  expires: 2027-05-31\n  status: suspended\n',
        ),
        'identities/payments/other.yaml': trusting('other', 'app'),
      },
      expect: [
        { file: 'identities/payments/app.yaml', line: 22, column: 78, messageId: 'sharedServiceAccount' },
        { file: 'identities/payments/other.yaml', line: 21, column: 78, messageId: 'sharedServiceAccount' },
      ],
    },
    {
      name: "an EKS Pod Identity trust on another identity's service account",
      files: {
        'identities/payments/app.yaml': trustingFed(
          'eksPodIdentity: { cluster: prod-eu, namespace: payments, serviceAccount: app }',
        ),
        'identities/payments/other.yaml': named('other', IDENTITY),
      },
      expect: [
        { file: 'identities/payments/app.yaml', line: 21, column: 82, messageId: 'sharedServiceAccount' },
        { file: 'identities/payments/other.yaml', line: 21, column: 78, messageId: 'sharedServiceAccount' },
      ],
    },
  ],
});

describe('reuse/shared-service-account check()', () => {
  it('names a few other files and counts the rest, in linear time', () => {
    const n = 50_000;
    const use = { sa: 'prod-eu/payments/app', path: ['spec', 'access', 'kubernetes'], at: 'key' as const };
    const entries = Array.from({ length: n }, (_, i) => ({
      file: `identities/t${i}/x${i}.yaml`,
      identity: `x${i}`,
      value: { uses: [use] },
    }));
    const started = performance.now();
    const reports = sharedServiceAccount.check(entries, { org: null, now: 0, orgFile: 'identities/org.yaml' });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(reports).toHaveLength(n);
    expect(messageText(sharedServiceAccount, reports[0]!)).toMatch(
      /also used by "identities\/t1\/x1\.yaml", "identities\/t2\/x2\.yaml", "identities\/t3\/x3\.yaml" and 49996 more;/,
    );
  });
});
