// The provider SDKs' own input types, per type token: what compile may put in a resource's inputs is
// checked against the `…Args` the SDK class takes, so a misspelled or mistyped input fails the build
// instead of a real apply. Type-only imports, erased from the JavaScript: validate and plan never
// load `@pulumi/*` (test/apply/lazy-pulumi.test.ts checks the emitted code).

import type * as aws from '@pulumi/aws';
import type * as kubernetes from '@pulumi/kubernetes';
import type { Output, OutputInstance, Resource } from '@pulumi/pulumi';
import type * as vault from '@pulumi/vault';

/** Every type token compile emits: its SDK class (for its outputs) and that class's Args (for its inputs). */
interface Providers {
  'aws:iam/role:Role': [aws.iam.Role, aws.iam.RoleArgs];
  'aws:iam/rolePolicy:RolePolicy': [aws.iam.RolePolicy, aws.iam.RolePolicyArgs];
  'aws:iam/user:User': [aws.iam.User, aws.iam.UserArgs];
  'aws:iam/userPolicy:UserPolicy': [aws.iam.UserPolicy, aws.iam.UserPolicyArgs];
  'aws:iam/accessKey:AccessKey': [aws.iam.AccessKey, aws.iam.AccessKeyArgs];
  'aws:iam/rolePoliciesExclusive:RolePoliciesExclusive': [
    aws.iam.RolePoliciesExclusive,
    aws.iam.RolePoliciesExclusiveArgs,
  ];
  'aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive': [
    aws.iam.RolePolicyAttachmentsExclusive,
    aws.iam.RolePolicyAttachmentsExclusiveArgs,
  ];
  'aws:iam/userPoliciesExclusive:UserPoliciesExclusive': [
    aws.iam.UserPoliciesExclusive,
    aws.iam.UserPoliciesExclusiveArgs,
  ];
  'aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive': [
    aws.iam.UserPolicyAttachmentsExclusive,
    aws.iam.UserPolicyAttachmentsExclusiveArgs,
  ];
  'aws:iam/instanceProfile:InstanceProfile': [aws.iam.InstanceProfile, aws.iam.InstanceProfileArgs];
  'aws:eks/podIdentityAssociation:PodIdentityAssociation': [
    aws.eks.PodIdentityAssociation,
    aws.eks.PodIdentityAssociationArgs,
  ];
  'aws:rolesanywhere/profile:Profile': [aws.rolesanywhere.Profile, aws.rolesanywhere.ProfileArgs];
  'kubernetes:core/v1:ServiceAccount': [kubernetes.core.v1.ServiceAccount, kubernetes.core.v1.ServiceAccountArgs];
  'kubernetes:core/v1:Secret': [kubernetes.core.v1.Secret, kubernetes.core.v1.SecretArgs];
  'kubernetes:rbac.authorization.k8s.io/v1:Role': [kubernetes.rbac.v1.Role, kubernetes.rbac.v1.RoleArgs];
  'kubernetes:rbac.authorization.k8s.io/v1:RoleBinding': [
    kubernetes.rbac.v1.RoleBinding,
    kubernetes.rbac.v1.RoleBindingArgs,
  ];
  'vault:index/policy:Policy': [vault.Policy, vault.PolicyArgs];
  'vault:kubernetes/authBackendRole:AuthBackendRole': [
    vault.kubernetes.AuthBackendRole,
    vault.kubernetes.AuthBackendRoleArgs,
  ];
  'vault:appRole/authBackendRole:AuthBackendRole': [vault.approle.AuthBackendRole, vault.approle.AuthBackendRoleArgs];
  'vault:appRole/authBackendRoleSecretId:AuthBackendRoleSecretId': [
    vault.approle.AuthBackendRoleSecretId,
    vault.approle.AuthBackendRoleSecretIdArgs,
  ];
  'vault:pkiSecret/secretBackendRole:SecretBackendRole': [
    vault.pkisecret.SecretBackendRole,
    vault.pkisecret.SecretBackendRoleArgs,
  ];
  'vault:kv/secretV2:SecretV2': [vault.kv.SecretV2, vault.kv.SecretV2Args];
  'vault:jwt/authBackendRole:AuthBackendRole': [vault.jwt.AuthBackendRole, vault.jwt.AuthBackendRoleArgs];
  'vault:aws/authBackendRole:AuthBackendRole': [vault.aws.AuthBackendRole, vault.aws.AuthBackendRoleArgs];
  'vault:index/certAuthBackendRole:CertAuthBackendRole': [vault.CertAuthBackendRole, vault.CertAuthBackendRoleArgs];
}

export type TypeToken = keyof Providers;

/** The SDK class's `…Args` for a token: what apply passes once refs are resolved to Outputs. */
export type SdkArgs<T extends TypeToken> = Providers[T][1];

/** The SDK class's instance type for a token (what a ref can read). */
export type ResourceClass<T extends TypeToken> = Providers[T][0];

/** The outputs of a token's class a ref may name: its `Output<…>` properties (`id`, `name`, `secret`, …). */
export type OutputName<T extends TypeToken> = {
  [K in keyof ResourceClass<T>]-?: ResourceClass<T>[K] extends OutputInstance<unknown> ? K & string : never;
}[keyof ResourceClass<T>];

/** The value type of that output (`Output<string>` → `string`). */
export type OutputType<T extends TypeToken, O extends OutputName<T>> =
  ResourceClass<T>[O] extends Output<infer U> ? U : never;

declare const refType: unique symbol;

/**
 * A value only known after another resource exists (its id, its generated secret). At runtime just
 * `{ $ref, output }`; the type of the output it names rides along in the type system only, so a
 * ref to a `string` output fits only where the SDK takes an `Input<string>`.
 */
export interface TypedRef<V> {
  $ref: string;
  /** The output of that resource, e.g. `name`, `arn`, `id`, `secret`, `roleId`, `secretId`. */
  output: string;
  readonly [refType]?: V;
}

/** What `pulumi.Input<X>` unwraps to: compile writes the plain value, never a promise or an Output. */
type Plain<X> = X extends OutputInstance<infer U> ? U : X extends Promise<infer U> ? U : X;

/**
 * An SDK input as compile may write it: the plain value with every nested `Input<…>` unwrapped the
 * same way, or a ref wherever the SDK takes an `Input` (apply turns the ref into the source's Output).
 * Objects keep exactly the SDK's property names, so an object literal with a misspelled key is an
 * excess-property error.
 */
export type Compiled<X> = Unwrapped<Plain<X>> | TypedRef<Plain<X>>;
type Unwrapped<X> = X extends string | number | boolean | null | undefined
  ? X
  : // Some Args also take the resource object itself (`role: string | Role`): compile names it by a ref instead.
    X extends Resource
    ? never
    : X extends readonly (infer E)[]
      ? Compiled<E>[]
      : X extends object
        ? { [K in keyof X]: Compiled<X[K]> }
        : never;

/**
 * Inputs the SDK takes as a JSON string that compile keeps as structured data, so the plan shows
 * (and diffs) each key and its ref; the program stringifies them (src/apply/program.ts JSON_INPUTS).
 */
interface JsonInputs {
  'vault:kv/secretV2:SecretV2': { dataJson: { [key: string]: string | TypedRef<string> } };
}

/** A token's inputs as compile writes them: its SDK Args, with JSON-string inputs kept as data. */
export type ArgsOf<T extends TypeToken> = T extends keyof JsonInputs
  ? Omit<{ [K in keyof Providers[T][1]]: Compiled<Providers[T][1][K]> }, keyof JsonInputs[T]> & JsonInputs[T]
  : { [K in keyof Providers[T][1]]: Compiled<Providers[T][1][K]> };

/**
 * One input of a token as compile writes it literally (not a ref), for helpers that build part of
 * the inputs: `PlainInput<'kubernetes:…/v1:Role', 'rules'>[number]` is one rule.
 */
export type PlainInput<T extends TypeToken, K extends keyof ArgsOf<T>> = Exclude<
  NonNullable<ArgsOf<T>[K]>,
  TypedRef<unknown>
>;
