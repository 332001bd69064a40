// The objects compileAws builds beside a role for its trust: an instance profile for EC2, one Pod
// Identity association per EKS service account, one Roles Anywhere profile. Exact inputs, names
// stable under reordering, and the lifecycle (kept while suspended, gone when decommissioned).

import { describe, expect, it } from 'vitest';
import { compileAws } from '../../src/compile/aws.js';
import { sessionSeconds } from '../../src/compile/aws-trust-resources.js';
import type { DesiredResource } from '../../src/compile/types.js';
import { orgModel, type OrgModel } from '../../src/model/org.js';
import { ACME_ORG, at, user } from './aws-fixture.js';
import { EKS_ORG, trusting, type Trust } from './aws-trust-resources-fixture.js';

const NOW = '2026-11-20';
const ref = (resource: string, output: string) => ({ $ref: resource, output });
const TAGS = { 'idac:identity': 'app', 'idac:team': 'payments', 'idac:owner': 'alice@acme.example' };
const compile = (trust: Trust, patch = {}, org: OrgModel | null = EKS_ORG): DesiredResource[] =>
  compileAws(trusting(trust, patch), at(NOW, org));
const names = (rs: DesiredResource[]): string[] => rs.map((r) => r.name);
const besides = (rs: DesiredResource[]): DesiredResource[] =>
  rs.filter((r) => r.type !== 'aws:iam/role:Role' && r.type !== 'aws:iam/rolePolicy:RolePolicy');

const INSTANCE_PROFILE: DesiredResource = {
  type: 'aws:iam/instanceProfile:InstanceProfile',
  name: 'app.aws.instance-profile',
  identity: 'app',
  team: 'payments',
  provider: 'aws:123456789012',
  inputs: { name: 'app', path: '/idac/payments/', role: ref('app.aws.role', 'name'), tags: TAGS },
};

const association = (
  cluster: string,
  namespace: string,
  serviceAccount: string,
  eks = { account: '123456789012', region: 'eu-west-1', name: 'acme-prod-eu' },
): DesiredResource => ({
  type: 'aws:eks/podIdentityAssociation:PodIdentityAssociation',
  name: `app.aws.pod-identity.${cluster}.${namespace}.${serviceAccount}`,
  identity: 'app',
  team: 'payments',
  provider: `aws:${eks.account}`,
  inputs: {
    clusterName: eks.name,
    namespace,
    serviceAccount,
    roleArn: ref('app.aws.role', 'arn'),
    region: eks.region,
    tags: TAGS,
  },
});

const profile = (durationSeconds: number, enabled = true): DesiredResource => ({
  type: 'aws:rolesanywhere/profile:Profile',
  name: 'app.aws.roles-anywhere',
  identity: 'app',
  team: 'payments',
  provider: 'aws:123456789012',
  inputs: { name: 'idac-app', roleArns: [ref('app.aws.role', 'arn')], durationSeconds, enabled, tags: TAGS },
});

describe('compileAws: an instance profile for a role EC2 may assume', () => {
  it.each<[string, Trust, DesiredResource[]]>([
    ['ec2 (one object)', { service: { principal: 'ec2.amazonaws.com' } }, [INSTANCE_PROFILE]],
    [
      'ec2 in a list beside lambda',
      { service: [{ principal: 'lambda.amazonaws.com' }, { principal: 'ec2.amazonaws.com' }] },
      [INSTANCE_PROFILE],
    ],
    [
      'ec2 twice (two source ARNs): still one profile',
      {
        service: [
          { principal: 'ec2.amazonaws.com', sourceArn: 'arn:aws:ec2:eu-west-1:123456789012:instance/i-1' },
          { principal: 'ec2.amazonaws.com', sourceArn: 'arn:aws:ec2:eu-west-1:123456789012:instance/i-2' },
        ],
      },
      [INSTANCE_PROFILE],
    ],
    ['lambda only: none', { service: { principal: 'lambda.amazonaws.com' } }, []],
    [
      'no service trust: none',
      { kubernetes: { cluster: 'prod-eu', namespace: 'payments', serviceAccount: 'app' } },
      [],
    ],
  ])('%s', (_why, trust, expected) => {
    expect(besides(compile(trust))).toEqual(expected);
  });

  it('needs no org.yaml: the profile is in the role account', () => {
    expect(besides(compile({ service: { principal: 'ec2.amazonaws.com' } }, {}, null))).toEqual([INSTANCE_PROFILE]);
  });
});

describe('compileAws: EKS Pod Identity associations', () => {
  it('one per service account, in the cluster account and region, on its EKS name, for the role ARN', () => {
    expect(
      besides(compile({ eksPodIdentity: { cluster: 'prod-eu', namespace: 'payments', serviceAccount: 'app' } })),
    ).toEqual([association('prod-eu', 'payments', 'app')]);
  });

  it('a list gives one each, named by cluster, namespace and service account', () => {
    const rs = besides(
      compile({
        eksPodIdentity: [
          { cluster: 'prod-eu', namespace: 'payments', serviceAccount: 'app' },
          { cluster: 'prod-eu', namespace: 'payments', serviceAccount: 'app-worker' },
          { cluster: 'staging', namespace: 'payments', serviceAccount: 'app' },
        ],
      }),
    );
    expect(rs).toEqual([
      association('prod-eu', 'payments', 'app'),
      association('prod-eu', 'payments', 'app-worker'),
      association('staging', 'payments', 'app', {
        account: '210987654321',
        region: 'eu-central-1',
        name: 'acme-staging',
      }),
    ]);
  });

  it('reordering the list renames nothing; the same service account twice is one association', () => {
    const a = { cluster: 'prod-eu', namespace: 'payments', serviceAccount: 'app' };
    const b = { cluster: 'staging', namespace: 'payments', serviceAccount: 'app.v2' };
    const forward = compile({ eksPodIdentity: [a, b] });
    expect(compile({ eksPodIdentity: [b, a] })).toEqual(forward);
    expect(compile({ eksPodIdentity: [b, a, { ...a }] })).toEqual(forward);
    expect(names(besides(forward))).toEqual([
      'app.aws.pod-identity.prod-eu.payments.app',
      'app.aws.pod-identity.staging.payments.app.v2',
    ]);
  });

  it.each([
    ['a cluster without eks in org.yaml', 'on-prem', EKS_ORG],
    ['a cluster missing from org.yaml', 'elsewhere', EKS_ORG],
    ['a cluster named like an Object property', 'constructor', EKS_ORG],
    ['no org.yaml', 'prod-eu', null],
    ["a cluster acme's org.yaml does not declare", 'staging', ACME_ORG],
  ])('%s: no association (the rule reports it), and no throw', (_why, cluster, org) => {
    const rs = compile({ eksPodIdentity: { cluster, namespace: 'payments', serviceAccount: 'app' } }, {}, org);
    expect(names(rs)).toEqual(['app.aws.policy', 'app.aws.role']);
  });

  it('the cluster region is written even where it is the account provider region', () => {
    const [a] = besides(
      compile({ eksPodIdentity: { cluster: 'prod-eu', namespace: 'payments', serviceAccount: 'x' } }),
    );
    expect(ACME_ORG.spec.targets!.aws!['123456789012']!.region).toBe('eu-west-1');
    expect(a!.inputs).toMatchObject({ region: 'eu-west-1' });
  });
});

describe('compileAws: the Roles Anywhere profile', () => {
  it.each<[string, Trust, DesiredResource[]]>([
    [
      'no session length: Roles Anywhere default, 1h',
      { rolesAnywhere: { trustAnchor: 'devices', commonName: 'x' } },
      [profile(3600)],
    ],
    [
      'the session length written',
      { rolesAnywhere: { trustAnchor: 'devices', commonName: 'x', sessionDuration: '8h' } },
      [profile(28_800)],
    ],
    [
      'several entries: one profile, the shortest length written',
      {
        rolesAnywhere: [
          { trustAnchor: 'devices', commonName: 'a', sessionDuration: '2h' },
          { trustAnchor: 'devices', commonName: 'b', sessionDuration: '30m' },
          { trustAnchor: 'lab', commonName: 'c' },
        ],
      },
      [profile(1800)],
    ],
    [
      'out of range is compiled as written (the rule reports it)',
      { rolesAnywhere: { trustAnchor: 'devices', commonName: 'x', sessionDuration: '1d' } },
      [profile(86_400)],
    ],
    ['no rolesAnywhere trust: none', { service: { principal: 'lambda.amazonaws.com' } }, []],
  ])('%s', (_why, trust, expected) => {
    expect(besides(compile(trust))).toEqual(expected);
  });

  it.each([
    [[], 3600],
    [[{ trustAnchor: 'a' }], 3600],
    [[{ trustAnchor: 'a', sessionDuration: '15m' }], 900],
    [[{ trustAnchor: 'a', sessionDuration: '12h' }, { trustAnchor: 'b' }], 43_200],
    [[{ trustAnchor: 'a', sessionDuration: 'soon' }], 3600],
  ])('sessionSeconds(%j) = %d', (entries, seconds) => {
    expect(sessionSeconds(entries)).toBe(seconds);
  });
});

describe('compileAws: lifecycle of the objects beside the role', () => {
  const all: Trust = {
    service: { principal: 'ec2.amazonaws.com' },
    eksPodIdentity: { cluster: 'prod-eu', namespace: 'payments', serviceAccount: 'app' },
    rolesAnywhere: { trustAnchor: 'devices', commonName: 'app.devices.acme.example' },
  };

  it('active: role, policy and each object, sorted by name', () => {
    expect(names(compile(all))).toEqual([
      'app.aws.instance-profile',
      'app.aws.pod-identity.prod-eu.payments.app',
      'app.aws.policy',
      'app.aws.role',
      'app.aws.roles-anywhere',
    ]);
  });

  it('suspended: every object kept (same ARNs on resumption), no policy, the profile disabled', () => {
    const rs = compile(all, { status: 'suspended' });
    expect(besides(rs)).toEqual([INSTANCE_PROFILE, association('prod-eu', 'payments', 'app'), profile(3600, false)]);
    expect(names(rs)).not.toContain('app.aws.policy');
  });

  it('decommissioned: nothing', () => {
    expect(compile(all, { status: 'decommissioned' })).toEqual([]);
  });

  it('a user ignores the trust block (aws/trust-on-user reports it): no object beside it', () => {
    const data = user();
    data.spec.access.aws!.trust = all;
    expect(compileAws(data, at(NOW, EKS_ORG))).toEqual(compileAws(user(), at(NOW, EKS_ORG)));
  });

  it('only the role is protected for a critical identity', () => {
    const rs = compile(all, { criticality: 'critical' });
    expect(rs.filter((r) => r.protect).map((r) => r.name)).toEqual(['app.aws.role']);
  });

  it('renamedFrom: every object aliases its old logical name; physical names follow the new name', () => {
    const data = trusting(all);
    data.metadata.renamedFrom = 'old-app';
    const rs = besides(compileAws(data, at(NOW, EKS_ORG)));
    expect(rs.map((r) => [r.name, r.aliases])).toEqual([
      ['app.aws.instance-profile', ['old-app.aws.instance-profile']],
      ['app.aws.pod-identity.prod-eu.payments.app', ['old-app.aws.pod-identity.prod-eu.payments.app']],
      ['app.aws.roles-anywhere', ['old-app.aws.roles-anywhere']],
    ]);
    expect(rs.map((r) => r.inputs.name)).toEqual(['app', undefined, 'idac-app']);
  });

  it('does not mutate its input; same input, same output', () => {
    const data = trusting(all);
    const before = structuredClone(data);
    const a = compileAws(data, at(NOW, EKS_ORG));
    expect(data).toEqual(before);
    expect(JSON.stringify(compileAws(structuredClone(data), at(NOW, EKS_ORG)))).toBe(JSON.stringify(a));
  });

  it('an org.yaml built from scratch with only the EKS cluster is enough for the association', () => {
    const org = orgModel({
      apiVersion: 'idac/v1',
      kind: 'Organization',
      spec: {
        teams: { payments: { members: ['alice@acme.example'] } },
        targets: { kubernetes: { 'prod-eu': { eks: { account: '123456789012', region: 'eu-west-1', name: 'x' } } } },
      },
    });
    const [a] = besides(
      compile({ eksPodIdentity: { cluster: 'prod-eu', namespace: 'payments', serviceAccount: 'app' } }, {}, org),
    );
    expect(a!.inputs).toMatchObject({ clusterName: 'x', region: 'eu-west-1' });
  });
});

describe('compileAws: physical names of the objects beside a role are valid for AWS', () => {
  // IAM: an instance profile name is 1-128 of [\w+=,.@-], its path up to 512 printable characters between
  // slashes; Roles Anywhere CreateProfile: a name is 1-255 of letters, digits, space, - and _.
  const INSTANCE_PROFILE_NAME = /^[\w+=,.@-]{1,128}$/;
  const PATH = /^\/(?:[\x21-\x7e]+\/)*$/;
  const PROFILE_NAME = /^[ a-zA-Z0-9_-]{1,255}$/;
  const longest = 'a'.repeat(47) + '9';
  const longTeam = 't'.repeat(63);

  it('the longest identity in the longest team', () => {
    const data = trusting(
      {
        service: { principal: 'ec2.amazonaws.com' },
        rolesAnywhere: { trustAnchor: 'devices', commonName: 'x' },
      },
      {},
      longest,
    );
    data.spec.stewardship.team = longTeam;
    const rs = besides(compileAws(data, at(NOW, EKS_ORG)));
    const ip = rs.find((r) => r.type === 'aws:iam/instanceProfile:InstanceProfile')!;
    const ra = rs.find((r) => r.type === 'aws:rolesanywhere/profile:Profile')!;
    expect(ip.inputs.name).toMatch(INSTANCE_PROFILE_NAME);
    expect(ip.inputs.path).toMatch(PATH);
    expect((ip.inputs.path as string).length).toBeLessThanOrEqual(512);
    expect(ra.inputs.name).toBe(`idac-${longest}`);
    expect(ra.inputs.name).toMatch(PROFILE_NAME);
  });
});
