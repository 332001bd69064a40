// The resource operations a trust change plans for the objects beside a role: which changes the
// provider makes in place (a session length, a suspension) and which need a new object (another
// cluster, region or account for a Pod Identity association; another name for an instance profile).

import { describe, expect, it } from 'vitest';
import { compileAws } from '../../src/compile/aws.js';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import type { OrgModel } from '../../src/model/org.js';
import { diffResources } from '../../src/plan/diff-resources.js';
import { at } from '../compile/aws-fixture.js';
import { EKS_ORG, trusting, type Trust } from '../compile/aws-trust-resources-fixture.js';

const NOW = '2026-11-20';
const POD = { cluster: 'prod-eu', namespace: 'payments', serviceAccount: 'app' };
const ASSOCIATION = 'aws:eks/podIdentityAssociation:PodIdentityAssociation';

/** EKS_ORG with prod-eu's eks block edited. */
function withProdEu(edit: { account?: string; region?: string; name?: string }): OrgModel {
  const org = structuredClone(EKS_ORG);
  Object.assign(org.spec.targets!.kubernetes!['prod-eu']!.eks!, edit);
  return org;
}

type Ops = ReturnType<typeof diffResources>;
/** The role's own operations (its trust policy, its policies) are aws.test.ts's and aws-trust.test.ts's. */
const BESIDE = (type: string): boolean => type !== 'aws:iam/role:Role' && type !== 'aws:iam/rolePolicy:RolePolicy';
const short = (ops: Ops) =>
  Object.fromEntries(
    Object.entries(ops)
      .map(([action, list]) => [action, list.filter((o) => BESIDE(o.type))] as const)
      .filter(([, list]) => list.length > 0)
      .map(([action, list]) => [action, list.map((o) => [o.type, o.name, ...(o.inputs ? [o.inputs] : [])])]),
  );

function plan(base: MachineIdentity, head: MachineIdentity, baseOrg = EKS_ORG, headOrg = EKS_ORG): Ops {
  return diffResources(compileAws(base, at(NOW, baseOrg)), compileAws(head, at(NOW, headOrg)));
}

describe('diffResources: the objects beside a role', () => {
  it.each<[string, Trust, Trust, ReturnType<typeof short>]>([
    [
      'a Pod Identity trust added: the association is created',
      { kubernetes: POD },
      { kubernetes: POD, eksPodIdentity: POD },
      {
        create: [[ASSOCIATION, 'app.aws.pod-identity.prod-eu.payments.app']],
      },
    ],
    [
      'another namespace is another association: created, the old one deleted',
      { eksPodIdentity: POD },
      { eksPodIdentity: { ...POD, namespace: 'payments-v2' } },
      {
        create: [[ASSOCIATION, 'app.aws.pod-identity.prod-eu.payments-v2.app']],
        delete: [[ASSOCIATION, 'app.aws.pod-identity.prod-eu.payments.app']],
      },
    ],
    [
      'the list reordered: nothing',
      { eksPodIdentity: [POD, { ...POD, serviceAccount: 'worker' }] },
      { eksPodIdentity: [{ ...POD, serviceAccount: 'worker' }, POD] },
      {},
    ],
    [
      'EC2 trusted: the instance profile is created',
      { service: { principal: 'lambda.amazonaws.com' } },
      { service: [{ principal: 'lambda.amazonaws.com' }, { principal: 'ec2.amazonaws.com' }] },
      {
        create: [['aws:iam/instanceProfile:InstanceProfile', 'app.aws.instance-profile']],
      },
    ],
    [
      'a session length changed: the Roles Anywhere profile is updated in place (its ARN stays)',
      { rolesAnywhere: { trustAnchor: 'devices', commonName: 'app' } },
      { rolesAnywhere: { trustAnchor: 'devices', commonName: 'app', sessionDuration: '30m' } },
      { update: [['aws:rolesanywhere/profile:Profile', 'app.aws.roles-anywhere', ['durationSeconds']]] },
    ],
  ])('%s', (_why, before, after, expected) => {
    expect(short(plan(trusting(before), trusting(after)))).toEqual(expected);
  });

  it('EC2 no longer trusted: the instance profile is deleted', () => {
    const ops = plan(
      trusting({ service: { principal: 'ec2.amazonaws.com' } }),
      trusting({ service: { principal: 'lambda.amazonaws.com' } }),
    );
    expect(ops.delete.map((o) => o.name)).toEqual(['app.aws.instance-profile']);
  });

  it.each<[string, OrgModel, string[]]>([
    ["the cluster's EKS name changed in org.yaml", withProdEu({ name: 'acme-prod-eu-2' }), ['clusterName']],
    ["the cluster's region changed", withProdEu({ region: 'eu-north-1' }), ['region']],
    ["the cluster's account changed", withProdEu({ account: '210987654321' }), ['provider']],
  ])('%s: the association is replaced', (_why, headOrg, inputs) => {
    const data = trusting({ eksPodIdentity: POD });
    expect(short(plan(data, data, EKS_ORG, headOrg))).toEqual({
      replace: [[ASSOCIATION, 'app.aws.pod-identity.prod-eu.payments.app', inputs]],
    });
  });

  it('suspended: the policy goes, the profile is disabled in place, the association and instance profile stay', () => {
    const trust: Trust = {
      service: { principal: 'ec2.amazonaws.com' },
      eksPodIdentity: POD,
      rolesAnywhere: { trustAnchor: 'devices', commonName: 'app' },
    };
    expect(short(plan(trusting(trust), trusting(trust, { status: 'suspended' })))).toEqual({
      update: [['aws:rolesanywhere/profile:Profile', 'app.aws.roles-anywhere', ['enabled']]],
    });
  });

  it('renamed (renamedFrom): no object deleted; the instance profile, named after the identity, is replaced', () => {
    const trust: Trust = { service: { principal: 'ec2.amazonaws.com' }, eksPodIdentity: POD };
    const head = trusting(trust, {}, 'app2');
    head.metadata.renamedFrom = 'app';
    const ops = plan(trusting(trust), head);
    expect(ops.create).toEqual([]);
    expect(ops.delete).toEqual([]);
    expect(ops.replace.filter((o) => BESIDE(o.type)).map((o) => [o.name, o.from, o.inputs])).toEqual([
      ['app2.aws.instance-profile', 'app.aws.instance-profile', ['name']],
    ]);
    expect(ops.update.find((o) => o.type === ASSOCIATION)).toMatchObject({
      name: 'app2.aws.pod-identity.prod-eu.payments.app',
      from: 'app.aws.pod-identity.prod-eu.payments.app',
      inputs: ['roleArn', 'tags'],
    });
  });
});
