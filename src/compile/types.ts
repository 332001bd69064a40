// Compile stage: what an identity becomes in the cloud, as plain data. A DesiredResource is exactly
// what the Pulumi program will instantiate (type token, logical name, provider inputs), so the plan
// can diff it without credentials and apply can instantiate it without decisions of its own.

import type { ArgsOf, OutputName, OutputType, TypedRef, TypeToken } from './provider-types.js';

export type { ArgsOf, TypeToken } from './provider-types.js';

/** A value only known after another resource exists (its id, its generated secret): `{ $ref, output }`. */
/** A credential that is a secret of its own (rotated, delivered), as opposed to federation. */
export type StaticCredentialKind = 'aws-access-key' | 'vault-secret-id';

export type Ref = TypedRef<unknown>;

export type Input = string | number | boolean | null | Ref | Input[] | { [key: string]: Input };

/** Which configured provider instance creates the resource: one per account, cluster, Vault. */
export type ProviderKey = `aws:${string}` | `kubernetes:${string}` | 'vault';

/**
 * One resource of type token T. Its inputs are the provider SDK's own `…Args` for T (refs where
 * an output is needed), so a misspelled or mistyped input is a build error, not a failed apply.
 */
export interface TypedResource<T extends TypeToken> {
  /** Pulumi type token, e.g. `aws:iam/role:Role`. */
  type: T;
  /** Pulumi logical name, unique within the team's stack and stable across runs: `<identity>.<part>…`. */
  name: string;
  identity: string;
  team: string;
  provider: ProviderKey;
  /** The provider inputs, camelCase as the Pulumi SDK takes them. Never a secret value: a Ref where one is needed. */
  inputs: ArgsOf<T>;
  /** Logical names this resource must wait for, beyond the Refs in its inputs. */
  dependsOn?: string[];
  /** Previous logical names (from metadata.renamedFrom), so Pulumi keeps the resource instead of replacing it. */
  aliases?: string[];
  /** The generated value is a credential: Pulumi must keep the output secret. */
  secretOutputs?: OutputName<T>[];
  /** Losing the live object would break its consumers: apply sets Pulumi's protect. */
  protect?: boolean;
  /**
   * The provider's import id of the live object this resource adopts (metadata.importedFrom): apply
   * passes it as Pulumi's `import` option, so the first apply takes the object over instead of
   * creating a duplicate, and the plan shows it as `adopt`. Not an input: it never changes the object.
   */
  importId?: string;
}

/** What the Pulumi program will instantiate: one of the type tokens idac manages, keyed by `type`. */
export type DesiredResource = { [T in TypeToken]: TypedResource<T> }[TypeToken];

/** What a compiler needs besides the identity: the clock, the targets in org.yaml, and the files it names. */
export interface CompileContext {
  now: number;
  org: import('../model/org.js').OrgModel | null;
  /**
   * org.yaml targets.vault.certificateAuthorities as PEM text, by name: read at the edge (the worktree,
   * or the plan's revision) because compile reads no files. A name missing here (undeclared, or its
   * file unreadable: org/certificate-authority-file says why) compiles to a visible placeholder.
   */
  certificateAuthorities?: ReadonlyMap<string, string>;
}

export function isRef(v: unknown): v is Ref {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    typeof (v as Ref).$ref === 'string' &&
    typeof (v as Ref).output === 'string' &&
    Object.keys(v).length === 2
  );
}

/** A ref as plain data: `output` of the resource named `resource` (its type unknown, so it fits no typed input). */
export function ref(resource: string, output: string): Ref {
  return { $ref: resource, output };
}

/**
 * A ref to `output` of `source`, typed as that output of the token's SDK class (`name` of an IAM
 * user is a `string`), so it fits exactly the inputs that take such a value. What compile uses.
 */
export function outputOf<T extends TypeToken, O extends OutputName<T>>(
  source: Pick<TypedResource<T>, 'type' | 'name'>,
  output: O,
): TypedRef<OutputType<T, O>> {
  return { $ref: source.name, output };
}
