// The real Pulumi program under pulumi.runtime.setMocks: per target and per lifecycle state, the
// exact resources, inputs, providers and dependencies it registers; generated credentials only
// ever flow as Pulumi secrets; the overlap window of a rotation; no delete-before-replace.

import { describe, expect, it } from 'vitest';
import { stacksFor } from '../../src/apply/stacks.js';
import type { StackProgram } from '../../src/apply/program.js';
import { compileIdentity } from '../../src/compile/index.js';
import { generations } from '../../src/compile/rotation.js';
import { isRef, type DesiredResource, type Input } from '../../src/compile/types.js';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import { isoInstant } from '../../src/common/time.js';
import { acme, ACME_FILES, ACME_ORG, at, role, user } from '../compile/aws-fixture.js';
import {
  accessKeyId,
  CANARY_AWS_SECRET,
  CANARY_SECRET_ID,
  CANARY_WRAPPING,
  clearOccurrences,
  runProgram,
  SECRET_SIG,
  SIG_KEY,
  unwrapSecrets,
  type MockRun,
} from './mocks.js';
import { messageOf } from '../../src/common/result.js';
import type { OrgModel } from '../../src/model/org.js';
import { EKS_ORG, trusting } from '../compile/aws-trust-resources-fixture.js';

const NOW = '2026-06-01T00:00:00Z';

function stackOf(
  identities: MachineIdentity[],
  iso = NOW,
  org: OrgModel = ACME_ORG,
): { stack: StackProgram; desired: DesiredResource[] } {
  const desired = identities.flatMap((d) => compileIdentity(d, at(iso, org)));
  const teams = [...new Set(identities.map((d) => d.spec.stewardship.team))];
  const s = stacksFor(desired, teams, org);
  if (!s.ok) throw new Error(messageOf(s));
  expect(s.value).toHaveLength(1);
  return { stack: s.value[0]!, desired };
}

/** What the mock returns for each output a Ref can name: the independent oracle for inputs. */
function mockOutput(source: DesiredResource, output: string): unknown {
  switch (output) {
    case 'name':
      return source.inputs.name ?? (source.inputs.metadata as { name: string }).name;
    case 'roleName':
      return source.inputs.roleName;
    case 'arn':
      if (source.type !== 'aws:iam/role:Role') throw new Error(`no mock arn for ${source.type}`);
      return `arn:aws:iam::000000000000:role/${source.inputs.name as string}`;
    case 'roleId':
      return `role-id-${String(source.inputs.roleName)}`;
    case 'id':
      return source.type === 'aws:iam/accessKey:AccessKey' ? accessKeyId(source.name) : `${source.name}-id`;
    case 'secret':
      return CANARY_AWS_SECRET;
    case 'secretId':
      return CANARY_SECRET_ID;
    default:
      throw new Error(`no mock value for ${output}`);
  }
}

function expectedInputs(r: DesiredResource, all: DesiredResource[]): Record<string, unknown> {
  const resolve = (v: Input): unknown => {
    if (isRef(v))
      return mockOutput(
        all.find((x) => x.name === v.$ref)!,
        v.output,
      );
    if (Array.isArray(v)) return v.map(resolve);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolve(x)]));
    return v;
  };
  const out = Object.fromEntries(Object.entries(r.inputs).map(([k, v]) => [k, resolve(v)]));
  if (r.type === 'vault:kv/secretV2:SecretV2') out.dataJson = JSON.stringify(out.dataJson);
  // The Kubernetes SDK adds the object's apiVersion and kind itself.
  if (r.type.startsWith('kubernetes:')) {
    const [, group, kind] = r.type.split(':') as [string, string, string];
    out.apiVersion = group.startsWith('core/') ? group.slice('core/'.length) : group;
    out.kind = kind;
  }
  return out;
}

function resourcesOf(run: MockRun): MockRun['registrations'] {
  return run.registrations.filter((r) => !r.type.startsWith('pulumi:providers:'));
}

function sorted<T extends { name: string }>(list: T[]): T[] {
  return [...list].sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Every registered resource carries exactly the compiled inputs, provider and dependencies. */
async function expectExact(identities: MachineIdentity[], iso = NOW, org: OrgModel = ACME_ORG): Promise<MockRun> {
  const { stack, desired } = stackOf(identities, iso, org);
  const run = await runProgram(stack);
  const got = sorted(resourcesOf(run));
  expect(got.map((r) => r.name)).toEqual(desired.map((d) => d.name).sort());
  for (const r of got) {
    const d = desired.find((x) => x.name === r.name)!;
    expect(r.type, r.name).toBe(d.type);
    expect(unwrapSecrets(r.inputs), r.name).toEqual(expectedInputs(d, desired));
    const provider = stack.providers.find((p) => p.key === d.provider)!;
    expect(r.provider, r.name).toBe(provider.name);
  }
  return run;
}

describe('per target: exact resources, inputs and dependencies', () => {
  it('AWS role trusted by a Kubernetes service account', async () => {
    const run = await expectExact([role()]);
    expect(sorted(resourcesOf(run)).map((r) => [r.type, r.name])).toEqual([
      ['aws:iam/rolePolicy:RolePolicy', 'app.aws.policy'],
      ['aws:iam/role:Role', 'app.aws.role'],
    ]);
    expect(run.options.get('app.aws.policy')!.dependsOn).toEqual(['app.aws.role']);
    expect(run.options.get('app.aws.role')!.dependsOn).toEqual([]);
    expect(resourcesOf(run).find((r) => r.name === 'app.aws.policy')!.inputs.role).toBe('app');
    // One explicit provider for the account, pinned to it.
    const providers = run.registrations.filter((r) => r.type.startsWith('pulumi:providers:'));
    expect(providers.map((p) => [p.type, p.name, p.inputs.region, p.inputs.allowedAccountIds])).toEqual([
      ['pulumi:providers:aws', 'aws-123456789012', 'eu-west-1', '["123456789012"]'],
    ]);
  });

  it('AWS user with a rotated access key delivered to Vault KV', async () => {
    const run = await expectExact([user({ delivery: { vaultPath: 'kv/data/payments/app/aws' } })]);
    const g = generations(user(), Date.parse(NOW)).current;
    expect(sorted(resourcesOf(run)).map((r) => r.name)).toEqual(
      [`app.aws.key.g${g}`, 'app.aws.policy', 'app.aws.user', 'app.delivery.vault'].sort(),
    );
    expect(run.options.get(`app.aws.key.g${g}`)!.dependsOn).toEqual(['app.aws.user']);
    expect(run.options.get('app.delivery.vault')!.dependsOn).toEqual([`app.aws.key.g${g}`]);
    expect(run.options.get(`app.aws.key.g${g}`)!.additionalSecretOutputs).toEqual(['secret', 'sesSmtpPasswordV4']);
    expect(run.registrations.filter((r) => r.type.startsWith('pulumi:providers:')).map((p) => p.name)).toEqual([
      'aws-123456789012',
      'vault',
    ]);
  });

  it('Kubernetes service account, role and binding', async () => {
    const k8s = role({
      access: {
        kubernetes: {
          cluster: 'prod-eu',
          namespace: 'payments',
          serviceAccount: 'app',
          rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'], resourceNames: ['app-config'] }],
        },
      },
    });
    const run = await expectExact([k8s]);
    expect(sorted(resourcesOf(run)).map((r) => [r.type, r.name])).toEqual([
      ['kubernetes:rbac.authorization.k8s.io/v1:Role', 'app.k8s.role'],
      ['kubernetes:rbac.authorization.k8s.io/v1:RoleBinding', 'app.k8s.role-binding'],
      ['kubernetes:core/v1:ServiceAccount', 'app.k8s.service-account'],
    ]);
    expect(run.options.get('app.k8s.role-binding')!.dependsOn).toEqual(['app.k8s.role', 'app.k8s.service-account']);
    const provider = run.registrations.find((r) => r.type === 'pulumi:providers:kubernetes')!;
    expect(provider).toMatchObject({ name: 'kubernetes-prod-eu', inputs: { context: 'prod-eu-admin' } });
  });

  it('Vault AppRole with secret-ids per live generation, delivered to KV', async () => {
    const run = await expectExact([acme('payments/ledger-writer.yaml')]);
    const names = resourcesOf(run).map((r) => r.name);
    const secretIds = names.filter((n) => n.includes('.vault.secret-id.'));
    expect(secretIds.length).toBeGreaterThanOrEqual(1);
    for (const s of secretIds) {
      expect(run.options.get(s)!.dependsOn).toEqual(['ledger-writer.vault.approle-role']);
      expect(run.options.get(s)!.additionalSecretOutputs).toEqual(['secretId', 'wrappingToken']);
    }
    expect(run.options.get('ledger-writer.delivery.vault')!.dependsOn).toContain('ledger-writer.vault.approle-role');
  });

  it('Vault Kubernetes auth role, policy and PKI role (certificates)', async () => {
    const run = await expectExact([acme('payments/settlement-reader.yaml')]);
    const pki = resourcesOf(run).find((r) => r.type === 'vault:pkiSecret/secretBackendRole:SecretBackendRole')!;
    expect(pki.inputs).toMatchObject({
      backend: 'pki',
      allowedDomains: ['settlement-reader.payments.svc.cluster.local'],
      maxTtl: '259200',
    });
  });

  it('every acme team registers exactly its compiled resources', async () => {
    const all = ACME_FILES.map(acme);
    for (const team of ['data', 'payments', 'platform'])
      await expectExact(all.filter((d) => d.spec.stewardship.team === team));
  });
});

describe('objects beside a role for its trust', () => {
  const all = (status: 'active' | 'suspended' = 'active'): MachineIdentity =>
    trusting(
      {
        service: { principal: 'ec2.amazonaws.com' },
        eksPodIdentity: [
          { cluster: 'prod-eu', namespace: 'payments', serviceAccount: 'app' },
          { cluster: 'staging', namespace: 'payments', serviceAccount: 'app' },
        ],
        rolesAnywhere: { trustAnchor: 'devices', commonName: 'app.devices.acme.example', sessionDuration: '2h' },
      },
      { status },
    );
  const byName = (run: MockRun, name: string) => resourcesOf(run).find((r) => r.name === name)!;

  it('instance profile, Pod Identity associations and Roles Anywhere profile, each after the role', async () => {
    const run = await expectExact([all()], NOW, EKS_ORG);
    expect(sorted(resourcesOf(run)).map((r) => [r.type, r.name, r.provider])).toEqual([
      ['aws:iam/instanceProfile:InstanceProfile', 'app.aws.instance-profile', 'aws-123456789012'],
      [
        'aws:eks/podIdentityAssociation:PodIdentityAssociation',
        'app.aws.pod-identity.prod-eu.payments.app',
        'aws-123456789012',
      ],
      [
        'aws:eks/podIdentityAssociation:PodIdentityAssociation',
        'app.aws.pod-identity.staging.payments.app',
        'aws-210987654321',
      ],
      ['aws:iam/rolePolicy:RolePolicy', 'app.aws.policy', 'aws-123456789012'],
      ['aws:iam/role:Role', 'app.aws.role', 'aws-123456789012'],
      ['aws:rolesanywhere/profile:Profile', 'app.aws.roles-anywhere', 'aws-123456789012'],
    ]);
    for (const name of [
      'app.aws.instance-profile',
      'app.aws.pod-identity.prod-eu.payments.app',
      'app.aws.pod-identity.staging.payments.app',
      'app.aws.roles-anywhere',
    ])
      expect(run.options.get(name)!.dependsOn, name).toEqual(['app.aws.role']);
    expect(byName(run, 'app.aws.instance-profile').inputs).toMatchObject({
      name: 'app',
      path: '/idac/payments/',
      role: 'app',
    });
    expect(byName(run, 'app.aws.pod-identity.staging.payments.app').inputs).toMatchObject({
      clusterName: 'acme-staging',
      namespace: 'payments',
      serviceAccount: 'app',
      roleArn: 'arn:aws:iam::000000000000:role/app',
      region: 'eu-central-1',
    });
    expect(byName(run, 'app.aws.roles-anywhere').inputs).toMatchObject({
      name: 'idac-app',
      roleArns: ['arn:aws:iam::000000000000:role/app'],
      durationSeconds: 7200,
      enabled: true,
    });
  });

  it("a cluster in another account gets that account's provider, pinned to it", async () => {
    const run = await runProgram(stackOf([all()], NOW, EKS_ORG).stack);
    const providers = run.registrations.filter((r) => r.type === 'pulumi:providers:aws');
    expect(providers.map((p) => [p.name, p.inputs.region, p.inputs.allowedAccountIds])).toEqual([
      ['aws-123456789012', 'eu-west-1', '["123456789012"]'],
      ['aws-210987654321', 'eu-central-1', '["210987654321"]'],
    ]);
    expect(run.options.get('app.aws.pod-identity.staging.payments.app')!.provider).toBe('aws:210987654321');
  });

  it("an EKS account missing from targets.aws stops the team's stack with what to add", () => {
    const org = structuredClone(EKS_ORG);
    org.spec.targets!.kubernetes!.staging!.eks!.account = '333333333333';
    const desired = compileIdentity(all(), at(NOW, org));
    const s = stacksFor(desired, ['payments'], org);
    expect(s.ok).toBe(false);
    expect(messageOf(s)).toContain(
      'team payments: org.yaml has no targets.aws."333333333333" (needed by app): add the account with its region',
    );
  });

  it('suspended: every object still registered, the Roles Anywhere profile disabled, no policy', async () => {
    const run = await expectExact([all('suspended')], NOW, EKS_ORG);
    expect(sorted(resourcesOf(run)).map((r) => r.name)).toEqual([
      'app.aws.instance-profile',
      'app.aws.pod-identity.prod-eu.payments.app',
      'app.aws.pod-identity.staging.payments.app',
      'app.aws.role',
      'app.aws.roles-anywhere',
    ]);
    expect(byName(run, 'app.aws.roles-anywhere').inputs.enabled).toBe(false);
  });
});

describe('lifecycle', () => {
  const full = (status: 'active' | 'suspended' | 'decommissioned'): MachineIdentity => {
    const u = user({ status, delivery: { vaultPath: 'kv/data/payments/app/aws' } });
    u.spec.access.kubernetes = {
      cluster: 'prod-eu',
      namespace: 'payments',
      serviceAccount: 'app',
      rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'], resourceNames: ['app-config'] }],
    };
    u.spec.access.vault = { auth: 'kubernetes', paths: [{ path: 'kv/data/payments/app/*', capabilities: ['read'] }] };
    return u;
  };

  it('active: policies, binding, Active key, Vault role with its policy', async () => {
    const run = await expectExact([full('active')]);
    const types = resourcesOf(run).map((r) => r.type);
    expect(types).toContain('aws:iam/userPolicy:UserPolicy');
    expect(types).toContain('kubernetes:rbac.authorization.k8s.io/v1:RoleBinding');
    expect(
      resourcesOf(run)
        .filter((r) => r.type === 'aws:iam/accessKey:AccessKey')
        .map((r) => r.inputs.status),
    ).toEqual(['Active']);
    expect(
      resourcesOf(run).find((r) => r.type === 'vault:kubernetes/authBackendRole:AuthBackendRole')!.inputs.tokenPolicies,
    ).toEqual(['idac-app']);
  });

  it('suspended: objects kept, access gone, keys Inactive, Vault role without policies', async () => {
    const run = await expectExact([full('suspended')]);
    const types = resourcesOf(run).map((r) => r.type);
    expect(types).toContain('aws:iam/user:User');
    expect(types).toContain('kubernetes:core/v1:ServiceAccount');
    expect(types).not.toContain('aws:iam/userPolicy:UserPolicy');
    expect(types).not.toContain('kubernetes:rbac.authorization.k8s.io/v1:RoleBinding');
    expect(
      resourcesOf(run)
        .filter((r) => r.type === 'aws:iam/accessKey:AccessKey')
        .every((r) => r.inputs.status === 'Inactive'),
    ).toBe(true);
    const auth = resourcesOf(run).find((r) => r.type === 'vault:kubernetes/authBackendRole:AuthBackendRole')!;
    expect(auth.inputs).toMatchObject({ tokenPolicies: [], tokenNoDefaultPolicy: true });
  });

  it('decommissioned: nothing registered, not even a provider, so the stack deletes everything', async () => {
    const { stack } = stackOf([full('decommissioned')]);
    expect(stack.resources).toEqual([]);
    const run = await runProgram(stack);
    expect(run.registrations).toEqual([]);
    expect(run.outputs).toMatchObject({ resources: 0, identities: [], unknownAccessKeys: [] });
  });
});

describe('generated credentials are Pulumi secrets, never outputs in clear', () => {
  it('acme: every canary is inside a secret wrapper, and no stack output holds one', async () => {
    const all = ACME_FILES.map(acme);
    let wrapped = 0;
    for (const team of ['data', 'payments', 'platform']) {
      const { stack } = stackOf(all.filter((d) => d.spec.stewardship.team === team));
      const run = await runProgram(stack);
      for (const canary of [CANARY_AWS_SECRET, CANARY_SECRET_ID, CANARY_WRAPPING]) {
        expect(clearOccurrences(run.registrations, canary.slice(0, 12))).toEqual([]);
        expect(JSON.stringify(run.outputs)).not.toContain(canary.slice(0, 12));
      }
      // The check can fail: the secrets do flow, wrapped, into their delivery.
      wrapped += JSON.stringify(run.registrations).split(SECRET_SIG).length - 1;
    }
    expect(wrapped).toBeGreaterThanOrEqual(2);
  });

  it('a Kubernetes Secret delivery carries the key as a secret, and so does Vault KV', async () => {
    const u = user({
      delivery: { kubernetesSecret: { namespace: 'payments', name: 'app-aws' }, vaultPath: 'kv/data/payments/app/aws' },
    });
    u.spec.access.kubernetes = { cluster: 'prod-eu', namespace: 'payments', serviceAccount: 'app' };
    const { stack } = stackOf([u]);
    const run = await runProgram(stack);
    const secret = resourcesOf(run).find((r) => r.type === 'kubernetes:core/v1:Secret')!;
    // The whole stringData map travels as one secret.
    expect(secret.inputs.stringData).toEqual({
      [SIG_KEY]: SECRET_SIG,
      value: {
        AWS_ACCESS_KEY_ID: accessKeyId(resourcesOf(run).find((r) => r.type === 'aws:iam/accessKey:AccessKey')!.name),
        AWS_SECRET_ACCESS_KEY: CANARY_AWS_SECRET,
      },
    });
    const kv = resourcesOf(run).find((r) => r.type === 'vault:kv/secretV2:SecretV2')!;
    expect((kv.inputs.dataJson as Record<string, unknown>)[SIG_KEY]).toBe(SECRET_SIG);
    expect(clearOccurrences(run.registrations, CANARY_AWS_SECRET)).toEqual([]);
  });
});

describe('rotation overlap: old, both, then only the new credential', () => {
  const u = user({ rotation: { period: '60d', overlap: '3d' }, delivery: { vaultPath: 'kv/data/payments/app/aws' } });
  const g = generations(u, Date.parse(NOW));
  // The instant generation N+1 is issued, and the end of its overlap.
  const t = g.nextRotation!;
  const overlapEnd = t + 3 * 86_400_000;
  const keysAt = async (ms: number): Promise<{ keys: string[]; delivered: string }> => {
    const run = await runProgram(stackOf([u], isoInstant(ms)).stack);
    const keys = resourcesOf(run)
      .filter((r) => r.type === 'aws:iam/accessKey:AccessKey')
      .map((r) => r.name)
      .sort();
    const kv = resourcesOf(run).find((r) => r.type === 'vault:kv/secretV2:SecretV2')!;
    return { keys, delivered: JSON.parse(String(unwrapSecrets(kv.inputs.dataJson))).AWS_ACCESS_KEY_ID };
  };
  const n = g.current;

  it.each([
    ['one second before the rotation', t - 1000, [n], n],
    ['at the rotation (inside the overlap)', t, [n, n + 1], n + 1],
    ['one second before the overlap ends', overlapEnd - 1000, [n, n + 1], n + 1],
    ['when the overlap ends', overlapEnd, [n + 1], n + 1],
  ])('%s', async (_label, ms, live, newest) => {
    // Only the instants matter: round to whole seconds as the CLI's --now does.
    const at = await keysAt(ms);
    expect(at.keys).toEqual(live.map((x) => `app.aws.key.g${x}`).sort());
    expect(at.delivered).toBe(accessKeyId(`app.aws.key.g${newest}`));
  });

  it('never more than two keys for one user, at any instant over two periods', async () => {
    for (let ms = t - 2 * 86_400_000; ms < t + 62 * 86_400_000; ms += 86_400_000) {
      const live = compileIdentity(u, at(isoInstant(ms))).filter((r) => r.type === 'aws:iam/accessKey:AccessKey');
      expect(live.length).toBeLessThanOrEqual(2);
    }
  });
});

describe('resource options', () => {
  it('no resource uses delete-before-replace or retain-on-delete; credentials are replaced create-first', async () => {
    const all = ACME_FILES.map(acme);
    for (const team of ['data', 'payments', 'platform']) {
      const run = await runProgram(stackOf(all.filter((d) => d.spec.stewardship.team === team)).stack);
      for (const [name, o] of run.options) {
        expect(o.deleteBeforeReplace, name).toBe(false);
        expect(o.retainOnDelete, name).toBe(false);
      }
    }
  });

  it('protect follows compile (high and critical principals); aliases follow renamedFrom', async () => {
    const critical = role({ criticality: 'critical' });
    critical.metadata.renamedFrom = 'old-app';
    const run = await runProgram(stackOf([critical]).stack);
    expect(run.options.get('app.aws.role')!.protect).toBe(true);
    expect(run.options.get('app.aws.policy')!.protect).toBe(false);
    expect(run.options.get('app.aws.role')!.aliases).toEqual([{ name: 'old-app.aws.role' }]);
    const low = await runProgram(stackOf([role({ criticality: 'low' })]).stack);
    expect(low.options.get('app.aws.role')!.protect).toBe(false);
    expect(low.options.get('app.aws.role')!.aliases).toEqual([]);
  });
});

describe('keys idac did not create', () => {
  it('are reported (shortened id), and never registered, so never deleted', async () => {
    const { stack } = stackOf([user()]);
    const run = await runProgram(stack, {
      extraKeys: { app: [{ accessKeyId: 'AKIAHANDMADE0000WXYZ', status: 'Active' }] },
    });
    expect(run.outputs.unknownAccessKeys).toEqual([
      { identity: 'app', user: 'app', accessKeyId: 'AKIA…WXYZ', status: 'Active' },
    ]);
    expect(JSON.stringify(run.outputs)).not.toContain('AKIAHANDMADE0000WXYZ');
    expect(resourcesOf(run).filter((r) => r.type === 'aws:iam/accessKey:AccessKey')).toHaveLength(1);
    expect(run.calls.map((c) => [c.token, c.inputs.user])).toEqual([['aws:iam/getAccessKeys:getAccessKeys', 'app']]);
  });

  it('are not reported when the user holds only managed keys', async () => {
    const run = await runProgram(stackOf([user()]).stack);
    expect(run.outputs.unknownAccessKeys).toEqual([]);
  });
});

describe('adopting imported identities (metadata.importedFrom)', () => {
  type ImportedFrom = NonNullable<MachineIdentity['metadata']['importedFrom']>;
  const imported = (data: MachineIdentity, from: ImportedFrom): MachineIdentity => ({
    ...data,
    metadata: { ...data.metadata, importedFrom: from },
  });
  const LIVE: ImportedFrom = {
    target: 'aws',
    id: 'arn:aws:iam::123456789012:role/service/Legacy_App',
    name: 'Legacy_App',
    live: { path: '/service/', inlinePolicies: ['s3-read'] },
  };

  it('the live role is imported by its name, protected when critical; the rest is created', async () => {
    const run = await expectExact([imported(role({ criticality: 'critical' }), LIVE)]);
    expect(resourcesOf(run).map((r) => [r.name, r.importId])).toEqual([
      ['app.aws.role', 'Legacy_App'],
      ['app.aws.policy', ''],
      ['app.aws.attachments-exclusive', ''],
      ['app.aws.policies-exclusive', ''],
    ]);
    expect(run.options.get('app.aws.role')).toMatchObject({ import: 'Legacy_App', protect: true });
    expect(run.options.get('app.aws.policy')!.import).toBeUndefined();
    const exclusive = resourcesOf(run).find((r) => r.name === 'app.aws.policies-exclusive')!;
    expect(exclusive.inputs).toEqual({ roleName: 'Legacy_App', policyNames: ['idac'] });
    // idac's policy is in place before the old ones go: the role never holds neither.
    expect(run.options.get('app.aws.policies-exclusive')!.dependsOn).toEqual(['app.aws.policy', 'app.aws.role']);
    expect(run.options.get('app.aws.attachments-exclusive')!.dependsOn).toEqual(['app.aws.policy', 'app.aws.role']);
  });

  it('an imported service account and Vault auth role are imported by the provider ids', async () => {
    const base = acme('payments/settlement-reader.yaml');
    const k8s = base.spec.access.kubernetes!;
    const sa = k8s.serviceAccount ?? base.metadata.name;
    const asKubernetes = imported(base, {
      target: 'kubernetes',
      id: `k8s:${k8s.cluster}/${k8s.namespace}/${sa}`,
      name: sa,
    });
    const fromK8s = await expectExact([asKubernetes]);
    expect(fromK8s.registrations.filter((r) => r.importId !== '').map((r) => [r.type, r.importId])).toEqual([
      ['kubernetes:core/v1:ServiceAccount', `${k8s.namespace}/${sa}`],
    ]);
    const asVault = imported(base, { target: 'vault', id: 'vault:auth/kubernetes/role/Legacy', name: 'Legacy' });
    const fromVault = await expectExact([asVault]);
    expect(fromVault.registrations.filter((r) => r.importId !== '').map((r) => [r.type, r.importId])).toEqual([
      ['vault:kubernetes/authBackendRole:AuthBackendRole', 'auth/kubernetes/role/Legacy'],
    ]);
  });

  it('identities idac made register no import anywhere', async () => {
    const run = await expectExact(ACME_FILES.map(acme).filter((d) => d.spec.stewardship.team === 'payments'));
    expect(run.registrations.filter((r) => r.importId !== '')).toEqual([]);
    expect([...run.options.values()].filter((o) => o.import !== undefined)).toEqual([]);
  });
});
