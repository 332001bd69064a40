// Where a generated credential goes (SPEC §2 `spec.delivery`): a Vault KV v2 secret or a Kubernetes
// Secret in the workload's namespace. Only Refs to the generating resource's outputs are written
// here; the values themselves exist in Pulumi state (as secrets) and at the destination, never in
// git or in a plan. Shared by every compiler that generates a credential (AWS keys, AppRole secret-ids).

import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import { vaultMount } from '../access/vault-paths.js';
import { byName, kubernetesLabels, ownership, resourceOf, statusOf } from './common.js';
import type { TypedRef } from './provider-types.js';
import { isRef, type CompileContext, type DesiredResource, type TypedResource } from './types.js';

/** What a delivery writes: env-style keys → refs to generated `string` outputs (as the SDKs type a secret's data). */
type Values = { [key: string]: string | TypedRef<string> };

/**
 * The resources that write `values` (env-style keys → Refs to generated outputs) to the identity's
 * `spec.delivery` destinations. A destination that cannot be written is skipped, never guessed:
 * validate reports it (delivery/kubernetes-cluster, target/vault-mount).
 */
export function deliveryResources(
  data: MachineIdentity,
  ctx: CompileContext,
  values: { [key: string]: TypedRef<string> },
): DesiredResource[] {
  const delivery = data.spec.delivery;
  if (!delivery || statusOf(data) === 'decommissioned' || Object.keys(values).length === 0) return [];
  const sorted = sortedValues(values);
  const out: DesiredResource[] = [];
  if (delivery.vaultPath !== undefined) {
    const at = kvLocation(delivery.vaultPath, Object.keys(ctx.org?.spec.targets?.vault?.mounts ?? {}));
    if (at !== null) {
      out.push(
        resourceOf(
          data,
          'vault:kv/secretV2:SecretV2',
          ['delivery', 'vault'],
          'vault',
          { mount: at.mount, name: at.name, dataJson: sorted },
          { secretOutputs: ['dataJson'] },
        ),
      );
    }
  }
  const cluster = data.spec.access.kubernetes?.cluster;
  if (delivery.kubernetesSecret !== undefined && cluster !== undefined) {
    out.push(
      resourceOf(
        data,
        'kubernetes:core/v1:Secret',
        ['delivery', 'kubernetes'],
        `kubernetes:${cluster}`,
        {
          metadata: {
            name: delivery.kubernetesSecret.name,
            namespace: delivery.kubernetesSecret.namespace,
            labels: kubernetesLabels(data),
            annotations: { 'idac.dev/owner': ownership(data).owner },
          },
          type: 'Opaque',
          stringData: sorted,
        },
        { secretOutputs: ['stringData', 'data'] },
      ),
    );
  }
  return out.sort(byName);
}

/**
 * A KV v2 path as the provider takes it: the mount (the longest one org.yaml declares, else the
 * first segment) and the secret's name below it without the API's `data/` segment
 * (`kv/data/team/app` → mount `kv`, name `team/app`). Null when no name is left.
 */
export function kvLocation(path: string, mounts: readonly string[]): { mount: string; name: string } | null {
  const trimmed = path.replace(/\/+$/, '');
  const mount = vaultMount(trimmed, mounts) ?? trimmed.split('/')[0]!;
  const rest = trimmed.slice(mount.length + 1);
  const name = rest === 'data' ? '' : rest.startsWith('data/') ? rest.slice('data/'.length) : rest;
  return name === '' ? null : { mount, name };
}

type Delivery = TypedResource<'vault:kv/secretV2:SecretV2'> | TypedResource<'kubernetes:core/v1:Secret'>;

function isDelivery(r: DesiredResource): r is Delivery {
  return r.type === 'vault:kv/secretV2:SecretV2' || r.type === 'kubernetes:core/v1:Secret';
}

/** The values a delivery writes (compile always writes them as a map, never as one ref). */
function valuesOf(r: Delivery): Values {
  const v = r.type === 'vault:kv/secretV2:SecretV2' ? r.inputs.dataJson : r.inputs.stringData;
  return v === undefined || isRef(v) ? {} : v;
}

function withValues(r: Delivery, values: Values): Delivery {
  return r.type === 'vault:kv/secretV2:SecretV2'
    ? { ...r, inputs: { ...r.inputs, dataJson: values } }
    : { ...r, inputs: { ...r.inputs, stringData: values } };
}

function sortedValues(values: Values): Values {
  return Object.fromEntries(
    Object.keys(values)
      .sort()
      .map((k) => [k, values[k]!]),
  );
}

/**
 * An identity holding two generated credentials (an IAM user and an AppRole) delivers both to the
 * same destination: each compiler emits its own `<identity>.delivery.*` resource, and this folds
 * resources of the same name into one that writes the union of their values (one logical name per
 * stack, one writer per secret). Everything else passes through in order.
 */
export function mergeDeliveries(resources: readonly DesiredResource[]): DesiredResource[] {
  const out: DesiredResource[] = [];
  const seen = new Map<string, number>();
  for (const r of resources) {
    const at = isDelivery(r) ? seen.get(`${r.type} ${r.name}`) : undefined;
    if (!isDelivery(r) || at === undefined) {
      if (isDelivery(r)) seen.set(`${r.type} ${r.name}`, out.length);
      out.push(r);
      continue;
    }
    const first = out[at] as Delivery;
    out[at] = withValues(first, sortedValues({ ...valuesOf(first), ...valuesOf(r) }));
  }
  return out;
}
