// The round trip: a manifest of any trust kinds and permissions, compiled as idac compiles it (the
// trust policy of aws-trust-policy.ts, the policy of renderAwsPolicy, the /idac/<team>/ path, idac:*
// tags, the one-hour session limit) and put in an export-shaped role — its documents decoded as the
// CLI prints them or URL-encoded as the API gives them — reads back as the same access.aws, with
// nothing reported. idac's own additions (the aws:SourceAccount guard, the audience, the session-tag
// actions) therefore never read as access of their own, and drift of an untouched role is empty.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trustPolicy } from '../../../../src/access/aws-trust-policy.js';
import { renderAwsPolicy } from '../../../../src/access/aws-policy.js';
import { SERVICE_PRINCIPALS } from '../../../../src/access/aws-service-principals.js';
import { messageOf } from '../../../../src/common/result.js';
import { estateFromAwsPages } from '../../../../src/features/estate/read/aws-export.js';
import { ACCOUNT, CTX, OTHER_ACCOUNT, TRUST_ORG, type Aws, type Trust } from '../../../compile/aws-trust-fixture.js';

const ORG = { apiVersion: 'idac/v1' as const, kind: 'Organization' as const, spec: TRUST_ORG.spec };

const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
const opt = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined });
const uniq = <T>(a: fc.Arbitrary<T>, max: number) =>
  fc.uniqueArray(a, { minLength: 1, maxLength: max, selector: (x) => JSON.stringify(x) });
const strip = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const github = fc
  .record({
    repository: fc.tuple(name, name).map(([o, r]) => `${o}/${r}`),
    environment: opt(name),
    ref: opt(name.map((b) => `refs/heads/${b}`)),
    pullRequest: opt(fc.constant(true)),
  })
  .map(strip)
  // No subject pinned compiles to an empty list (admits nobody), which is reported, not read back.
  .filter((g) => g.environment !== undefined || g.ref !== undefined || g.pullRequest !== undefined);

const kubernetes = fc.record({ cluster: fc.constant('prod-eu'), namespace: name, serviceAccount: name });

const service = fc
  .constantFrom(...SERVICE_PRINCIPALS)
  .chain((s) =>
    s.sourceArn
      ? opt(name.map((n) => `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:${n}`)).map((sourceArn) =>
          strip({ principal: s.principal, sourceArn }),
        )
      : fc.constant({ principal: s.principal }),
  );

const account = fc.oneof(
  fc.record({ id: fc.constant('*'), externalId: opt(name) }).map(strip),
  fc
    .record({
      id: fc.constantFrom(OTHER_ACCOUNT, '333344445555', ACCOUNT),
      role: opt(fc.tuple(opt(name), name).map(([p, n]) => (p !== undefined ? `${p}/${n}` : n))),
      externalId: opt(name),
    })
    .map(strip),
);

const oidc = fc.record({
  provider: fc.constantFrom('gitlab', 'circleci'),
  audience: fc.constantFrom('https://gitlab.acme.example', 'sts.amazonaws.com', 'org-id'),
  subject: fc.oneof(
    name.map((n) => `project_path:acme/${n}:ref_type:branch:ref:main`),
    name.map((n) => `org/o/project/${n}/*`),
  ),
});

const rolesAnywhere = fc
  .record({
    trustAnchor: fc.constant('devices'),
    commonName: name.map((n) => `${n}.acme.example`),
    organizationalUnit: opt(name),
  })
  .map(strip);

const eksPodIdentity = fc.record({ cluster: fc.constant('prod-eu'), namespace: name, serviceAccount: name });

const trust: fc.Arbitrary<Trust> = fc
  .record(
    {
      github: github,
      kubernetes: kubernetes,
      service: uniq(service, 4),
      eksPodIdentity: uniq(eksPodIdentity, 3),
      account: uniq(account, 4),
      oidc: uniq(oidc, 4),
      rolesAnywhere: uniq(rolesAnywhere, 3),
    },
    { requiredKeys: [] },
  )
  .filter((t) => Object.keys(t).length > 0);

const action = fc.constantFrom(
  's3:GetObject',
  's3:PutObject',
  'sqs:SendMessage',
  'dynamodb:Query',
  'ec2:Describe*',
  '*',
);
const resource = fc.oneof(
  fc.constant('*'),
  name.map((n) => `arn:aws:s3:::${n}/*`),
  name.map((n) => `arn:aws:sqs:eu-west-1:${ACCOUNT}:${n}`),
);
const conditions: fc.Arbitrary<NonNullable<Aws['permissions'][number]['conditions']>> = fc.constantFrom(
  { StringEquals: { 'aws:SourceVpc': 'vpc-0a1b2c3d' } },
  { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '192.168.0.0/16'] } },
  { Bool: { 'aws:SecureTransport': true }, NumericLessThan: { 's3:max-keys': 10 } },
  { 'ForAnyValue:StringLike': { 'aws:TagKeys': 'team*' } },
);
const permissions = uniq(
  fc
    .record({
      actions: fc.uniqueArray(action, { minLength: 1, maxLength: 4 }),
      resources: fc.uniqueArray(resource, { minLength: 1, maxLength: 3 }),
      conditions: opt(conditions),
    })
    .map(strip),
  8,
  // The reader joins the same grant written twice (up to order) into one entry.
).map((ps) => [
  ...new Map(
    ps.map((p) => [JSON.stringify([[...p.actions].sort(), [...p.resources].sort(), p.conditions ?? null]), p]),
  ).values(),
]);

/** The role as get-account-authorization-details prints it after idac created it. */
function exportedRole(aws: Aws, encoded: boolean): unknown {
  const doc = (text: string): unknown => (encoded ? encodeURIComponent(text) : JSON.parse(text));
  return {
    UserDetailList: [],
    GroupDetailList: [],
    Policies: [],
    RoleDetailList: [
      {
        Path: '/idac/payments/',
        RoleName: 'app',
        RoleId: 'AROAEXAMPLEEXAMPLE01',
        Arn: `arn:aws:iam::${ACCOUNT}:role/idac/payments/app`,
        CreateDate: '2026-11-20T00:00:00Z',
        MaxSessionDuration: 3600,
        AssumeRolePolicyDocument: doc(trustPolicy(aws, CTX)),
        RolePolicyList: [{ PolicyName: 'idac', PolicyDocument: doc(JSON.stringify(renderAwsPolicy(aws.permissions))) }],
        AttachedManagedPolicies: [],
        InstanceProfileList: [],
        Tags: [
          { Key: 'idac:identity', Value: 'app' },
          { Key: 'idac:team', Value: 'payments' },
          { Key: 'idac:owner', Value: 'alice@acme.example' },
        ],
      },
    ],
  };
}

/** Every trust kind as a list sorted by text, so one entry and a list of one compare equal. */
function normalTrust(t: Trust | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(t ?? {}))
    out[k] = (Array.isArray(v) ? v : [v]).map((e) => JSON.stringify(e, Object.keys(e as object).sort())).sort();
  return out;
}

function normalPermissions(ps: Aws['permissions']): string[] {
  return ps.map((p) => JSON.stringify([[...p.actions].sort(), [...p.resources].sort(), p.conditions ?? null])).sort();
}

describe('AWS round trip: compiled → export → read', () => {
  it('reads back the same access.aws and reports nothing', () => {
    fc.assert(
      fc.property(trust, permissions, fc.boolean(), (t, ps, encoded) => {
        const aws: Aws = { account: ACCOUNT, principal: 'role', trust: t, permissions: ps };
        const r = estateFromAwsPages([exportedRole(aws, encoded)], { org: ORG, now: CTX.now });
        if (!r.ok) throw new Error(messageOf(r));
        const got = r.value.identities[0]!;
        expect(got.notExpressible).toEqual([]);
        expect(got.access.aws?.account).toBe(ACCOUNT);
        expect(got.access.aws?.principal).toBe('role');
        expect(normalTrust(got.access.aws?.trust)).toEqual(normalTrust(t));
        expect(normalPermissions(got.access.aws!.permissions)).toEqual(normalPermissions(ps));
        // Every name the trust uses is org.yaml's: nothing to add but the one account it does not declare.
        const unknown = JSON.stringify(t).includes('333344445555');
        expect(r.value.org).toEqual(unknown ? { trustedAccounts: { '333344445555': { name: '333344445555' } } } : {});
        expect(got.live).toEqual({
          path: '/idac/payments/',
          maxSessionDuration: 3600,
          inlinePolicies: ['idac'],
          managedPolicies: [],
        });
      }),
      { numRuns: 300 },
    );
  });

  it('reads a compiled user back with the same permissions', () => {
    fc.assert(
      fc.property(permissions, fc.boolean(), (ps, encoded) => {
        const policy = JSON.stringify(renderAwsPolicy(ps));
        const user = {
          Path: '/idac/payments/',
          UserName: 'app',
          Arn: `arn:aws:iam::${ACCOUNT}:user/idac/payments/app`,
          UserPolicyList: [
            { PolicyName: 'idac', PolicyDocument: encoded ? encodeURIComponent(policy) : JSON.parse(policy) },
          ],
          GroupList: [],
          AttachedManagedPolicies: [],
        };
        const r = estateFromAwsPages([{ UserDetailList: [user] }], { org: ORG, now: CTX.now });
        if (!r.ok) throw new Error(messageOf(r));
        const got = r.value.identities[0]!;
        expect(got.notExpressible).toEqual([]);
        expect(got.access.aws?.principal).toBe('user');
        expect(got.access.aws?.trust).toBeUndefined();
        expect(normalPermissions(got.access.aws!.permissions)).toEqual(normalPermissions(ps));
      }),
      { numRuns: 100 },
    );
  });

  it('a compiled trust with its guard removed or a condition added is not read as the same trust', () => {
    // The property above cannot pass by reading everything as equal: a live edit is seen.
    const aws: Aws = {
      account: ACCOUNT,
      principal: 'role',
      trust: { oidc: { provider: 'gitlab', audience: 'sts.amazonaws.com', subject: 'project_path:acme/x:ref:main' } },
      permissions: [{ actions: ['s3:GetObject'], resources: ['*'] }],
    };
    const page = exportedRole(aws, false) as {
      RoleDetailList: {
        AssumeRolePolicyDocument: { Statement: { Condition: Record<string, Record<string, unknown>> }[] };
      }[];
    };
    page.RoleDetailList[0]!.AssumeRolePolicyDocument.Statement[0]!.Condition.StringEquals!['gitlab.acme.example:sub'] =
      'project_path:acme/*';
    const r = estateFromAwsPages([page], { org: ORG, now: CTX.now });
    expect(r.ok && r.value.identities[0]!.access.aws?.trust).toBeUndefined();
    expect(r.ok && r.value.identities[0]!.notExpressible.map((n) => n.reason)).toEqual([
      `Federated arn:aws:iam::${ACCOUNT}:oidc-provider/gitlab.acme.example: ` +
        'a subject holds * or ? compared literally',
    ]);
  });
});
