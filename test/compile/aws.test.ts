import { describe, expect, it } from 'vitest';
import { compileAws } from '../../src/compile/aws.js';
import { isRef, type DesiredResource } from '../../src/compile/types.js';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import { orgModel } from '../../src/model/org.js';
import { acme, ACME_FILES, ACME_ORG, at, EKS_ISSUER, role, user } from './aws-fixture.js';
import { elevationKeyOf as keyOf } from './aws-fixture.js';

const ref = (resource: string, output: string) => ({ $ref: resource, output });
const tags = (identity: string, team: string, owner: string) => ({
  'idac:identity': identity,
  'idac:team': team,
  'idac:owner': owner,
});
const APP_TAGS = tags('app', 'payments', 'alice@acme.example');
const K8S_TRUST = (issuer: string, account = '123456789012', sa = 'system:serviceaccount:payments:app') =>
  `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::${account}:` +
  `oidc-provider/${issuer}"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"${issuer}` +
  `:aud":"sts.amazonaws.com","${issuer}:sub":"${sa}"}}}]}`;
const GH = 'token.actions.githubusercontent.com';

const names = (rs: DesiredResource[]): string[] => rs.map((r) => r.name);
const named = (rs: DesiredResource[], name: string): DesiredResource => {
  const r = rs.find((x) => x.name === name);
  if (!r) throw new Error(`no resource ${name} in ${names(rs).join(', ')}`);
  return r;
};
const trustOf = (rs: DesiredResource[], identity = 'app'): unknown =>
  named(rs, `${identity}.aws.role`).inputs.assumeRolePolicy;

describe('compileAws: a role trusted by a Kubernetes service account', () => {
  it('settlement-reader (acme) compiles to exactly its role and policy', () => {
    const rs = compileAws(acme('payments/settlement-reader.yaml'), at('2026-11-20'));
    expect(rs).toEqual([
      {
        type: 'aws:iam/rolePolicy:RolePolicy',
        name: 'settlement-reader.aws.policy',
        identity: 'settlement-reader',
        team: 'payments',
        provider: 'aws:123456789012',
        inputs: {
          name: 'idac',
          role: ref('settlement-reader.aws.role', 'name'),
          policy:
            '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"' +
            '],"Resource":["arn:aws:s3:::bank-drop","arn:aws:s3:::bank-drop/settlements/*"]}]}',
        },
      },
      {
        type: 'aws:iam/role:Role',
        name: 'settlement-reader.aws.role',
        identity: 'settlement-reader',
        team: 'payments',
        provider: 'aws:123456789012',
        inputs: {
          name: 'settlement-reader',
          path: '/idac/payments/',
          assumeRolePolicy: K8S_TRUST(EKS_ISSUER, '123456789012', 'system:serviceaccount:payments:settlement-reader'),
          tags: tags('settlement-reader', 'payments', 'alice@acme.example'),
          maxSessionDuration: 3600,
        },
        protect: true,
      },
    ]);
  });

  it('writes the trust policy as exact, compact JSON', () => {
    expect(trustOf(compileAws(acme('payments/settlement-reader.yaml'), at('2026-11-20')), 'settlement-reader')).toBe(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::1234567' +
        '89012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"},"Action":"s' +
        'ts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{"oidc.eks.eu-west-1.amazonaws.com/id/EXAMPL' +
        'ED539D4633E53DE1B71EXAMPLE:aud":"sts.amazonaws.com","oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4' +
        '633E53DE1B71EXAMPLE:sub":"system:serviceaccount:payments:settlement-reader"}}}]}',
    );
  });

  it.each([
    ['no org.yaml', null],
    [
      "the cluster missing from the account's oidcProviders",
      orgModel({
        apiVersion: 'idac/v1',
        kind: 'Organization',
        spec: {
          teams: { payments: { members: ['alice@acme.example'] } },
          targets: { aws: { '123456789012': { region: 'eu-west-1', oidcProviders: { other: 'oidc.example/x' } } } },
        },
      }),
    ],
    [
      'the account missing from targets',
      orgModel({
        apiVersion: 'idac/v1',
        kind: 'Organization',
        spec: { teams: { payments: { members: ['alice@acme.example'] } } },
      }),
    ],
  ])('shows a placeholder issuer with %s, and does not throw', (_why, org) => {
    expect(trustOf(compileAws(role(), at('2026-11-20', org)))).toBe(K8S_TRUST('unknown-oidc-provider/prod-eu'));
  });

  it('takes the issuer without its https:// scheme and trailing slash, as IAM names it', () => {
    const org = orgModel({
      apiVersion: 'idac/v1',
      kind: 'Organization',
      spec: {
        teams: { payments: { members: ['a@b.example'] } },
        targets: {
          aws: {
            '123456789012': {
              region: 'eu-west-1',
              oidcProviders: { 'prod-eu': 'https://oidc.eks.eu-west-1.amazonaws.com/id/ABC/' },
            },
          },
        },
      },
    });
    expect(trustOf(compileAws(role(), at('2026-11-20', org)))).toBe(
      K8S_TRUST('oidc.eks.eu-west-1.amazonaws.com/id/ABC'),
    );
  });

  it('trusts nobody without a trust block', () => {
    const base = role();
    const data = role({ access: { aws: { ...base.spec.access.aws!, trust: undefined } } });
    delete data.spec.access.aws!.trust;
    expect(trustOf(compileAws(data, at('2026-11-20')))).toBe('{"Version":"2012-10-17","Statement":[]}');
  });
});

describe('compileAws: a role trusted by GitHub Actions', () => {
  const github = (
    gh: NonNullable<NonNullable<MachineIdentity['spec']['access']['aws']>['trust']>['github'],
    k8s = false,
  ): MachineIdentity => {
    const base = role();
    return role({
      access: {
        aws: {
          ...base.spec.access.aws!,
          trust: { github: gh, ...(k8s ? { kubernetes: base.spec.access.aws!.trust!.kubernetes } : {}) },
        },
      },
    });
  };
  const statement = (issuer: string, sub: string | string[]) => ({
    Effect: 'Allow',
    Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${issuer}` },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: { StringEquals: { [`${issuer}:aud`]: 'sts.amazonaws.com', [`${issuer}:sub`]: sub } },
  });

  it('ci-deployer (acme): one environment is one subject string', () => {
    const rs = compileAws(acme('platform/ci-deployer.yaml'), at('2026-11-20'));
    expect(trustOf(rs, 'ci-deployer')).toBe(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::1234567' +
        '89012:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Co' +
        'ndition":{"StringEquals":{"token.actions.githubusercontent.com:aud":"sts.amazonaws.com","token.actions' +
        '.githubusercontent.com:sub":"repo:acme/shop:environment:production"}}}]}',
    );
    expect(names(rs)).toEqual(['ci-deployer.aws.policy', 'ci-deployer.aws.role']);
  });

  it('environment, ref and pullRequest become a list of subjects, in that order', () => {
    const trust = trustOf(
      compileAws(
        github({ repository: 'acme/shop', pullRequest: true, ref: 'refs/heads/main', environment: 'production' }),
        at('2026-11-20'),
      ),
    );
    expect(trust).toBe(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          statement(GH, [
            'repo:acme/shop:environment:production',
            'repo:acme/shop:ref:refs/heads/main',
            'repo:acme/shop:pull_request',
          ]),
        ],
      }),
    );
  });

  it.each([
    ['ref', { repository: 'acme/shop', ref: 'refs/tags/v1' }, 'repo:acme/shop:ref:refs/tags/v1'],
    ['pullRequest', { repository: 'acme/shop', pullRequest: true }, 'repo:acme/shop:pull_request'],
    ['pullRequest: false is no subject', { repository: 'acme/shop', pullRequest: false }, []],
    ['no subject matches no token', { repository: 'acme/shop' }, []],
  ])('%s', (_why, gh, sub) => {
    expect(trustOf(compileAws(github(gh), at('2026-11-20')))).toBe(
      JSON.stringify({ Version: '2012-10-17', Statement: [statement(GH, sub)] }),
    );
  });

  it("uses the account's declared github provider, and the public issuer without one", () => {
    const org = (providers: Record<string, string>) =>
      orgModel({
        apiVersion: 'idac/v1',
        kind: 'Organization',
        spec: {
          teams: { payments: { members: ['a@b.example'] } },
          targets: { aws: { '123456789012': { region: 'eu-west-1', oidcProviders: providers } } },
        },
      });
    const data = github({ repository: 'acme/shop', environment: 'production' });
    expect(
      trustOf(compileAws(data, at('2026-11-20', org({ github: 'https://ghe.acme.example/_services/token' })))),
    ).toBe(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [statement('ghe.acme.example/_services/token', 'repo:acme/shop:environment:production')],
      }),
    );
    expect(trustOf(compileAws(data, at('2026-11-20', org({}))))).toBe(
      JSON.stringify({ Version: '2012-10-17', Statement: [statement(GH, 'repo:acme/shop:environment:production')] }),
    );
    expect(trustOf(compileAws(data, at('2026-11-20', null)))).toBe(
      JSON.stringify({ Version: '2012-10-17', Statement: [statement(GH, 'repo:acme/shop:environment:production')] }),
    );
  });

  it('one statement per trust kind: github, then kubernetes', () => {
    const trust = trustOf(
      compileAws(github({ repository: 'acme/shop', ref: 'refs/heads/main' }, true), at('2026-11-20')),
    );
    expect(trust).toBe(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          statement(GH, 'repo:acme/shop:ref:refs/heads/main'),
          statement(EKS_ISSUER, 'system:serviceaccount:payments:app'),
        ],
      }),
    );
  });
});

describe('compileAws: an IAM user with rotated access keys', () => {
  // report-exporter: period 60d, overlap 3d, offset 3194150 s (see rotation.test.ts) → generation 345
  // issued 2026-10-10T23:15:50Z, 344 still live until 2026-10-13T23:15:50Z.
  const exporter = acme('data/report-exporter.yaml');
  const key = (g: number, status = 'Active'): DesiredResource => ({
    type: 'aws:iam/accessKey:AccessKey',
    name: `report-exporter.aws.key.g${g}`,
    identity: 'report-exporter',
    team: 'data',
    provider: 'aws:210987654321',
    inputs: { user: ref('report-exporter.aws.user', 'name'), status },
    secretOutputs: ['secret', 'sesSmtpPasswordV4'],
  });
  const policy: DesiredResource = {
    type: 'aws:iam/userPolicy:UserPolicy',
    name: 'report-exporter.aws.policy',
    identity: 'report-exporter',
    team: 'data',
    provider: 'aws:210987654321',
    inputs: {
      name: 'idac',
      user: ref('report-exporter.aws.user', 'name'),
      policy:
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:PutObject"],"Resource":["arn:a' +
        'ws:s3:::acme-finance-reports/monthly/*"],"Condition":{"IpAddress":{"aws:SourceIp":"198.51.100.0/24"}}}]}',
    },
  };
  const iamUser: DesiredResource = {
    type: 'aws:iam/user:User',
    name: 'report-exporter.aws.user',
    identity: 'report-exporter',
    team: 'data',
    provider: 'aws:210987654321',
    inputs: {
      name: 'report-exporter',
      path: '/idac/data/',
      tags: tags('report-exporter', 'data', 'heidi@acme.example'),
      forceDestroy: true,
    },
  };
  const delivery = (g: number): DesiredResource => ({
    type: 'vault:kv/secretV2:SecretV2',
    name: 'report-exporter.delivery.vault',
    identity: 'report-exporter',
    team: 'data',
    provider: 'vault',
    inputs: {
      mount: 'kv',
      name: 'data/report-exporter/aws',
      dataJson: {
        AWS_ACCESS_KEY_ID: ref(`report-exporter.aws.key.g${g}`, 'id'),
        AWS_SECRET_ACCESS_KEY: ref(`report-exporter.aws.key.g${g}`, 'secret'),
      },
    },
    secretOutputs: ['dataJson'],
  });

  it('inside the overlap: two live keys, the newest delivered', () => {
    expect(compileAws(exporter, at('2026-10-12T00:00:00Z'))).toEqual([
      key(344),
      key(345),
      policy,
      iamUser,
      delivery(345),
    ]);
  });

  it('outside the overlap: one key', () => {
    expect(compileAws(exporter, at('2026-11-23T00:00:00Z'))).toEqual([key(345), policy, iamUser, delivery(345)]);
    expect(compileAws(exporter, at('2026-10-13T23:15:50Z'))).toEqual([key(345), policy, iamUser, delivery(345)]);
  });

  it('the next generation is created at its issue time, and the old one kept through the overlap', () => {
    expect(compileAws(exporter, at('2026-12-09T23:15:49Z'))).toEqual([key(345), policy, iamUser, delivery(345)]);
    expect(compileAws(exporter, at('2026-12-09T23:15:50Z'))).toEqual([
      key(345),
      key(346),
      policy,
      iamUser,
      delivery(346),
    ]);
  });

  it('never holds more than the two keys AWS allows', () => {
    for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 21_601_000) {
      const keys = compileAws(exporter, { now: t, org: ACME_ORG }).filter(
        (r) => r.type === 'aws:iam/accessKey:AccessKey',
      );
      expect([1, 2]).toContain(keys.length);
    }
  });

  it('a user without rotation holds generation 0 (validate requires rotation)', () => {
    const data = user();
    delete data.spec.rotation;
    expect(names(compileAws(data, at('2026-11-23')))).toEqual(['app.aws.key.g0', 'app.aws.policy', 'app.aws.user']);
  });

  it('ignores a trust block on a user (aws/trust-on-user reports it)', () => {
    const data = user();
    data.spec.access.aws!.trust = { kubernetes: { cluster: 'prod-eu', namespace: 'payments', serviceAccount: 'app' } };
    expect(compileAws(data, at('2026-11-23'))).toEqual(compileAws(user(), at('2026-11-23')));
  });

  it('suspended: the user and its keys stay, deactivated; no policy', () => {
    const suspended: MachineIdentity = { ...exporter, spec: { ...exporter.spec, status: 'suspended' } };
    expect(compileAws(suspended, at('2026-10-12T00:00:00Z'))).toEqual([
      key(344, 'Inactive'),
      key(345, 'Inactive'),
      iamUser,
      delivery(345),
    ]);
    expect(compileAws(suspended, at('2026-11-23T00:00:00Z'))).toEqual([key(345, 'Inactive'), iamUser, delivery(345)]);
  });

  it('decommissioned: nothing', () => {
    expect(
      compileAws({ ...exporter, spec: { ...exporter.spec, status: 'decommissioned' } }, at('2026-10-12T00:00:00Z')),
    ).toEqual([]);
  });
});

describe('compileAws: lifecycle of a role', () => {
  it('suspended: the role stays (protected when critical), without any policy', () => {
    const rs = compileAws(role({ status: 'suspended', criticality: 'critical' }), at('2026-11-20'));
    expect(rs).toEqual([
      {
        type: 'aws:iam/role:Role',
        name: 'app.aws.role',
        identity: 'app',
        team: 'payments',
        provider: 'aws:123456789012',
        inputs: {
          name: 'app',
          path: '/idac/payments/',
          assumeRolePolicy: K8S_TRUST(EKS_ISSUER),
          tags: APP_TAGS,
          maxSessionDuration: 3600,
        },
        protect: true,
      },
    ]);
  });

  it('decommissioned: nothing, even when critical', () => {
    expect(compileAws(role({ status: 'decommissioned', criticality: 'critical' }), at('2026-11-20'))).toEqual([]);
  });

  it('no aws access: nothing', () => {
    expect(
      compileAws(role({ access: { kubernetes: { cluster: 'prod-eu', namespace: 'payments' } } }), at('2026-11-20')),
    ).toEqual([]);
  });

  it.each([
    ['low', undefined],
    ['medium', undefined],
    ['high', true],
    ['critical', true],
  ] as const)('criticality %s → protect %s on the principal only', (criticality, protect) => {
    for (const data of [role({ criticality }), user({ criticality })]) {
      const rs = compileAws(data, at('2026-11-20'));
      expect(rs.filter((r) => r.protect !== undefined).map((r) => [r.name, r.protect])).toEqual(
        protect ? [[data.spec.access.aws!.principal === 'role' ? 'app.aws.role' : 'app.aws.user', true]] : [],
      );
    }
  });

  it('no criticality: not protected', () => {
    const data = role();
    delete data.spec.criticality;
    expect(compileAws(data, at('2026-11-20')).some((r) => 'protect' in r)).toBe(false);
  });
});

describe('compileAws: elevations', () => {
  const reader = acme('payments/settlement-reader.yaml');
  const key = keyOf('2026-11-23T08:00:00Z', '2026-11-23T16:00:00Z', 'INC-4711 replay failed settlements');
  const elevationPolicy: DesiredResource = {
    type: 'aws:iam/rolePolicy:RolePolicy',
    name: `settlement-reader.aws.${key}`,
    identity: 'settlement-reader',
    team: 'payments',
    provider: 'aws:123456789012',
    inputs: {
      name: `idac-${key}`,
      role: ref('settlement-reader.aws.role', 'name'),
      policy:
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:PutObject"],"Resource":["arn:a' +
        'ws:s3:::bank-drop/replay/*"]}]}',
    },
  };

  it('the key is the hash of window and reason', () => {
    expect(key).toBe('elevation-7d0a6cc5');
  });

  it.each([
    ['not yet active', '2026-11-23T07:59:59Z', false],
    ['active from its first instant', '2026-11-23T08:00:00Z', true],
    ['active', '2026-11-23T12:00:00Z', true],
    ['active until its last instant', '2026-11-23T15:59:59.999Z', true],
    ['ended', '2026-11-23T16:00:00Z', false],
  ])('%s (%s)', (_why, now, active) => {
    const rs = compileAws(reader, at(now));
    expect(names(rs)).toEqual([
      ...(active ? [`settlement-reader.aws.${key}`] : []),
      'settlement-reader.aws.policy',
      'settlement-reader.aws.role',
    ]);
    if (active) expect(named(rs, elevationPolicy.name)).toEqual(elevationPolicy);
  });

  it('an elevation of a user becomes a UserPolicy', () => {
    const data = user({
      elevations: [
        {
          reason: 'INC-1 backfill',
          approvedBy: 'dave@acme.example',
          from: '2026-11-23T00:00:00Z',
          until: '2026-11-23T08:00:00Z',
          access: { aws: { permissions: [{ actions: ['s3:PutObject'], resources: ['arn:aws:s3:::bank-drop/in/*'] }] } },
        },
      ],
    });
    const k = keyOf('2026-11-23T00:00:00Z', '2026-11-23T08:00:00Z', 'INC-1 backfill');
    expect(named(compileAws(data, at('2026-11-23T01:00:00Z')), `app.aws.${k}`)).toEqual({
      type: 'aws:iam/userPolicy:UserPolicy',
      name: `app.aws.${k}`,
      identity: 'app',
      team: 'payments',
      provider: 'aws:123456789012',
      inputs: {
        name: `idac-${k}`,
        user: ref('app.aws.user', 'name'),
        policy:
          '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:PutObject"],"Resource":["arn' +
          ':aws:s3:::bank-drop/in/*"]}]}',
      },
    });
  });

  it('an elevation without aws access adds nothing here; a suspended identity has no elevation', () => {
    const k8sOnly = role({
      elevations: [
        {
          reason: 'INC-2',
          approvedBy: 'dave@acme.example',
          from: '2026-11-23T00:00:00Z',
          until: '2026-11-23T08:00:00Z',
          access: { kubernetes: { rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] } },
        },
      ],
    });
    expect(names(compileAws(k8sOnly, at('2026-11-23T01:00:00Z')))).toEqual(['app.aws.policy', 'app.aws.role']);
    expect(
      names(compileAws({ ...reader, spec: { ...reader.spec, status: 'suspended' } }, at('2026-11-23T12:00:00Z'))),
    ).toEqual(['settlement-reader.aws.role']);
  });

  it('reordering elevations renames nothing', () => {
    const e = (reason: string) => ({
      reason,
      approvedBy: 'dave@acme.example',
      from: '2026-11-23T00:00:00Z',
      until: '2026-11-23T08:00:00Z',
      access: {
        aws: { permissions: [{ actions: ['s3:PutObject'], resources: [`arn:aws:s3:::${reason.toLowerCase()}/*`] }] },
      },
    });
    const a = compileAws(role({ elevations: [e('A'), e('B')] }), at('2026-11-23T01:00:00Z'));
    const b = compileAws(role({ elevations: [e('B'), e('A')] }), at('2026-11-23T01:00:00Z'));
    expect(b).toEqual(a);
    expect(a).toHaveLength(4);
  });
});

describe('compileAws: renames', () => {
  it('every resource aliases its logical name under renamedFrom', () => {
    const data = user({ delivery: { vaultPath: 'kv/data/payments/app/aws' } });
    data.metadata.renamedFrom = 'old-app';
    const rs = compileAws(data, at('2026-10-05T00:00:00Z'));
    // app over 60d: generation 345 issued 2026-10-04T04:23:56Z, so 344 is still in its overlap.
    expect(rs.map((r) => [r.name, r.aliases])).toEqual([
      ['app.aws.key.g344', ['old-app.aws.key.g344']],
      ['app.aws.key.g345', ['old-app.aws.key.g345']],
      ['app.aws.policy', ['old-app.aws.policy']],
      ['app.aws.user', ['old-app.aws.user']],
      ['app.delivery.vault', ['old-app.delivery.vault']],
    ]);
    // The physical name follows the new name (the brief's design): a user is renamed in place; a role's name forces a
    // replacement.
    expect(named(rs, 'app.aws.user').inputs.name).toBe('app');
  });

  it('no aliases without renamedFrom', () => {
    expect(compileAws(role(), at('2026-11-20')).some((r) => 'aliases' in r)).toBe(false);
  });
});

describe('compileAws: physical names are valid for IAM', () => {
  const ROLE_OR_USER = /^[\w+=,.@-]{1,64}$/;
  const POLICY = /^[\w+=,.@-]{1,128}$/;
  const PATH = /^\/(?:[\x21-\x7e]+\/)*$/;
  const longest = 'a'.repeat(47) + '9';
  const longTeam = 't'.repeat(63);
  const elevation = {
    reason: 'x'.repeat(500),
    approvedBy: 'dave@acme.example',
    from: '2026-11-23T00:00:00Z',
    until: '2026-11-23T08:00:00Z',
    access: { aws: { permissions: [{ actions: ['s3:PutObject'], resources: ['arn:aws:s3:::b/*'] }] } },
  };
  const extreme = (data: MachineIdentity): MachineIdentity => ({
    ...data,
    spec: { ...data.spec, stewardship: { ...data.spec.stewardship, team: longTeam }, elevations: [elevation] },
  });
  const inputs: [string, MachineIdentity][] = [
    ...ACME_FILES.map((f): [string, MachineIdentity] => [f, acme(f)]),
    ['longest role', extreme(role({}, longest))],
    ['longest user', extreme(user({}, longest))],
  ];

  it.each(inputs)('%s', (_label, data) => {
    const rs = compileAws(data, at('2026-11-23T01:00:00Z'));
    for (const r of rs) {
      const { name, path } = r.inputs;
      if (r.type === 'aws:iam/role:Role' || r.type === 'aws:iam/user:User') {
        expect(name).toMatch(ROLE_OR_USER);
        expect(typeof path === 'string' && path.length <= 512).toBe(true);
        expect(path).toMatch(PATH);
      } else if (r.type.endsWith('Policy')) {
        expect(name).toMatch(POLICY);
      }
    }
    if (data.metadata.name === longest) {
      expect(
        rs
          .filter((r) => r.type.endsWith('Policy'))
          .map((r) => r.inputs.name)
          .sort(),
      ).toEqual(['idac', `idac-${keyOf(elevation.from, elevation.until, elevation.reason)}`]);
      expect(rs.find((r) => r.type === 'aws:iam/role:Role' || r.type === 'aws:iam/user:User')!.inputs.name).toBe(
        longest,
      );
    }
  });
});

describe('compileAws: determinism', () => {
  it.each(ACME_FILES)('%s: same input, deep-equal output, sorted and unique by name', (file) => {
    for (const now of ['2026-10-12T00:00:00Z', '2026-11-23T12:00:00Z']) {
      const a = compileAws(acme(file), at(now));
      const b = compileAws(structuredClone(acme(file)), at(now));
      expect(b).toEqual(a);
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      const ns = names(a);
      expect(ns).toEqual([...ns].sort());
      expect(new Set(ns).size).toBe(ns.length);
    }
  });

  it('does not mutate its input', () => {
    const data = acme('payments/settlement-reader.yaml');
    const before = structuredClone(data);
    compileAws(data, at('2026-11-23T12:00:00Z'));
    expect(data).toEqual(before);
  });

  it('writes credentials only as Refs: no input holds a secret-looking value', () => {
    const rs = compileAws(acme('data/report-exporter.yaml'), at('2026-10-12T00:00:00Z'));
    const delivered = named(rs, 'report-exporter.delivery.vault').inputs.dataJson as Record<string, unknown>;
    expect(Object.values(delivered).every(isRef)).toBe(true);
    for (const r of rs) expect(JSON.stringify(r.inputs)).not.toMatch(/AKIA|aws_secret|BEGIN/);
  });

  it('acme at the README clock (during the elevation) compiles these resources; the others hold no aws access', () => {
    const all = ACME_FILES.flatMap((f) => compileAws(acme(f), at('2026-11-23T12:00:00Z')));
    expect(all.map((r) => `${r.type} ${r.name}`)).toEqual([
      'aws:iam/accessKey:AccessKey report-exporter.aws.key.g345',
      'aws:iam/userPolicy:UserPolicy report-exporter.aws.policy',
      'aws:iam/user:User report-exporter.aws.user',
      'vault:kv/secretV2:SecretV2 report-exporter.delivery.vault',
      'aws:iam/rolePolicy:RolePolicy support-assistant.aws.policy',
      'aws:iam/role:Role support-assistant.aws.role',
      'aws:iam/rolePolicy:RolePolicy settlement-reader.aws.elevation-7d0a6cc5',
      'aws:iam/rolePolicy:RolePolicy settlement-reader.aws.policy',
      'aws:iam/role:Role settlement-reader.aws.role',
      'aws:iam/rolePolicy:RolePolicy ci-deployer.aws.policy',
      'aws:iam/role:Role ci-deployer.aws.role',
    ]);
  });
});
