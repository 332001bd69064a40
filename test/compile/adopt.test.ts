// Compile for identities made by `idac import` (metadata.importedFrom): the live principal keeps its
// name and path and carries the provider's import id; AWS principals get the exclusive-policy
// resources that remove what they held before idac; nothing changes for identities idac made.

import { describe, expect, it } from 'vitest';
import { compileIdentity } from '../../src/compile/index.js';
import type { DesiredResource } from '../../src/compile/types.js';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import { at, elevationKeyOf, role, user } from './aws-fixture.js';
import { vaultIdentity } from './vault-fixture.js';

const NOW = '2026-06-01T00:00:00Z';
type ImportedFrom = NonNullable<MachineIdentity['metadata']['importedFrom']>;

function imported(data: MachineIdentity, from: ImportedFrom): MachineIdentity {
  return { ...data, metadata: { ...data.metadata, importedFrom: from } };
}

const LIVE_ROLE: ImportedFrom = {
  target: 'aws',
  id: 'arn:aws:iam::123456789012:role/service/Legacy_App',
  name: 'Legacy_App',
  live: { path: '/service/', maxSessionDuration: 7200, inlinePolicies: ['s3-read'], managedPolicies: ['arn:x'] },
};
const LIVE_USER: ImportedFrom = { ...LIVE_ROLE, id: 'arn:aws:iam::123456789012:user/service/Legacy_App' };

/** Type, name, import id and the inputs that identify each resource: the table rows below. */
function summary(resources: readonly DesiredResource[]): unknown[] {
  return resources.map((r) => {
    const i = r.inputs as Record<string, unknown>;
    const pick = (...keys: string[]) => Object.fromEntries(keys.filter((k) => k in i).map((k) => [k, i[k]]));
    return {
      type: r.type,
      name: r.name,
      ...(r.importId === undefined ? {} : { importId: r.importId }),
      ...(r.dependsOn ? { dependsOn: r.dependsOn } : {}),
      inputs: pick('name', 'path', 'roleName', 'userName', 'role', 'policyNames', 'policyArns', 'backend'),
    };
  });
}

const ROLE_REF = { $ref: 'app.aws.role', output: 'name' };
const USER_REF = { $ref: 'app.aws.user', output: 'name' };

describe('compile: adopting an imported AWS principal', () => {
  it.each([
    {
      label: 'an imported role: live name and path, import id, idac policy, then the exclusive resources',
      data: imported(role(), LIVE_ROLE),
      want: [
        {
          type: 'aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive',
          name: 'app.aws.attachments-exclusive',
          dependsOn: ['app.aws.policy'],
          inputs: { roleName: ROLE_REF, policyArns: [] },
        },
        {
          type: 'aws:iam/rolePoliciesExclusive:RolePoliciesExclusive',
          name: 'app.aws.policies-exclusive',
          dependsOn: ['app.aws.policy'],
          inputs: { roleName: ROLE_REF, policyNames: ['idac'] },
        },
        {
          type: 'aws:iam/rolePolicy:RolePolicy',
          name: 'app.aws.policy',
          inputs: { name: 'idac', role: ROLE_REF },
        },
        {
          type: 'aws:iam/role:Role',
          name: 'app.aws.role',
          importId: 'Legacy_App',
          inputs: { name: 'Legacy_App', path: '/service/' },
        },
      ],
    },
    {
      label: 'an imported user: the user variants of the exclusive resources; keys are new, never adopted',
      data: imported(user(), LIVE_USER),
      want: [
        {
          type: 'aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive',
          name: 'app.aws.attachments-exclusive',
          dependsOn: ['app.aws.policy'],
          inputs: { userName: USER_REF, policyArns: [] },
        },
        { type: 'aws:iam/accessKey:AccessKey', name: 'app.aws.key.g342', inputs: {} },
        {
          type: 'aws:iam/userPoliciesExclusive:UserPoliciesExclusive',
          name: 'app.aws.policies-exclusive',
          dependsOn: ['app.aws.policy'],
          inputs: { userName: USER_REF, policyNames: ['idac'] },
        },
        { type: 'aws:iam/userPolicy:UserPolicy', name: 'app.aws.policy', inputs: { name: 'idac' } },
        {
          type: 'aws:iam/user:User',
          name: 'app.aws.user',
          importId: 'Legacy_App',
          inputs: { name: 'Legacy_App', path: '/service/' },
        },
      ],
    },
    {
      label: 'a suspended imported role: no policy, so the exclusive resource keeps none',
      data: imported(role({ status: 'suspended' }), LIVE_ROLE),
      want: [
        {
          type: 'aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive',
          name: 'app.aws.attachments-exclusive',
          inputs: { roleName: ROLE_REF, policyArns: [] },
        },
        {
          type: 'aws:iam/rolePoliciesExclusive:RolePoliciesExclusive',
          name: 'app.aws.policies-exclusive',
          inputs: { roleName: ROLE_REF, policyNames: [] },
        },
        {
          type: 'aws:iam/role:Role',
          name: 'app.aws.role',
          importId: 'Legacy_App',
          inputs: { name: 'Legacy_App', path: '/service/' },
        },
      ],
    },
    {
      label: 'a role idac made: no import id, no exclusive resources',
      data: role(),
      want: [
        { type: 'aws:iam/rolePolicy:RolePolicy', name: 'app.aws.policy', inputs: { name: 'idac', role: ROLE_REF } },
        { type: 'aws:iam/role:Role', name: 'app.aws.role', inputs: { name: 'app', path: '/idac/payments/' } },
      ],
    },
    {
      label: 'imported from Kubernetes: the AWS role is idac-made',
      data: imported(role(), { target: 'kubernetes', id: 'k8s:prod-eu/payments/app', name: 'app' }),
      want: [
        { type: 'aws:iam/rolePolicy:RolePolicy', name: 'app.aws.policy', inputs: { name: 'idac', role: ROLE_REF } },
        { type: 'aws:iam/role:Role', name: 'app.aws.role', inputs: { name: 'app', path: '/idac/payments/' } },
      ],
    },
  ])('$label', ({ data, want }) => {
    expect(summary(compileIdentity(data, at(NOW)))).toEqual(want);
  });

  it('an elevation in force is one of the inline policies the exclusive resource keeps', () => {
    const elevation = {
      from: '2026-05-30T00:00:00Z',
      until: '2026-06-02T00:00:00Z',
      reason: 'INC-1: replay',
      approvedBy: 'dave@acme.example',
      access: { aws: { permissions: [{ actions: ['s3:PutObject'], resources: ['arn:aws:s3:::bank-drop/*'] }] } },
    };
    const key = elevationKeyOf(elevation.from, elevation.until, elevation.reason);
    const out = compileIdentity(imported(role({ elevations: [elevation] }), LIVE_ROLE), at(NOW));
    const exclusive = out.find((r) => r.type === 'aws:iam/rolePoliciesExclusive:RolePoliciesExclusive')!;
    expect(exclusive.inputs).toEqual({ roleName: ROLE_REF, policyNames: ['idac', `idac-${key}`] });
    expect(exclusive.dependsOn).toEqual([`app.aws.${key}`, 'app.aws.policy']);
  });

  it('the service account of an imported role is annotated with the live ARN (IRSA)', () => {
    const data = imported(
      {
        ...role(),
        spec: {
          ...role().spec,
          access: { ...role().spec.access, kubernetes: { cluster: 'prod-eu', namespace: 'payments', rules: [] } },
        },
      },
      LIVE_ROLE,
    );
    const sa = compileIdentity(data, at(NOW)).find((r) => r.type === 'kubernetes:core/v1:ServiceAccount')!;
    expect((sa.inputs.metadata as { annotations: Record<string, string> }).annotations).toEqual({
      'idac.dev/owner': 'alice@acme.example',
      'eks.amazonaws.com/role-arn': LIVE_ROLE.id,
    });
  });
});

function withKubernetes(serviceAccount?: string): MachineIdentity {
  const base = role();
  const kubernetes = { cluster: 'prod-eu', namespace: 'payments', ...(serviceAccount ? { serviceAccount } : {}) };
  return { ...base, spec: { ...base.spec, access: { kubernetes } } };
}

describe('compile: adopting an imported service account', () => {
  it.each([
    { label: 'the same account', data: withKubernetes(), id: 'k8s:prod-eu/payments/app', want: 'payments/app' },
    {
      label: 'a live name that is not an idac name (spec.access.kubernetes.serviceAccount)',
      data: withKubernetes('Legacy.App'),
      id: 'k8s:prod-eu/payments/Legacy.App',
      want: 'payments/Legacy.App',
    },
    { label: 'the manifest now names another account', data: withKubernetes('other'), id: 'k8s:prod-eu/payments/app' },
    { label: 'another cluster', data: withKubernetes(), id: 'k8s:prod-us/payments/app' },
    { label: 'another namespace', data: withKubernetes(), id: 'k8s:prod-eu/default/app' },
  ])('$label', ({ data, id, want }) => {
    const from: ImportedFrom = { target: 'kubernetes', id, name: 'app' };
    const sa = compileIdentity(imported(data, from), at(NOW)).find(
      (r) => r.type === 'kubernetes:core/v1:ServiceAccount',
    )!;
    expect(sa.importId).toBe(want);
  });

  it('an account idac made is never adopted', () => {
    expect(compileIdentity(withKubernetes(), at(NOW)).every((r) => r.importId === undefined)).toBe(true);
  });
});

describe('compile: adopting an imported Vault auth role', () => {
  const k8s = { cluster: 'prod-eu', namespace: 'payments' };
  const kubernetesAuth = (): MachineIdentity => {
    const base = vaultIdentity('app', { auth: 'kubernetes' });
    return { ...base, spec: { ...base.spec, access: { ...base.spec.access, kubernetes: k8s } } };
  };
  const rotated = { rotation: { period: '30d', overlap: '1d' } };
  it.each([
    {
      label: 'a Kubernetes auth role keeps its live name and is adopted by its path',
      data: kubernetesAuth(),
      from: { target: 'vault' as const, id: 'vault:auth/kubernetes/role/Legacy-App', name: 'Legacy-App' },
      type: 'vault:kubernetes/authBackendRole:AuthBackendRole',
      roleName: 'Legacy-App',
      importId: 'auth/kubernetes/role/Legacy-App',
    },
    {
      label: 'an AppRole keeps its live name and is adopted by its path',
      data: vaultIdentity('app', { auth: 'approle' }, rotated),
      from: { target: 'vault' as const, id: 'vault:auth/approle/role/legacy', name: 'legacy' },
      type: 'vault:appRole/authBackendRole:AuthBackendRole',
      roleName: 'legacy',
      importId: 'auth/approle/role/legacy',
    },
    {
      label: 'a role on another mount is not adopted (the upsert still keeps the live name)',
      data: vaultIdentity('app', { auth: 'approle' }, rotated),
      from: { target: 'vault' as const, id: 'vault:auth/approle-old/role/legacy', name: 'legacy' },
      type: 'vault:appRole/authBackendRole:AuthBackendRole',
      roleName: 'legacy',
      importId: undefined,
    },
    {
      label: 'imported from AWS: the Vault role is idac-made',
      data: vaultIdentity('app', { auth: 'approle' }, rotated),
      from: LIVE_ROLE,
      type: 'vault:appRole/authBackendRole:AuthBackendRole',
      roleName: 'app',
      importId: undefined,
    },
  ])('$label', ({ data, from, type, roleName, importId }) => {
    const out = compileIdentity(imported(data, from), at(NOW));
    const r = out.find((x) => x.type === type)!;
    expect((r.inputs as { roleName: string }).roleName).toBe(roleName);
    expect(r.importId).toBe(importId);
    // Only the auth role (and an imported AWS principal) is adopted: the policy and secret-ids are idac's own.
    expect(out.filter((x) => x.importId !== undefined && x.type.startsWith('vault:')).map((x) => x.type)).toEqual(
      importId === undefined ? [] : [type],
    );
  });
});
