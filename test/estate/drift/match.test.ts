// Which cloud object each manifest is: the ids compile gives (or import recorded), per target.
import { describe, expect, it } from 'vitest';
import { expectedObjects } from '../../../src/features/estate/drift/match.js';
import { ACCOUNT, awsLine, manifest, repo } from './fixtures.js';

const cases: {
  identity: string;
  name: string;
  access: string;
  meta?: string;
  want: { target: string; id: string; scope: string }[];
}[] = [
  {
    identity: 'web-role',
    name: 'an idac role: /idac/<team>/<name>',
    access: awsLine(ACCOUNT, 'role'),
    want: [{ target: 'aws', id: `arn:aws:iam::${ACCOUNT}:role/idac/tm/web-role`, scope: ACCOUNT }],
  },
  {
    identity: 'legacy-bot',
    name: 'an imported user: the id it was imported from',
    access: awsLine(ACCOUNT, 'user'),
    meta: `  importedFrom: { target: aws, id: "arn:aws:iam::${ACCOUNT}:user/ci/Legacy_Bot", name: Legacy_Bot }\n`,
    want: [{ target: 'aws', id: `arn:aws:iam::${ACCOUNT}:user/ci/Legacy_Bot`, scope: ACCOUNT }],
  },
  {
    identity: 'payments-api',
    name: 'a service account named after the identity',
    access: `    kubernetes: { cluster: prod-eu, namespace: payments, rules: [] }\n`,
    want: [{ target: 'kubernetes', id: 'k8s:prod-eu/payments/payments-api', scope: 'prod-eu' }],
  },
  {
    identity: 'sa-holder',
    name: 'a service account named explicitly, and a Vault login through the cluster mount',
    access:
      `    kubernetes: { cluster: prod-eu, namespace: payments, serviceAccount: sa-x }\n` +
      `    vault: { auth: kubernetes, paths: [{ path: kv/data/x, capabilities: [read] }] }\n`,
    want: [
      { target: 'kubernetes', id: 'k8s:prod-eu/payments/sa-x', scope: 'prod-eu' },
      { target: 'vault', id: 'vault:auth/k8s-prod/role/sa-holder', scope: '' },
    ],
  },
  {
    identity: 'batch-app',
    name: 'an approle under the org mount',
    access: `    vault: { auth: approle, paths: [{ path: kv/data/x, capabilities: [read] }] }\n`,
    want: [{ target: 'vault', id: 'vault:auth/apps/role/batch-app', scope: '' }],
  },
  {
    identity: 'gitlab-ci',
    name: 'a jwt login under its mount',
    access:
      '    vault:\n      auth: jwt\n' +
      '      jwt: { mount: jwt-gitlab, audience: https://v.example, claims: { ref: main } }\n',
    want: [{ target: 'vault', id: 'vault:auth/jwt-gitlab/role/gitlab-ci', scope: '' }],
  },
  {
    identity: 'cert-device',
    name: 'a cert login: not in a Vault dump, not compared',
    access: '    vault:\n      auth: cert\n      cert: { mount: cert, ca: factory-ca }\n',
    want: [],
  },
  {
    identity: 'no-sa',
    name: 'a Kubernetes login without a service account: no role',
    access: `    vault: { auth: kubernetes, paths: [{ path: kv/data/x, capabilities: [read] }] }\n`,
    want: [],
  },
  {
    identity: 'old-role',
    name: 'an imported Vault role',
    access: `    vault: { auth: approle, paths: [{ path: kv/data/x, capabilities: [read] }] }\n`,
    meta: `  importedFrom: { target: vault, id: "vault:auth/approle/role/Old.Role", name: Old.Role }\n`,
    want: [{ target: 'vault', id: 'vault:auth/approle/role/Old.Role', scope: '' }],
  },
];

describe('expectedObjects', () => {
  it.each(cases)('$name', async ({ identity, access, meta, want }) => {
    const r = await repo({ [`identities/tm/${identity}.yaml`]: manifest(identity, access, '', meta ?? '') });
    expect(expectedObjects(r.identities[0]!.data, r.org)).toEqual(want);
  });
});
