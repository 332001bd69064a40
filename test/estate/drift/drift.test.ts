// The comparison: every kind of drift from hand-made estates, against manifests loaded as the
// command loads them. Exact reports, compared whole.
import { describe, expect, it } from 'vitest';
import type { Estate, EstateIdentity } from '../../../src/features/estate/types.js';
import { drifted } from '../../../src/features/estate/drift/types.js';
import { ACCOUNT, awsEstate, awsLine, driftOf, manifest, NOW, repo, role } from './fixtures.js';

const ARN = (name: string, kind = 'role', path = '/idac/tm/') => `arn:aws:iam::${ACCOUNT}:${kind}${path}${name}`;

const READER = manifest(
  'reader',
  `    aws:
      account: "${ACCOUNT}"
      principal: role
      trust:
        oidc:
          provider: gitlab
          audience: https://gitlab.com
          subject: "project_path:acme/x:ref_type:branch:ref:main"
      permissions:
        - actions: [s3:GetObject, s3:ListBucket]
          resources: [arn:aws:s3:::bank, arn:aws:s3:::bank/*]
`,
);
const READER_TRUST = {
  oidc: { provider: 'gitlab', audience: 'https://gitlab.com', subject: 'project_path:acme/x:ref_type:branch:ref:main' },
};
type AwsAccess = NonNullable<EstateIdentity['access']['aws']>;
const aws = (permissions: AwsAccess['permissions'], trust: AwsAccess['trust'] = READER_TRUST) => ({
  aws: { account: ACCOUNT, principal: 'role' as const, trust, permissions },
});

describe('drift: changed', () => {
  it('is clean for the same grants written otherwise (order, duplicates, case, split)', async () => {
    const r = await repo({ 'identities/tm/reader.yaml': READER });
    const live = role(
      'reader',
      aws([
        { actions: ['s3:listbucket'], resources: ['arn:aws:s3:::bank/*', 'arn:aws:s3:::bank'] },
        { actions: ['S3:GetObject', 's3:GetObject'], resources: ['arn:aws:s3:::bank', 'arn:aws:s3:::bank/*'] },
      ]),
    );
    const report = await driftOf(r, [awsEstate([live])]);
    expect(report).toEqual({ orphans: [], unmanagedKeys: [], changed: [], missing: [] });
    expect(drifted(report)).toBe(false);
  });

  it('reports a grant added in the console, one taken away, a new trust and a Deny, field by field', async () => {
    const r = await repo({ 'identities/tm/reader.yaml': READER });
    const live = role(
      'reader',
      aws(
        [
          { actions: ['s3:GetObject'], resources: ['arn:aws:s3:::bank', 'arn:aws:s3:::bank/*'] },
          { actions: ['s3:PutObject'], resources: ['arn:aws:s3:::bank/*'] },
        ],
        { ...READER_TRUST, account: { id: '444455556666' } },
      ),
      {
        notExpressible: [
          {
            source: 'inline policy console-edit',
            statement: '{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}',
            reason: 'a manifest grants only: a Deny has no field',
          },
        ],
      },
    );
    const report = await driftOf(r, [awsEstate([live])]);
    expect(report.changed).toEqual([
      {
        target: 'aws',
        id: ARN('reader'),
        identity: 'reader',
        file: 'identities/tm/reader.yaml',
        differences: [
          {
            field: 'aws.notExpressible',
            manifest: null,
            live: '{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}',
            source: 'inline policy console-edit',
            reason: 'a manifest grants only: a Deny has no field',
          },
          { field: 'aws.permissions', manifest: null, live: 's3:PutObject on arn:aws:s3:::bank/*' },
          { field: 'aws.permissions', manifest: 's3:ListBucket on arn:aws:s3:::bank', live: null },
          { field: 'aws.trust', manifest: null, live: 'account 444455556666 (any principal it allows)' },
        ],
      },
    ]);
    expect(drifted(report)).toBe(true);
  });

  it('shows a wildcard added in the console once, as written, not as every action it expands to', async () => {
    const r = await repo({ 'identities/tm/reader.yaml': READER });
    const live = role(
      'reader',
      aws([
        { actions: ['s3:GetObject', 's3:ListBucket'], resources: ['arn:aws:s3:::bank', 'arn:aws:s3:::bank/*'] },
        { actions: ['iam:*'], resources: ['*'] },
      ]),
    );
    const report = await driftOf(r, [awsEstate([live])]);
    expect(report.changed[0]!.differences).toEqual([{ field: 'aws.permissions', manifest: null, live: 'iam:* on *' }]);
  });

  it('compares conditions: the same pair under other conditions is another grant', async () => {
    const r = await repo({ 'identities/tm/reader.yaml': READER });
    const cond = { StringEquals: { 'aws:SourceVpc': 'vpc-1' } };
    const live = role(
      'reader',
      aws([
        { actions: ['s3:GetObject', 's3:ListBucket'], resources: ['arn:aws:s3:::bank', 'arn:aws:s3:::bank/*'] },
        { actions: ['s3:PutObject'], resources: ['arn:aws:s3:::bank/*'], conditions: cond },
      ]),
    );
    const report = await driftOf(r, [awsEstate([live])]);
    expect(report.changed[0]!.differences).toEqual([
      {
        field: 'aws.permissions',
        manifest: null,
        live: 's3:PutObject on arn:aws:s3:::bank/* when {"StringEquals":{"aws:SourceVpc":"vpc-1"}}',
      },
    ]);
  });

  it('expects no grant of a suspended identity, but its trust', async () => {
    const r = await repo({
      'identities/tm/reader.yaml': READER.replace('  expires:', '  status: suspended\n  expires:'),
    });
    const emptied = role('reader', aws([]));
    expect(await driftOf(r, [awsEstate([emptied])])).toEqual({
      orphans: [],
      unmanagedKeys: [],
      changed: [],
      missing: [],
    });
    const still = role('reader', aws([{ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::bank/*'] }], {}));
    expect((await driftOf(r, [awsEstate([still])])).changed[0]!.differences).toEqual([
      { field: 'aws.permissions', manifest: null, live: 's3:GetObject on arn:aws:s3:::bank/*' },
      {
        field: 'aws.trust',
        manifest: 'oidc gitlab project_path:acme/x:ref_type:branch:ref:main',
        live: null,
      },
    ]);
  });

  it('counts an active elevation as declared access, and an expired one not', async () => {
    const elevated = READER.replace(
      '  expires: 2027-05-31\n',
      `  expires: 2027-05-31
  elevations:
    - reason: INC-1 replay
      approvedBy: b@example.com
      from: 2026-11-23T08:00:00Z
      until: 2026-11-23T16:00:00Z
      access:
        aws:
          permissions:
            - actions: [s3:PutObject]
              resources: [arn:aws:s3:::bank/*]
`,
    );
    const r = await repo({ 'identities/tm/reader.yaml': elevated });
    const live = role(
      'reader',
      aws([
        { actions: ['s3:GetObject', 's3:ListBucket'], resources: ['arn:aws:s3:::bank', 'arn:aws:s3:::bank/*'] },
        { actions: ['s3:PutObject'], resources: ['arn:aws:s3:::bank/*'] },
      ]),
    );
    expect((await driftOf(r, [awsEstate([live])])).changed).toEqual([]);
    const later = await driftOf(r, [awsEstate([live])], Date.parse('2026-11-24T00:00:00Z'));
    expect(later.changed[0]!.differences).toEqual([
      { field: 'aws.permissions', manifest: null, live: 's3:PutObject on arn:aws:s3:::bank/*' },
    ]);
  });

  it('reports a decommissioned identity whose principal is still there, and nothing once it is gone', async () => {
    const r = await repo({
      'identities/tm/reader.yaml': READER.replace('  expires:', '  status: decommissioned\n  expires:'),
    });
    expect((await driftOf(r, [awsEstate([role('reader', aws([]))])])).changed).toEqual([
      {
        target: 'aws',
        id: ARN('reader'),
        identity: 'reader',
        file: 'identities/tm/reader.yaml',
        differences: [{ field: 'status', manifest: 'decommissioned', live: 'exists' }],
      },
    ]);
    expect(drifted(await driftOf(r, [awsEstate([])]))).toBe(false);
  });

  it('compares Kubernetes rules and Vault paths and logins', async () => {
    const r = await repo({
      'identities/tm/api.yaml': manifest(
        'api',
        `    kubernetes:
      cluster: prod-eu
      namespace: payments
      rules:
        - apiGroups: [""]
          resources: [configmaps]
          verbs: [get, list]
    vault:
      auth: kubernetes
      paths:
        - path: kv/data/payments/*
          capabilities: [read]
`,
      ),
    });
    const k8s: Estate = {
      target: 'kubernetes',
      scope: 'prod-eu',
      identities: [
        {
          target: 'kubernetes',
          id: 'k8s:prod-eu/payments/api',
          name: 'api',
          labels: {},
          access: {
            kubernetes: {
              cluster: 'prod-eu',
              namespace: 'payments',
              rules: [
                { apiGroups: [''], resources: ['configmaps'], verbs: ['list', 'get'] },
                { apiGroups: [''], resources: ['secrets'], verbs: ['get'] },
              ],
            },
          },
          notExpressible: [],
          origins: [],
        },
      ],
      keys: [],
      org: {},
      warnings: [],
    };
    const vault: Estate = {
      target: 'vault',
      scope: 'dump',
      identities: [
        {
          target: 'vault',
          id: 'vault:auth/k8s-prod/role/api',
          name: 'api',
          labels: {},
          access: {
            vault: { auth: 'kubernetes', paths: [{ path: 'kv/data/payments/*', capabilities: ['read', 'list'] }] },
          },
          notExpressible: [],
          origins: [],
        },
      ],
      keys: [],
      org: {},
      warnings: [],
    };
    const report = await driftOf(r, [k8s, vault]);
    expect(report.changed).toEqual([
      {
        target: 'kubernetes',
        id: 'k8s:prod-eu/payments/api',
        identity: 'api',
        file: 'identities/tm/api.yaml',
        differences: [{ field: 'kubernetes.rules', manifest: null, live: 'get secrets in prod-eu/payments' }],
      },
      {
        target: 'vault',
        id: 'vault:auth/k8s-prod/role/api',
        identity: 'api',
        file: 'identities/tm/api.yaml',
        differences: [{ field: 'vault.paths', manifest: null, live: 'list on kv/data/payments/*' }],
      },
    ]);
  });
});

describe('drift: missing and coverage', () => {
  it('reports an active or suspended manifest whose principal is gone, only where the estate looks', async () => {
    const r = await repo({
      'identities/tm/reader.yaml': READER,
      'identities/tm/paused.yaml': manifest('paused', awsLine(ACCOUNT, 'user'), '  status: suspended\n'),
      'identities/tm/elsewhere.yaml': manifest('elsewhere', awsLine('999999999999', 'role')),
      'identities/tm/api-sa.yaml': manifest(
        'api-sa',
        '    kubernetes:\n      cluster: prod-eu\n      namespace: payments\n' +
          '      rules: [{ apiGroups: [""], resources: [pods], verbs: [get] }]\n',
      ),
    });
    const report = await driftOf(r, [awsEstate([])]);
    expect(report.missing).toEqual([
      { target: 'aws', id: ARN('reader'), identity: 'reader', file: 'identities/tm/reader.yaml', status: 'active' },
      {
        target: 'aws',
        id: ARN('paused', 'user'),
        identity: 'paused',
        file: 'identities/tm/paused.yaml',
        status: 'suspended',
      },
    ]);
  });
});

describe('drift: orphans', () => {
  const estate = awsEstate([
    role('zeta', aws([])),
    role('AWSServiceRoleForECS', aws([]), {
      id: ARN('AWSServiceRoleForECS', 'role', '/aws-service-role/ecs.amazonaws.com/'),
      skip: 'an AWS service-linked role',
    }),
    role('legacy-etl', aws([]), { id: ARN('legacy-etl', 'role', '/legacy/') }),
    role('break-glass', aws([]), { id: ARN('break-glass', 'role', '/') }),
    role('alpha', aws([])),
  ]);

  it('lists principals no manifest declares, sorted, skipping what is never an identity', async () => {
    const r = await repo({});
    expect((await driftOf(r, [estate])).orphans).toEqual([
      { target: 'aws', id: ARN('break-glass', 'role', '/'), name: 'break-glass' },
      { target: 'aws', id: ARN('alpha'), name: 'alpha' },
      { target: 'aws', id: ARN('zeta'), name: 'zeta' },
      { target: 'aws', id: ARN('legacy-etl', 'role', '/legacy/'), name: 'legacy-etl' },
    ]);
  });

  it.each([
    { globs: ['arn:aws:iam::*:role/legacy/*'], left: ['break-glass', 'alpha', 'zeta'] },
    { globs: ['break-gl?ss'], left: ['alpha', 'zeta', 'legacy-etl'] },
    { globs: ['break-gl?s'], left: ['break-glass', 'alpha', 'zeta', 'legacy-etl'] },
    { globs: ['*'], left: [] },
    { globs: ['arn:aws:iam::123456789012:role/idac/tm/*', 'legacy-*'], left: ['break-glass'] },
  ])('drift.ignore $globs matches ids and live names', async ({ globs, left }) => {
    const org = (await import('./fixtures.js')).ORG.replace(
      'spec:\n',
      `spec:\n  drift:\n    ignore: [${globs.map((g) => JSON.stringify(g)).join(', ')}]\n`,
    );
    const r = await repo({}, org);
    expect((await driftOf(r, [estate])).orphans.map((o) => o.name)).toEqual(left);
  });
});

describe('drift: unmanaged access keys', () => {
  const key = (user: string, keyId: string, created: string, status: 'Active' | 'Inactive' = 'Active') => ({
    user: ARN(user, 'user', user.startsWith('legacy') ? '/' : '/idac/tm/'),
    userName: user,
    keyId,
    status,
    created,
  });
  const user = (name: string, path = '/idac/tm/') =>
    role(
      name,
      { aws: { account: ACCOUNT, principal: 'user', permissions: [{ actions: ['s3:GetObject'], resources: ['*'] }] } },
      {
        id: ARN(name, 'user', path),
      },
    );
  const USER = (name: string, meta = '', extra = '') => manifest(name, awsLine(ACCOUNT, 'user'), extra, meta);

  it('reports keys of undeclared users, keys older than the import, keys beyond the generations', async () => {
    const r = await repo({
      'identities/tm/bot.yaml': USER('bot', '', '  rotation: { period: 90d }\n'),
      'identities/tm/legacy-sync.yaml': USER(
        'legacy-sync',
        `  importedFrom:\n    target: aws\n    id: "${ARN('legacy-sync', 'user', '/')}"\n` +
          '    name: legacy-sync\n    at: 2026-11-01\n',
      ),
    });
    const estate = awsEstate(
      [user('bot'), user('legacy-sync', '/'), user('legacy-orphan', '/')],
      [
        key('bot', 'AKIA…AAA1', '2026-11-20T00:00:00Z'),
        key('bot', 'AKIA…AAA2', '2026-01-02T00:00:00Z', 'Inactive'),
        key('legacy-sync', 'AKIA…BBB1', '2024-05-01T00:00:00Z'),
        key('legacy-sync', 'AKIA…BBB2', '2026-11-02T00:00:00Z'),
        key('legacy-orphan', 'AKIA…CCC1', '2023-01-01T00:00:00Z'),
      ],
    );
    const report = await driftOf(r, [estate]);
    expect(report.unmanagedKeys).toEqual([
      {
        target: 'aws',
        id: ARN('bot', 'user'),
        identity: 'bot',
        file: 'identities/tm/bot.yaml',
        keyId: 'AKIA…AAA2',
        status: 'Inactive',
        created: '2026-01-02T00:00:00Z',
        reason: 'beyond the 1 key idac keeps for this user (its live generations)',
      },
      {
        target: 'aws',
        id: ARN('legacy-orphan', 'user', '/'),
        keyId: 'AKIA…CCC1',
        status: 'Active',
        created: '2023-01-01T00:00:00Z',
        reason: 'no manifest declares this user',
      },
      {
        target: 'aws',
        id: ARN('legacy-sync', 'user', '/'),
        identity: 'legacy-sync',
        file: 'identities/tm/legacy-sync.yaml',
        keyId: 'AKIA…BBB1',
        status: 'Active',
        created: '2024-05-01T00:00:00Z',
        reason: 'created before the import (2026-11-01): idac never adopts an existing key',
      },
    ]);
    expect(report.orphans.map((o) => o.name)).toEqual(['legacy-orphan']);
  });

  it('keeps two keys during a rotation overlap, one after it', async () => {
    const r = await repo({ 'identities/tm/bot.yaml': USER('bot', '', '  rotation: { period: 1d, overlap: 12h }\n') });
    const estate = awsEstate(
      [user('bot')],
      [key('bot', 'AKIA…AAA1', '2026-11-23T00:00:00Z'), key('bot', 'AKIA…AAA2', '2026-11-22T00:00:00Z')],
    );
    const { generations } = await import('../../../src/compile/rotation.js');
    const issued = generations(r.identities[0]!.data, NOW).issued;
    const hour = 3600 * 1000;
    expect((await driftOf(r, [estate], issued + hour)).unmanagedKeys).toEqual([]);
    const after = await driftOf(r, [estate], issued + 13 * hour);
    expect(after.unmanagedKeys.map((k) => [k.keyId, k.reason])).toEqual([
      ['AKIA…AAA2', 'beyond the 1 key idac keeps for this user (its live generations)'],
    ]);
  });

  it('reports a key of a suspended user left active (idac deactivates, never deletes them)', async () => {
    const r = await repo({ 'identities/tm/bot.yaml': USER('bot', '', '  status: suspended\n') });
    const estate = awsEstate([user('bot')], [key('bot', 'AKIA…AAA1', '2026-11-20T00:00:00Z')]);
    expect((await driftOf(r, [estate])).changed).toEqual([
      {
        target: 'aws',
        id: ARN('bot', 'user'),
        identity: 'bot',
        file: 'identities/tm/bot.yaml',
        differences: [
          { field: 'aws.keys', manifest: 'AKIA…AAA1 Inactive (suspended)', live: 'AKIA…AAA1 Active' },
          { field: 'aws.permissions', manifest: null, live: 's3:GetObject on *' },
        ],
      },
    ]);
    const off = awsEstate([user('bot')], [key('bot', 'AKIA…AAA1', '2026-11-20T00:00:00Z', 'Inactive')]);
    expect((await driftOf(r, [off])).changed[0]!.differences.map((d) => d.field)).toEqual(['aws.permissions']);
  });

  it('leaves the keys of an ignored user alone', async () => {
    const org = (await import('./fixtures.js')).ORG.replace('spec:\n', 'spec:\n  drift:\n    ignore: ["legacy-*"]\n');
    const r = await repo({}, org);
    const report = await driftOf(r, [
      awsEstate([user('legacy-orphan', '/')], [key('legacy-orphan', 'AKIA…CCC1', '2023-01-01')]),
    ]);
    expect(report).toEqual({ orphans: [], unmanagedKeys: [], changed: [], missing: [] });
  });
});
