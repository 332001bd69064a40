// Compile stage: what an identity becomes in the cloud, as plain data. A DesiredResource is exactly
// what the Pulumi program will instantiate (type token, logical name, provider inputs), so the plan
// can diff it without credentials and apply can instantiate it without decisions of its own.

/** A value only known after another resource exists (its id, its generated secret). */
export interface Ref {
  $ref: string;
  /** The output of that resource, e.g. `name`, `arn`, `id`, `secret`, `roleId`, `secretId`. */
  output: string;
}

export type Input = string | number | boolean | null | Ref | Input[] | { [key: string]: Input };

/** Which configured provider instance creates the resource: one per account, cluster, Vault. */
export type ProviderKey = `aws:${string}` | `kubernetes:${string}` | 'vault';

export interface DesiredResource {
  /** Pulumi type token, e.g. `aws:iam/role:Role`. */
  type: string;
  /** Pulumi logical name, unique within the team's stack and stable across runs: `<identity>.<part>…`. */
  name: string;
  identity: string;
  team: string;
  provider: ProviderKey;
  /** The provider inputs, camelCase as the Pulumi SDK takes them. Never a secret value: a Ref where one is needed. */
  inputs: { [key: string]: Input };
  /** Logical names this resource must wait for, beyond the Refs in its inputs. */
  dependsOn?: string[];
  /** Previous logical names (from metadata.renamedFrom), so Pulumi keeps the resource instead of replacing it. */
  aliases?: string[];
  /** The generated value is a credential: Pulumi must keep the output secret. */
  secretOutputs?: string[];
  /** Losing the live object would break its consumers: apply sets Pulumi's protect. */
  protect?: boolean;
}

/** What a compiler needs besides the identity: the clock and the targets in org.yaml. */
export interface CompileContext {
  now: number;
  org: import('../model/org.js').OrgModel | null;
}

export function isRef(v: unknown): v is Ref {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Ref).$ref === 'string' && typeof (v as Ref).output === 'string' && Object.keys(v).length === 2;
}

export function ref(resource: string, output: string): Ref {
  return { $ref: resource, output };
}
