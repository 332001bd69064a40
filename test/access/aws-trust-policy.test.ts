import { describe, expect, it } from 'vitest';
import { SERVICE_PRINCIPALS, servicePrincipal } from '../../src/access/aws-service-principals.js';
import { EKS_ISSUER } from '../compile/aws-fixture.js';
import {
  eksClusterName,
  eksOf,
  needsInstanceProfile,
  roleArn,
  trustAnchorArn,
  trustPolicy,
} from '../../src/access/aws-trust-policy.js';
import {
  ACCOUNT,
  ANCHOR,
  CIRCLE,
  CTX,
  EKS_NAME,
  GITLAB,
  OTHER_ACCOUNT,
  trusted,
  type Trust,
} from '../compile/aws-trust-fixture.js';

const policyOf = (trust: Trust, ctx = CTX): string => trustPolicy(trusted(trust).spec.access.aws!, ctx);
const doc = (...statements: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });

const LAMBDA_FN = `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:settle`;
const service = (principal: string, condition?: object) => ({
  Effect: 'Allow',
  Principal: { Service: principal },
  Action: 'sts:AssumeRole',
  ...(condition ? { Condition: condition } : {}),
});
const pods = (name: string, namespace: string, sa: string) => ({
  Effect: 'Allow',
  Principal: { Service: 'pods.eks.amazonaws.com' },
  Action: ['sts:AssumeRole', 'sts:TagSession'],
  Condition: {
    StringEquals: {
      'aws:RequestTag/eks-cluster-name': name,
      'aws:RequestTag/kubernetes-namespace': namespace,
      'aws:RequestTag/kubernetes-service-account': sa,
    },
  },
});
const account = (principal: string, externalId?: string) => ({
  Effect: 'Allow',
  Principal: { AWS: principal },
  Action: 'sts:AssumeRole',
  ...(externalId !== undefined ? { Condition: { StringEquals: { 'sts:ExternalId': externalId } } } : {}),
});
const oidc = (issuer: string, aud: string, sub: string | string[], like = false) => ({
  Effect: 'Allow',
  Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/${issuer}` },
  Action: 'sts:AssumeRoleWithWebIdentity',
  Condition: like
    ? { StringEquals: { [`${issuer}:aud`]: aud }, StringLike: { [`${issuer}:sub`]: sub } }
    : { StringEquals: { [`${issuer}:aud`]: aud, [`${issuer}:sub`]: sub } },
});
const anywhere = (anchor: string, cn: string | string[], ou?: string) => ({
  Effect: 'Allow',
  Principal: { Service: 'rolesanywhere.amazonaws.com' },
  Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
  Condition: {
    StringEquals: {
      'aws:PrincipalTag/x509Subject/CN': cn,
      ...(ou !== undefined ? { 'aws:PrincipalTag/x509Subject/OU': ou } : {}),
    },
    ArnEquals: { 'aws:SourceArn': anchor },
  },
});

describe('trustPolicy: each trust kind compiles to its exact statement', () => {
  it.each<[string, Trust, string]>([
    [
      'service: Lambda pins the account and the function it names',
      { service: { principal: 'lambda.amazonaws.com', sourceArn: LAMBDA_FN } },
      doc(
        service('lambda.amazonaws.com', {
          StringEquals: { 'aws:SourceAccount': ACCOUNT },
          ArnLike: { 'aws:SourceArn': LAMBDA_FN },
        }),
      ),
    ],
    [
      'service: without sourceArn only the account is pinned',
      { service: { principal: 'ecs-tasks.amazonaws.com' } },
      doc(service('ecs-tasks.amazonaws.com', { StringEquals: { 'aws:SourceAccount': ACCOUNT } })),
    ],
    [
      'service: EC2 sends neither key, so nothing is pinned (even with a sourceArn)',
      { service: { principal: 'ec2.amazonaws.com', sourceArn: `arn:aws:ec2:eu-west-1:${ACCOUNT}:instance/*` } },
      doc(service('ec2.amazonaws.com')),
    ],
    [
      'service: CloudWatch Logs sends aws:SourceArn only',
      { service: { principal: 'logs.amazonaws.com', sourceArn: `arn:aws:logs:eu-west-1:${ACCOUNT}:*` } },
      doc(service('logs.amazonaws.com', { ArnLike: { 'aws:SourceArn': `arn:aws:logs:eu-west-1:${ACCOUNT}:*` } })),
    ],
    [
      'service: AWS Config sends aws:SourceAccount only',
      { service: { principal: 'config.amazonaws.com', sourceArn: `arn:aws:config:eu-west-1:${ACCOUNT}:*` } },
      doc(service('config.amazonaws.com', { StringEquals: { 'aws:SourceAccount': ACCOUNT } })),
    ],
    [
      'service: a principal off the list compiles unpinned (the rule reports it)',
      { service: { principal: 'madeup.amazonaws.com', sourceArn: LAMBDA_FN } },
      doc(service('madeup.amazonaws.com')),
    ],
    [
      'service: a list compiles sorted (reordering it changes nothing), the same entry twice once',
      {
        service: [
          { principal: 'states.amazonaws.com' },
          { principal: 'events.amazonaws.com' },
          { principal: 'states.amazonaws.com' },
        ],
      },
      doc(
        service('events.amazonaws.com', { StringEquals: { 'aws:SourceAccount': ACCOUNT } }),
        service('states.amazonaws.com', { StringEquals: { 'aws:SourceAccount': ACCOUNT } }),
      ),
    ],
    [
      'eksPodIdentity: the session tags pin the EKS cluster name, namespace and service account',
      { eksPodIdentity: { cluster: 'prod-eu', namespace: 'payments', serviceAccount: 'app' } },
      doc(pods(EKS_NAME, 'payments', 'app')),
    ],
    [
      'eksPodIdentity: a cluster without an eks block compiles visibly and matches no pod',
      {
        eksPodIdentity: [
          { cluster: 'on-prem', namespace: 'payments', serviceAccount: 'app' },
          { cluster: 'nowhere', namespace: 'payments', serviceAccount: 'app' },
        ],
      },
      doc(
        pods('unknown-eks-cluster/nowhere', 'payments', 'app'),
        pods('unknown-eks-cluster/on-prem', 'payments', 'app'),
      ),
    ],
    [
      'account: a role in another account, with an external id',
      { account: { id: OTHER_ACCOUNT, role: 'ops/auditor', externalId: 'x-7Hq2' } },
      doc(account(`arn:aws:iam::${OTHER_ACCOUNT}:role/ops/auditor`, 'x-7Hq2')),
    ],
    [
      'account: no role is the account root; no external id, no condition',
      { account: [{ id: OTHER_ACCOUNT }, { id: ACCOUNT, role: 'deployer' }] },
      doc(account(`arn:aws:iam::${ACCOUNT}:role/deployer`), account(`arn:aws:iam::${OTHER_ACCOUNT}:root`)),
    ],
    [
      'account: * is compiled as written (aws/trust-wildcard-principal reports it)',
      { account: { id: '*' } },
      doc(account('*')),
    ],
    [
      'oidc: the issuer of a declared provider, without its scheme, pins audience and subject',
      {
        oidc: {
          provider: 'gitlab',
          audience: 'https://gitlab.acme.example',
          subject: 'project_path:acme/ledger:ref_type:branch:ref:main',
        },
      },
      doc(oidc(GITLAB, 'https://gitlab.acme.example', 'project_path:acme/ledger:ref_type:branch:ref:main')),
    ],
    [
      'oidc: a subject with * or ? is a StringLike pattern, the audience stays exact',
      { oidc: { provider: 'circleci', audience: 'org-id', subject: 'org/o/project/p/user/*' } },
      doc(oidc(CIRCLE, 'org-id', 'org/o/project/p/user/*', true)),
    ],
    [
      'oidc: an undeclared provider compiles visibly; no subject matches no token',
      { oidc: { provider: 'buildkite', audience: 'sts.amazonaws.com' } },
      doc(oidc('unknown-oidc-provider/buildkite', 'sts.amazonaws.com', [])),
    ],
    [
      'rolesAnywhere: the anchor ARN from org.yaml and the certificate CN and OU',
      {
        rolesAnywhere: {
          trustAnchor: 'devices',
          commonName: 'till-0042.stores.acme.example',
          organizationalUnit: 'stores',
        },
      },
      doc(anywhere(ANCHOR, 'till-0042.stores.acme.example', 'stores')),
    ],
    [
      'rolesAnywhere: an undeclared anchor compiles visibly; no CN matches no certificate',
      { rolesAnywhere: { trustAnchor: 'lab' } },
      doc(anywhere('unknown-trust-anchor/lab', [])),
    ],
  ])('%s', (_why, trust, expected) => {
    expect(policyOf(trust)).toBe(expected);
  });

  it('writes the kinds in a fixed order, whatever order the manifest has them in', () => {
    const trust: Trust = {
      rolesAnywhere: { trustAnchor: 'devices', commonName: 'd1' },
      oidc: { provider: 'gitlab', audience: 'a', subject: 's' },
      account: { id: OTHER_ACCOUNT },
      eksPodIdentity: { cluster: 'prod-eu', namespace: 'n', serviceAccount: 'sa' },
      service: { principal: 'ec2.amazonaws.com' },
      kubernetes: { cluster: 'prod-eu', namespace: 'n', serviceAccount: 'sa' },
      github: { repository: 'acme/ledger', ref: 'refs/heads/main' },
    };
    const kinds = (JSON.parse(policyOf(trust)) as { Statement: { Principal: object }[] }).Statement.map((s) =>
      JSON.stringify(s.Principal),
    );
    expect(kinds).toEqual([
      '{"Federated":"arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"}',
      `{"Federated":"arn:aws:iam::123456789012:oidc-provider/${EKS_ISSUER}"}`,
      '{"Service":"ec2.amazonaws.com"}',
      '{"Service":"pods.eks.amazonaws.com"}',
      '{"AWS":"arn:aws:iam::210987654321:root"}',
      `{"Federated":"arn:aws:iam::123456789012:oidc-provider/${GITLAB}"}`,
      '{"Service":"rolesanywhere.amazonaws.com"}',
    ]);
  });

  it('compiles without an org.yaml, every org-declared name visibly unknown', () => {
    const ctx = { ...CTX, org: null };
    expect(
      policyOf(
        {
          eksPodIdentity: { cluster: 'prod-eu', namespace: 'n', serviceAccount: 'sa' },
          rolesAnywhere: { trustAnchor: 'devices', commonName: 'd1' },
        },
        ctx,
      ),
    ).toBe(doc(pods('unknown-eks-cluster/prod-eu', 'n', 'sa'), anywhere('unknown-trust-anchor/devices', 'd1')));
  });
});

describe('aws-trust helpers for the resource compiler', () => {
  it('roleArn carries the /idac/<team>/ path compile gives every role', () => {
    expect(roleArn(ACCOUNT, 'payments', 'ledger-writer')).toBe(
      'arn:aws:iam::123456789012:role/idac/payments/ledger-writer',
    );
  });

  it('finds the EKS block, the EKS name and the trust anchor ARN in org.yaml', () => {
    expect(eksOf(CTX, 'prod-eu')).toEqual({ account: ACCOUNT, region: 'eu-west-1', name: EKS_NAME });
    expect(eksOf(CTX, 'on-prem')).toBeUndefined();
    expect(eksOf(CTX, 'toString')).toBeUndefined();
    expect(eksClusterName(CTX, 'prod-eu')).toBe(EKS_NAME);
    expect(trustAnchorArn(CTX, ACCOUNT, 'devices')).toBe(ANCHOR);
    expect(trustAnchorArn(CTX, OTHER_ACCOUNT, 'devices')).toBe('unknown-trust-anchor/devices');
    expect(trustAnchorArn(CTX, ACCOUNT, 'constructor')).toBe('unknown-trust-anchor/constructor');
  });

  it.each<[string, Trust, boolean]>([
    ['ec2 trust', { service: { principal: 'ec2.amazonaws.com' } }, true],
    [
      'ec2 among others',
      { service: [{ principal: 'lambda.amazonaws.com' }, { principal: 'ec2.amazonaws.com' }] },
      true,
    ],
    ['no ec2', { service: { principal: 'lambda.amazonaws.com' } }, false],
    ['no service trust', { account: { id: OTHER_ACCOUNT } }, false],
  ])('needsInstanceProfile: %s → %s', (_why, trust, expected) => {
    expect(needsInstanceProfile(trusted(trust).spec.access.aws!)).toBe(expected);
  });
});

describe('the service principal list', () => {
  it('holds each principal once, and servicePrincipal finds each', () => {
    const principals = SERVICE_PRINCIPALS.map((s) => s.principal);
    expect(new Set(principals).size).toBe(principals.length);
    for (const s of SERVICE_PRINCIPALS) expect(servicePrincipal(s.principal)).toBe(s);
    expect(servicePrincipal('lambda')).toBeUndefined();
  });

  it('lists the principals the issue names, with 40 to 80 in all', () => {
    for (const p of ['lambda', 'ecs-tasks', 'ec2', 'states', 'events', 'scheduler'])
      expect(servicePrincipal(`${p}.amazonaws.com`), p).toBeDefined();
    expect(SERVICE_PRINCIPALS.length).toBeGreaterThanOrEqual(40);
    expect(SERVICE_PRINCIPALS.length).toBeLessThanOrEqual(80);
  });

  it('only EC2 takes an instance profile; every principal is a service host name', () => {
    expect(SERVICE_PRINCIPALS.filter((s) => s.instanceProfile).map((s) => s.principal)).toEqual(['ec2.amazonaws.com']);
    for (const s of SERVICE_PRINCIPALS) expect(s.principal).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com$/);
  });
});
