import { describe, expect, it } from 'vitest';
import { deliveryResources, kvLocation, mergeDeliveries } from '../../src/compile/delivery.js';
import { isRef, type DesiredResource } from '../../src/compile/types.js';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import { at, user } from './aws-fixture.js';

const ref = (resource: string, output: string) => ({ $ref: resource, output });
const VALUES = {
  AWS_SECRET_ACCESS_KEY: ref('app.aws.key.g7', 'secret'),
  AWS_ACCESS_KEY_ID: ref('app.aws.key.g7', 'id'),
};
const K8S = { cluster: 'prod-eu', namespace: 'payments' };

const vaultSecret: DesiredResource = {
  type: 'vault:kv/secretV2:SecretV2',
  name: 'app.delivery.vault',
  identity: 'app',
  team: 'payments',
  provider: 'vault',
  inputs: {
    mount: 'kv',
    name: 'payments/app/aws',
    dataJson: {
      AWS_ACCESS_KEY_ID: ref('app.aws.key.g7', 'id'),
      AWS_SECRET_ACCESS_KEY: ref('app.aws.key.g7', 'secret'),
    },
  },
  secretOutputs: ['dataJson'],
};
const k8sSecret: DesiredResource = {
  type: 'kubernetes:core/v1:Secret',
  name: 'app.delivery.kubernetes',
  identity: 'app',
  team: 'payments',
  provider: 'kubernetes:prod-eu',
  inputs: {
    metadata: {
      name: 'app-aws',
      namespace: 'payments',
      labels: { 'app.kubernetes.io/managed-by': 'idac', 'idac.dev/identity': 'app', 'idac.dev/team': 'payments' },
      annotations: { 'idac.dev/owner': 'alice@acme.example' },
    },
    type: 'Opaque',
    stringData: {
      AWS_ACCESS_KEY_ID: ref('app.aws.key.g7', 'id'),
      AWS_SECRET_ACCESS_KEY: ref('app.aws.key.g7', 'secret'),
    },
  },
  secretOutputs: ['stringData', 'data'],
};

function withDelivery(delivery: MachineIdentity['spec']['delivery'], kubernetes = true): MachineIdentity {
  const base = user();
  return user({ delivery, access: { ...base.spec.access, ...(kubernetes ? { kubernetes: K8S } : {}) } });
}

describe('deliveryResources', () => {
  const ctx = at('2026-11-23');

  it('writes to a Vault KV v2 secret, refs only, keys sorted', () => {
    const rs = deliveryResources(withDelivery({ vaultPath: 'kv/data/payments/app/aws' }), ctx, VALUES);
    expect(rs).toEqual([vaultSecret]);
    expect(Object.keys(rs[0]!.inputs.dataJson as object)).toEqual(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY']);
    expect(Object.values(rs[0]!.inputs.dataJson as object).every(isRef)).toBe(true);
  });

  it("writes to a Kubernetes Secret in the cluster of the identity's own access, refs only", () => {
    const rs = deliveryResources(
      withDelivery({ kubernetesSecret: { namespace: 'payments', name: 'app-aws' } }),
      ctx,
      VALUES,
    );
    expect(rs).toEqual([k8sSecret]);
    expect(Object.values(k8sSecret.inputs.stringData as object).every(isRef)).toBe(true);
  });

  it('writes to both when both are declared, sorted by name', () => {
    const rs = deliveryResources(
      withDelivery({
        vaultPath: 'kv/data/payments/app/aws',
        kubernetesSecret: { namespace: 'payments', name: 'app-aws' },
      }),
      ctx,
      VALUES,
    );
    expect(rs).toEqual([k8sSecret, vaultSecret]);
  });

  it('skips a Kubernetes Secret without a cluster (delivery/kubernetes-cluster reports it)', () => {
    expect(
      deliveryResources(
        withDelivery({ kubernetesSecret: { namespace: 'payments', name: 'app-aws' } }, false),
        ctx,
        VALUES,
      ),
    ).toEqual([]);
  });

  it('keeps delivering while suspended (the keys are deactivated, not gone)', () => {
    const data = withDelivery({ vaultPath: 'kv/data/payments/app/aws' });
    data.spec.status = 'suspended';
    expect(deliveryResources(data, ctx, VALUES)).toEqual([vaultSecret]);
  });

  it.each([
    ['without spec.delivery', user(), VALUES],
    [
      'decommissioned',
      {
        ...withDelivery({ vaultPath: 'kv/data/payments/app/aws' }),
        spec: { ...withDelivery({ vaultPath: 'kv/data/payments/app/aws' }).spec, status: 'decommissioned' as const },
      },
      VALUES,
    ],
    ['with nothing to deliver', withDelivery({ vaultPath: 'kv/data/payments/app/aws' }), {}],
  ])('nothing %s', (_why, data, values) => {
    expect(deliveryResources(data, ctx, values)).toEqual([]);
  });

  it('aliases the previous name of a renamed identity', () => {
    const data = withDelivery({
      vaultPath: 'kv/data/payments/app/aws',
      kubernetesSecret: { namespace: 'payments', name: 'app-aws' },
    });
    data.metadata.renamedFrom = 'old-app';
    expect(deliveryResources(data, ctx, VALUES).map((r) => r.aliases)).toEqual([
      ['old-app.delivery.kubernetes'],
      ['old-app.delivery.vault'],
    ]);
  });

  it('takes the mount from org.yaml when one is declared', () => {
    const org = at('2026-11-23').org!;
    const nested = {
      ...org,
      spec: { ...org.spec, targets: { ...org.spec.targets, vault: { mounts: { 'team/kv': 'kv-v2' as const } } } },
    };
    const rs = deliveryResources(
      withDelivery({ vaultPath: 'team/kv/data/app/aws' }),
      { now: ctx.now, org: nested },
      VALUES,
    );
    expect([rs[0]!.inputs.mount, rs[0]!.inputs.name]).toEqual(['team/kv', 'app/aws']);
  });
});

describe('kvLocation', () => {
  it.each([
    ['kv/data/payments/app/aws', ['kv', 'pki'], { mount: 'kv', name: 'payments/app/aws' }],
    ['kv/data/data/report-exporter/aws', ['kv'], { mount: 'kv', name: 'data/report-exporter/aws' }],
    ['kv/payments/app', ['kv'], { mount: 'kv', name: 'payments/app' }],
    ['secret/data/app', [], { mount: 'secret', name: 'app' }],
    ['team/kv/data/app', ['team', 'team/kv'], { mount: 'team/kv', name: 'app' }],
    ['team/kv/data/app', [], { mount: 'team', name: 'kv/data/app' }],
    ['kv/data/app/', ['kv'], { mount: 'kv', name: 'app' }],
    ['kv', ['kv'], null],
    ['kv/data', ['kv'], null],
    ['kv/data/', ['kv'], null],
  ])('%s with mounts %j', (path, mounts, expected) => {
    expect(kvLocation(path, mounts)).toEqual(expected);
  });
});

describe('mergeDeliveries', () => {
  it('folds the deliveries of two credentials of one identity into one writer per destination', () => {
    const data = withDelivery({
      vaultPath: 'kv/data/payments/app/aws',
      kubernetesSecret: { namespace: 'payments', name: 'app-aws' },
    });
    const ctx = at('2026-11-23');
    const approle = {
      VAULT_SECRET_ID: ref('app.vault.secret-id.g7', 'secretId'),
      VAULT_ROLE_ID: ref('app.vault.approle-role', 'roleId'),
    };
    const other: DesiredResource = {
      ...vaultSecret,
      type: 'aws:iam/user:User',
      name: 'app.aws.user',
      provider: 'aws:123456789012',
      inputs: { name: 'app' },
    };
    const merged = mergeDeliveries([
      other,
      ...deliveryResources(data, ctx, VALUES),
      ...deliveryResources(data, ctx, approle),
    ]);
    const all = { ...VALUES, ...approle };
    const sorted = Object.fromEntries(
      Object.keys(all)
        .sort()
        .map((k) => [k, all[k as keyof typeof all]]),
    );
    expect(merged).toEqual([
      other,
      { ...k8sSecret, inputs: { ...k8sSecret.inputs, stringData: sorted } },
      { ...vaultSecret, inputs: { ...vaultSecret.inputs, dataJson: sorted } },
    ]);
    expect(Object.keys(merged[2]!.inputs.dataJson as object)).toEqual([
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'VAULT_ROLE_ID',
      'VAULT_SECRET_ID',
    ]);
  });

  it('leaves single deliveries and other identities alone', () => {
    const a = deliveryResources(withDelivery({ vaultPath: 'kv/data/payments/app/aws' }), at('2026-11-23'), VALUES);
    const b = a.map((r) => ({ ...r, name: 'other.delivery.vault', identity: 'other' }));
    expect(mergeDeliveries([...a, ...b])).toEqual([...a, ...b]);
  });
});
