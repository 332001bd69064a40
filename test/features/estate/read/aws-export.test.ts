// The AWS export reader against test/fixtures/estate/aws: one export printed whole and the same export
// in three pages (one of them with URL-encoded documents, as the raw API gives them) read the same,
// with exact identities, skips, not-expressible statements and org.yaml additions; and bad input named.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANY_POD_TRUST, mfaRootTrust, oktaSamlTrust } from './aws-statements.js';
import { messageOf } from '../../../../src/common/result.js';
import { estateFromAwsPages, parseAwsExport } from '../../../../src/features/estate/read/aws-export.js';
import type { Estate, EstateContext } from '../../../../src/features/estate/types.js';
import type { Organization } from '../../../../src/manifest/organization.generated.js';

const A = '111122223333';
const CTX: EstateContext = { org: null, now: Date.UTC(2026, 11, 3) };
const fixture = (name: string): string => readFileSync(`test/fixtures/estate/aws/${name}.json`, 'utf8');

function read(text: string, ctx = CTX): Estate {
  const r = parseAwsExport(text, ctx);
  if (!r.ok) throw new Error(messageOf(r));
  return r.value;
}

const byName = (e: Estate, name: string) => e.identities.find((i) => i.name === name)!;

describe('parseAwsExport: the fixture account', () => {
  const estate = read(fixture('account'));

  it('reads one page printed whole and three pages (one URL-encoded) the same', () => {
    expect(read(fixture('account-paged'))).toEqual(estate);
    // …and a JSON array of the pages, as some tools save them.
    const pages = fixture('account-paged')
      .split(/\n(?=\{)/)
      .map((p) => JSON.parse(p) as unknown);
    expect(read(JSON.stringify(pages))).toEqual(estate);
    expect(read(fixture('account-paged').replace(/\n(?=\{)/g, ''))).toEqual(estate);
  });

  it('finds the account, every role and user sorted by ARN, and skips what AWS owns', () => {
    expect(estate.scope).toBe(A);
    expect(estate.identities.map((i) => [i.id.replace(`arn:aws:iam::${A}:`, ''), i.skip ?? ''])).toEqual([
      ['role/audit-partner', ''],
      [
        'role/aws-reserved/sso.amazonaws.com/eu-west-1/AWSReservedSSO_AdministratorAccess_0123456789abcdef',
        'IAM Identity Center (SSO) role: Identity Center creates and owns it',
      ],
      ['role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS', 'service-linked role: AWS creates and owns it'],
      ['role/batch-any-pod', ''],
      ['role/checkout-pods', ''],
      ['role/gitlab-release', ''],
      ['role/ledger-deploy', ''],
      ['role/legacy-ops', ''],
      ['role/okta-admins', ''],
      ['role/payments/settlement-reader', ''],
      ['role/press-17', ''],
      ['role/service-role/invoice-fn', ''],
      ['user/ci-legacy', ''],
      ['user/svc/backup-agent', ''],
    ]);
    expect(estate.keys).toEqual([]);
    expect(estate.warnings).toEqual([]);
  });

  it('reads a GitHub role in full: trust, inline and customer policy at its default version, tags, live', () => {
    expect(byName(estate, 'ledger-deploy')).toEqual({
      target: 'aws',
      id: `arn:aws:iam::${A}:role/ledger-deploy`,
      name: 'ledger-deploy',
      labels: { owner: 'alice@acme.example', team: 'payments' },
      access: {
        aws: {
          account: A,
          principal: 'role',
          trust: { github: { repository: 'acme/ledger', environment: 'prod', ref: 'refs/heads/main' } },
          permissions: [
            {
              actions: ['cloudformation:CreateStack', 'cloudformation:UpdateStack', 'cloudformation:DescribeStacks'],
              resources: [`arn:aws:cloudformation:eu-west-1:${A}:stack/ledger-*/*`],
            },
            { actions: ['s3:GetObject', 's3:PutObject'], resources: ['arn:aws:s3:::ledger-artifacts/*'] },
          ],
        },
      },
      notExpressible: [],
      origins: [
        { path: ['aws', 'trust', 'github'], from: 'trust policy' },
        { path: ['aws', 'permissions', 0], from: 'inline policy deploy' },
        { path: ['aws', 'permissions', 1], from: `managed policy arn:aws:iam::${A}:policy/ledger-artifacts (v2)` },
      ],
      created: '2024-03-01T09:00:00.000Z',
      live: {
        path: '/',
        inlinePolicies: ['deploy'],
        managedPolicies: [`arn:aws:iam::${A}:policy/ledger-artifacts`],
      },
    });
  });

  it('reads a user with its group policies inlined, each naming the group', () => {
    const u = byName(estate, 'ci-legacy');
    expect(u.access).toEqual({
      aws: {
        account: A,
        principal: 'user',
        permissions: [
          {
            actions: ['ecr:PutImage', 'ecr:InitiateLayerUpload'],
            resources: [`arn:aws:ecr:eu-west-1:${A}:repository/ledger`],
          },
          { actions: ['ec2:Describe*'], resources: ['*'] },
          { actions: ['s3:GetObject', 's3:PutObject'], resources: ['arn:aws:s3:::ledger-artifacts/*'] },
        ],
      },
    });
    expect(u.origins.map((o) => o.from)).toEqual([
      'inline policy push',
      'group deployers: inline policy describe',
      `group deployers: managed policy arn:aws:iam::${A}:policy/ledger-artifacts (v2)`,
    ]);
    expect(u.live).toEqual({ path: '/', inlinePolicies: ['push'], managedPolicies: [], groups: ['deployers'] });
  });

  it.each([
    [
      'settlement-reader',
      { kubernetes: { cluster: 'eks-eu-west-1-5c0f1e2d', namespace: 'payments', serviceAccount: 'settlement-reader' } },
    ],
    [
      'gitlab-release',
      {
        oidc: {
          provider: 'gitlab-acme-example',
          audience: 'https://gitlab.acme.example',
          subject: 'project_path:acme/release:ref_type:branch:ref:*',
        },
      },
    ],
    [
      'invoice-fn',
      { service: { principal: 'lambda.amazonaws.com', sourceArn: `arn:aws:lambda:eu-west-1:${A}:function:invoice` } },
    ],
    [
      'audit-partner',
      {
        account: [
          { id: '444455556666', externalId: 'partner-ext-7781' },
          { id: '444455556666', role: 'ops/auditor' },
        ],
      },
    ],
    [
      'press-17',
      {
        rolesAnywhere: {
          trustAnchor: 'anchor-9e8d7c6b',
          commonName: 'press-17.plant.example.com',
          organizationalUnit: 'presses',
        },
      },
    ],
    ['checkout-pods', { eksPodIdentity: { cluster: 'acme-prod-eu', namespace: 'checkout', serviceAccount: 'api' } }],
    ['batch-any-pod', undefined],
    ['legacy-ops', undefined],
    ['okta-admins', undefined],
  ])('reads the trust of %s', (name, trust) => {
    expect(byName(estate, name).access.aws?.trust).toEqual(trust);
  });

  it('reports every statement it cannot express, with the statement as written', () => {
    const all = estate.identities.flatMap((i) => i.notExpressible.map((n) => [i.name, n.source, n.statement]));
    expect(all).toEqual([
      ['batch-any-pod', 'trust policy', ANY_POD_TRUST],
      ['legacy-ops', 'inline policy everything-but-iam', '{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}'],
      [
        'legacy-ops',
        `permissions boundary arn:aws:iam::${A}:policy/ops-boundary`,
        `{"PermissionsBoundaryType":"Policy","PermissionsBoundaryArn":"arn:aws:iam::${A}:policy/ops-boundary"}`,
      ],
      ['legacy-ops', 'trust policy', mfaRootTrust(A)],
      ['okta-admins', 'trust policy', oktaSamlTrust(A)],
      ['settlement-reader', 'inline policy s3-read', '{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}'],
    ]);
    expect(byName(estate, 'legacy-ops').notExpressible.map((n) => n.reason)).toEqual([
      'NotAction grants every action except those listed; a manifest lists the actions it grants',
      'a permissions boundary caps the grants above and has no manifest field: the manifest would grant ' +
        'what the boundary refuses; fold its limits into the permissions, then remove it',
      `AWS arn:aws:iam::${A}:root: its condition Bool aws:MultiFactorAuthPresent has no manifest field, ` +
        'and dropping it would admit more',
    ]);
  });

  it('adds to org.yaml what the trusts name and org.yaml lacks, with derived names', () => {
    expect(estate.org).toEqual({
      aws: {
        [A]: {
          oidcProviders: {
            'eks-eu-west-1-5c0f1e2d': 'oidc.eks.eu-west-1.amazonaws.com/id/5C0F1E2D3B4A59687766554433221100',
            'gitlab-acme-example': 'gitlab.acme.example',
          },
          trustAnchors: {
            'anchor-9e8d7c6b': `arn:aws:rolesanywhere:eu-west-1:${A}:trust-anchor/9e8d7c6b-5a49-4838-8271-605f4e3d2c1b`,
          },
        },
      },
      kubernetes: { 'acme-prod-eu': {}, 'eks-eu-west-1-5c0f1e2d': {} },
      trustedAccounts: { '444455556666': { name: '444455556666' } },
    });
  });

  it("reuses org.yaml's names for the same issuer, anchor, cluster and account, and adds nothing", () => {
    const org: Organization = {
      apiVersion: 'idac/v1',
      kind: 'Organization',
      spec: {
        teams: { payments: { members: ['alice@acme.example'] } },
        trustedAccounts: { '444455556666': { name: 'audit-co', thirdParty: true } },
        targets: {
          aws: {
            [A]: {
              region: 'eu-west-1',
              oidcProviders: {
                'prod-eu': 'oidc.eks.eu-west-1.amazonaws.com/id/5C0F1E2D3B4A59687766554433221100',
                gitlab: 'gitlab.acme.example',
              },
              trustAnchors: {
                factory: `arn:aws:rolesanywhere:eu-west-1:${A}:trust-anchor/9e8d7c6b-5a49-4838-8271-605f4e3d2c1b`,
              },
            },
          },
          kubernetes: { 'prod-eu': { eks: { account: A, region: 'eu-west-1', name: 'acme-prod-eu' } } },
        },
      },
    };
    const e = read(fixture('account'), { ...CTX, org });
    expect(e.org).toEqual({});
    expect(byName(e, 'settlement-reader').access.aws?.trust?.kubernetes?.cluster).toBe('prod-eu');
    expect(byName(e, 'checkout-pods').access.aws?.trust?.eksPodIdentity).toEqual({
      cluster: 'prod-eu',
      namespace: 'checkout',
      serviceAccount: 'api',
    });
    expect(byName(e, 'gitlab-release').access.aws?.trust?.oidc).toMatchObject({ provider: 'gitlab' });
    expect(byName(e, 'press-17').access.aws?.trust?.rolesAnywhere).toMatchObject({ trustAnchor: 'factory' });
  });
});

/** A one-role export around a trust policy and inline statements. */
function oneRole(
  trust: unknown[],
  statements: unknown[] = [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
) {
  return {
    RoleDetailList: [
      {
        Path: '/',
        RoleName: 'r',
        Arn: `arn:aws:iam::${A}:role/r`,
        AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: trust },
        RolePolicyList: [{ PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
        AttachedManagedPolicies: [],
      },
    ],
  };
}

function role(trust: unknown[], statements?: unknown[], ctx = CTX) {
  const r = estateFromAwsPages([oneRole(trust, statements)], ctx);
  if (!r.ok) throw new Error(messageOf(r));
  return r.value.identities[0]!;
}

const GH = 'token.actions.githubusercontent.com';
const web = (host: string, condition: unknown) => ({
  Effect: 'Allow',
  Principal: { Federated: `arn:aws:iam::${A}:oidc-provider/${host}` },
  Action: 'sts:AssumeRoleWithWebIdentity',
  Condition: condition,
});

describe('trust statements', () => {
  it('masks the external id in a reported statement, keeping it only in the manifest field', () => {
    const r = role([
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::444455556666:root' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'secret-ext-1' }, IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
      },
    ]);
    expect(r.access.aws?.trust).toBeUndefined();
    expect(JSON.stringify(r.notExpressible)).not.toContain('secret-ext-1');
    expect(r.notExpressible[0]!.statement).toContain('"sts:ExternalId":"[external id]"');
  });

  it('keeps one GitHub entry and states a second repository exactly as oidc entries', () => {
    const r = role([
      web(GH, {
        StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com', [`${GH}:sub`]: 'repo:acme/a:ref:refs/heads/main' },
      }),
      web(GH, {
        StringEquals: {
          [`${GH}:aud`]: 'sts.amazonaws.com',
          [`${GH}:sub`]: ['repo:acme/b:environment:prod', 'repo:acme/b:pull_request'],
        },
      }),
    ]);
    expect(r.access.aws?.trust).toEqual({
      github: { repository: 'acme/a', ref: 'refs/heads/main' },
      oidc: [
        { provider: 'github', audience: 'sts.amazonaws.com', subject: 'repo:acme/b:environment:prod' },
        { provider: 'github', audience: 'sts.amazonaws.com', subject: 'repo:acme/b:pull_request' },
      ],
    });
    expect(r.notExpressible).toEqual([]);
  });

  it.each([
    ['a Deny', { Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }, /trust Deny/],
    ['NotPrincipal', { Effect: 'Allow', NotPrincipal: { AWS: '*' }, Action: 'sts:AssumeRole' }, /NotPrincipal/],
    ['an open subject', web(GH, { StringEquals: { [`${GH}:aud`]: 'sts.amazonaws.com' } }), /no subject/],
    [
      'a literal * compared with StringEquals',
      web('idp.example', { StringEquals: { 'idp.example:aud': 'x', 'idp.example:sub': 'a*' } }),
      /compared literally/,
    ],
    [
      'a user principal',
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:user/bob` }, Action: 'sts:AssumeRole' },
      /only a whole account/,
    ],
    [
      'a service guard the service never sends',
      {
        Effect: 'Allow',
        Principal: { Service: 'apigateway.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': A } },
      },
      /StringEquals aws:SourceAccount has no manifest field/,
    ],
    [
      'a Roles Anywhere trust with no CN',
      {
        Effect: 'Allow',
        Principal: { Service: 'rolesanywhere.amazonaws.com' },
        Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
        Condition: { ArnEquals: { 'aws:SourceArn': `arn:aws:rolesanywhere:eu-west-1:${A}:trust-anchor/abc` } },
      },
      /no certificate CN/,
    ],
  ])('reports %s and keeps no trust from it', (_, statement, reason) => {
    const r = role([statement]);
    expect(r.access.aws?.trust).toBeUndefined();
    expect(r.notExpressible).toHaveLength(1);
    expect(r.notExpressible[0]!.reason).toMatch(reason);
    expect(r.notExpressible[0]!.statement).toBe(JSON.stringify(statement));
  });

  it('adds no org.yaml name for a trust it reports', () => {
    const statement = { ...web('idp.example', { StringEquals: { 'idp.example:aud': 'a', 'idp.example:sub': 's' } }) };
    const r = estateFromAwsPages([oneRole([{ ...statement, Action: 'sts:AssumeRole' }])], CTX);
    expect(r.ok && r.value.org).toEqual({});
    expect(r.ok && r.value.identities[0]!.notExpressible.map((n) => n.reason)).toEqual([
      'Federated arn:aws:iam::111122223333:oidc-provider/idp.example: it allows sts:AssumeRole, ' +
        'not sts:AssumeRoleWithWebIdentity: a manifest trust always allows sts:AssumeRoleWithWebIdentity',
    ]);
  });

  it('compares trust actions as IAM does, ignoring case', () => {
    const r = role([{ Effect: 'Allow', Principal: { AWS: '210987654321' }, Action: 'STS:assumeRole' }]);
    expect(r.access.aws?.trust).toEqual({ account: { id: '210987654321' } });
    expect(r.notExpressible).toEqual([]);
  });

  it('keeps the trust and reports an extra action it cannot grant', () => {
    const r = role([{ Effect: 'Allow', Principal: { AWS: '*' }, Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'] }]);
    expect(r.access.aws?.trust).toEqual({ account: { id: '*' } });
    expect(r.notExpressible.map((n) => n.reason)).toEqual([
      'it also allows sts:SetSourceIdentity, which a manifest trust cannot grant: re-grant it outside idac or drop it',
    ]);
  });
});

describe('permission statements', () => {
  const actions = (n: number, prefix = 's3:Get') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

  it('splits a statement over 100 actions into entries granting the same', () => {
    const r = role([], [{ Effect: 'Allow', Action: actions(250), Resource: ['arn:aws:s3:::a', 'arn:aws:s3:::b'] }]);
    expect(r.access.aws?.permissions.map((p) => [p.actions.length, p.resources.length])).toEqual([
      [100, 2],
      [100, 2],
      [50, 2],
    ]);
    expect(r.access.aws?.permissions.flatMap((p) => p.actions)).toEqual(actions(250));
    expect(r.notExpressible).toEqual([]);
  });

  it('merges same-resource statements only when over 100 entries, and reports what still does not fit', () => {
    const same = Array.from({ length: 120 }, (_, i) => ({ Effect: 'Allow', Action: `s3:Get${i}`, Resource: '*' }));
    expect(role([], same).access.aws?.permissions.map((p) => p.actions.length)).toEqual([100, 20]);
    const distinct = Array.from({ length: 105 }, (_, i) => ({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: `arn:aws:s3:::b${i}`,
    }));
    const r = role([], distinct);
    expect(r.access.aws?.permissions).toHaveLength(100);
    expect(r.notExpressible.map((n) => n.statement)).toEqual(
      [100, 101, 102, 103, 104].map(
        (i) => `{"Effect":"Allow","Action":["s3:GetObject"],"Resource":["arn:aws:s3:::b${i}"]}`,
      ),
    );
  });

  it.each([
    ['NotResource', { Effect: 'Allow', Action: 's3:*', NotResource: 'arn:aws:s3:::x' }, /NotResource/],
    ['an action the schema rejects', { Effect: 'Allow', Action: 's3 Get', Resource: '*' }, /not service:action/],
    ['a resource that is no ARN', { Effect: 'Allow', Action: 's3:GetObject', Resource: 'bucket' }, /not an ARN/],
    [
      'a nested condition value',
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { k: { x: 1 } } } },
      /Condition block/,
    ],
  ])('reports %s', (_, statement, reason) => {
    const r = role([], [statement]);
    expect(r.access.aws?.permissions).toEqual([]);
    expect(r.notExpressible.map((n) => [n.source, n.statement])).toEqual([
      ['inline policy p', JSON.stringify(statement)],
    ]);
    expect(r.notExpressible[0]!.reason).toMatch(reason);
  });

  it('reports a policy document that does not parse as that policy, not as a failed read', () => {
    const page = oneRole([]);
    (page.RoleDetailList[0]!.RolePolicyList[0] as { PolicyDocument: unknown }).PolicyDocument = '%7B%22Statement';
    const r = estateFromAwsPages([page], CTX);
    expect(r.ok && r.value.identities[0]!.notExpressible.map((n) => n.reason)).toEqual([
      'role r: inline policy p: the policy document is not valid JSON (Unterminated string in JSON at position 11)',
    ]);
  });
});

describe('bad input', () => {
  const page = JSON.stringify(oneRole([]));
  it.each([
    ['empty', '', 'the AWS export is empty: expected the JSON aws iam get-account-authorization-details prints'],
    ['not JSON', 'not json', 'page 1 of the AWS export (at line 1) is not a JSON object'],
    [
      'a broken second page',
      `${page}\n{"RoleDetailList": [}`,
      /^page 2 of the AWS export \(from line 2\) is not valid JSON: /,
    ],
    [
      'another document',
      '{"Roles": []}',
      'the AWS export has none of UserDetailList, GroupDetailList, RoleDetailList, Policies: ' +
        'is it the output of aws iam get-account-authorization-details?',
    ],
    [
      'a role without ARN',
      '{"RoleDetailList": [{"RoleName": "x"}]}',
      'the AWS export: RoleDetailList[0] has no RoleName or Arn',
    ],
    ['an array of numbers', '[1]', 'the AWS export is not a JSON object'],
    [
      'two accounts',
      `${page}${page.replaceAll(A, '999988887777')}`,
      'the AWS export mixes accounts 111122223333, 999988887777: export and import one account at a time',
    ],
  ])('%s → a clear message', (_, text, message) => {
    const r = parseAwsExport(text, CTX);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(messageOf(r)).toMatch(typeof message === 'string' ? new RegExp(`^${escape(message)}$`) : message);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
