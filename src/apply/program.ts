// The Pulumi program: instantiates exactly the compiled DesiredResource[] of one team's stack, with
// explicit providers. It makes no decisions of its own: names, inputs, dependencies, aliases and
// protection all come from compile/ (via order.ts and providers.ts). `@pulumi/*` is imported here
// and only here, lazily, so validate and plan never pay for it.

import type { ResourceClass, SdkArgs } from '../compile/provider-types.js';
import type { DesiredResource, Input, TypedResource, TypeToken } from '../compile/types.js';
import { isRef } from '../compile/types.js';
import type { Ordered } from './order.js';
import type { ProviderSpec } from './providers.js';
import { unknownAccessKeys, type UnknownAccessKey } from './access-keys.js';

type Pulumi = typeof import('@pulumi/pulumi');
type Modules = {
  pulumi: Pulumi;
  aws: typeof import('@pulumi/aws');
  kubernetes: typeof import('@pulumi/kubernetes');
  vault: typeof import('@pulumi/vault');
};
type AnyResource = import('@pulumi/pulumi').CustomResource & Record<string, unknown>;
type Constructor = new (
  name: string,
  args: Record<string, unknown>,
  opts: import('@pulumi/pulumi').CustomResourceOptions,
) => AnyResource;
/** The SDK class of a token: it takes that token's Args and is that token's class (a wrong class is a build error). */
type SdkClass<T extends TypeToken> = new (
  name: string,
  args: SdkArgs<T>,
  opts?: import('@pulumi/pulumi').CustomResourceOptions,
) => ResourceClass<T>;

/** Every type token compile/ emits, and the SDK class that registers it. */
const CLASSES: { [T in TypeToken]: (m: Modules) => SdkClass<T> } = {
  'aws:iam/role:Role': (m) => m.aws.iam.Role,
  'aws:iam/rolePolicy:RolePolicy': (m) => m.aws.iam.RolePolicy,
  'aws:iam/user:User': (m) => m.aws.iam.User,
  'aws:iam/userPolicy:UserPolicy': (m) => m.aws.iam.UserPolicy,
  'aws:iam/accessKey:AccessKey': (m) => m.aws.iam.AccessKey,
  'aws:iam/rolePoliciesExclusive:RolePoliciesExclusive': (m) => m.aws.iam.RolePoliciesExclusive,
  'aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive': (m) =>
    m.aws.iam.RolePolicyAttachmentsExclusive,
  'aws:iam/userPoliciesExclusive:UserPoliciesExclusive': (m) => m.aws.iam.UserPoliciesExclusive,
  'aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive': (m) =>
    m.aws.iam.UserPolicyAttachmentsExclusive,
  'aws:iam/instanceProfile:InstanceProfile': (m) => m.aws.iam.InstanceProfile,
  'aws:eks/podIdentityAssociation:PodIdentityAssociation': (m) => m.aws.eks.PodIdentityAssociation,
  'aws:rolesanywhere/profile:Profile': (m) => m.aws.rolesanywhere.Profile,
  'kubernetes:core/v1:ServiceAccount': (m) => m.kubernetes.core.v1.ServiceAccount,
  'kubernetes:core/v1:Secret': (m) => m.kubernetes.core.v1.Secret,
  'kubernetes:rbac.authorization.k8s.io/v1:Role': (m) => m.kubernetes.rbac.v1.Role,
  'kubernetes:rbac.authorization.k8s.io/v1:RoleBinding': (m) => m.kubernetes.rbac.v1.RoleBinding,
  'vault:index/policy:Policy': (m) => m.vault.Policy,
  'vault:kubernetes/authBackendRole:AuthBackendRole': (m) => m.vault.kubernetes.AuthBackendRole,
  'vault:appRole/authBackendRole:AuthBackendRole': (m) => m.vault.approle.AuthBackendRole,
  'vault:appRole/authBackendRoleSecretId:AuthBackendRoleSecretId': (m) => m.vault.approle.AuthBackendRoleSecretId,
  'vault:pkiSecret/secretBackendRole:SecretBackendRole': (m) => m.vault.pkisecret.SecretBackendRole,
  'vault:kv/secretV2:SecretV2': (m) => m.vault.kv.SecretV2,
  'vault:jwt/authBackendRole:AuthBackendRole': (m) => m.vault.jwt.AuthBackendRole,
  'vault:aws/authBackendRole:AuthBackendRole': (m) => m.vault.aws.AuthBackendRole,
  'vault:index/certAuthBackendRole:CertAuthBackendRole': (m) => m.vault.CertAuthBackendRole,
};

/** Inputs the provider takes as a JSON string, which compile keeps as data (so refs stay visible). */
export const JSON_INPUTS: Record<string, readonly string[]> = { 'vault:kv/secretV2:SecretV2': ['dataJson'] };

export const SUPPORTED_TYPES: readonly string[] = Object.keys(CLASSES).sort();

export interface StackProgram {
  team: string;
  providers: readonly ProviderSpec[];
  /** From registrationOrder: dependencies first. */
  resources: readonly Ordered[];
}

/** What the program registered, for the driver's report and for tests. */
export interface Registered {
  desired: DesiredResource;
  resource: AnyResource;
  options: import('@pulumi/pulumi').CustomResourceOptions;
  dependsOn: string[];
}

export interface Instantiated {
  providers: Map<string, import('@pulumi/pulumi').ProviderResource>;
  resources: Map<string, Registered>;
  /** The stack outputs. Never a credential: names and counts only. */
  outputs: Record<string, unknown>;
}

export async function loadModules(): Promise<Modules> {
  const [pulumi, aws, kubernetes, vault] = await Promise.all([
    import('@pulumi/pulumi'),
    import('@pulumi/aws'),
    import('@pulumi/kubernetes'),
    import('@pulumi/vault'),
  ]);
  return { pulumi, aws, kubernetes, vault };
}

/** Registers the stack's providers and resources. Call inside a Pulumi program (or under setMocks). */
export async function instantiate(stack: StackProgram, m?: Modules): Promise<Instantiated> {
  const mods = m ?? (await loadModules());
  const { pulumi } = mods;
  const providers = new Map<string, import('@pulumi/pulumi').ProviderResource>();
  for (const p of stack.providers) {
    // providersFor typed p.inputs as this package's ProviderArgs.
    const Provider = mods[p.package].Provider as unknown as new (
      name: string,
      args: ProviderSpec['inputs'],
    ) => import('@pulumi/pulumi').ProviderResource;
    providers.set(p.key, new Provider(p.name, p.inputs));
  }

  const registered = new Map<string, Registered>();
  // A ref to an output the source marks secret stays a Pulumi secret wherever it flows (delivery).
  const resolve = (value: Input): unknown => {
    if (isRef(value)) {
      const source = registered.get(value.$ref);
      if (!source) throw new Error(`internal: ${value.$ref} is not registered yet`);
      const out = source.resource[value.output] as import('@pulumi/pulumi').Output<unknown> | undefined;
      if (out === undefined) throw new Error(`internal: ${source.desired.type} has no output ${value.output}`);
      return (source.desired.secretOutputs ?? []).some((o) => o === value.output) ? pulumi.secret(out) : out;
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    return value;
  };

  for (const { resource: desired, dependsOn } of stack.resources) {
    const pick = (CLASSES as Partial<Record<string, (m: Modules) => unknown>>)[desired.type];
    if (!pick) throw new Error(`internal: no SDK class for ${desired.type}`);
    // Compile typed the inputs as this class's Args (refs in place of Outputs, resolved above).
    const Class = pick(mods) as Constructor;
    const args: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(desired.inputs)) {
      const resolved = resolve(v as Input);
      args[k] = JSON_INPUTS[desired.type]?.includes(k) ? pulumi.jsonStringify(pulumi.output(resolved)) : resolved;
    }
    const provider = providers.get(desired.provider);
    if (!provider) throw new Error(`internal: no provider ${desired.provider} for ${desired.name}`);
    const options: import('@pulumi/pulumi').CustomResourceOptions = {
      provider,
      dependsOn: dependsOn.map((d) => registered.get(d)!.resource),
      ...(desired.aliases?.length ? { aliases: desired.aliases.map((name) => ({ name })) } : {}),
      ...(desired.protect ? { protect: true } : {}),
      // Adopt the live object (metadata.importedFrom). Pulumi imports it when it is not in the stack's
      // state yet and ignores the option once it is, so it stays on every later run; since Pulumi
      // 3.174 an import whose inputs differ from the live object is followed by an update in the same
      // run (pulumi/pulumi#19339), which is how the object converges to what idac compiles.
      ...(desired.importId !== undefined ? { import: desired.importId } : {}),
      ...(desired.secretOutputs?.length ? { additionalSecretOutputs: [...desired.secretOutputs] } : {}),
    };
    registered.set(desired.name, { desired, resource: new Class(desired.name, args, options), options, dependsOn });
  }

  return { providers, resources: registered, outputs: stackOutputs(stack, registered, mods) };
}

/** The Automation API's inline program for one team's stack. */
export function inlineProgram(stack: StackProgram): () => Promise<Record<string, unknown>> {
  return async () => (await instantiate(stack)).outputs;
}

function stackOutputs(stack: StackProgram, registered: Map<string, Registered>, m: Modules): Record<string, unknown> {
  const identities = [...new Set(stack.resources.map((r) => r.resource.identity))].sort();
  return {
    team: stack.team,
    identities,
    resources: stack.resources.length,
    unknownAccessKeys: unknownKeysOutput(registered, m),
  };
}

/**
 * Access keys on an idac-managed user that idac did not create: reported (stack output and a
 * warning), never deleted; Pulumi cannot delete what it does not manage. AWS allows two keys per
 * user, so a stray key can block the next rotation: that is why it is worth a warning.
 */
function unknownKeysOutput(registered: Map<string, Registered>, m: Modules): unknown {
  const { pulumi, aws } = m;
  const users = [...registered.values()].filter(
    (r): r is Registered & { desired: TypedResource<'aws:iam/user:User'> } => r.desired.type === 'aws:iam/user:User',
  );
  const found = users.map((u) => {
    const keys = [...registered.values()].filter(
      (r) => r.desired.type === 'aws:iam/accessKey:AccessKey' && r.desired.identity === u.desired.identity,
    );
    const listed = aws.iam.getAccessKeysOutput(
      { user: u.resource.name as import('@pulumi/pulumi').Output<string> },
      { provider: u.options.provider, dependsOn: [u.resource, ...keys.map((k) => k.resource)] },
    );
    return pulumi.all([listed, pulumi.all(keys.map((k) => k.resource.id))]).apply(([l, managed]) => {
      // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a plain string
      const stray = unknownAccessKeys(u.desired.identity, String(u.desired.inputs.name), l.accessKeys, managed);
      for (const s of stray)
        void pulumi.log.warn(
          `${s.identity}: IAM user ${s.user} holds access key ${s.accessKeyId} (${s.status}) that idac did ` +
            `not create; it is left in place — delete it by hand once nothing uses it, or the next rotation ` +
            `may hit AWS's limit of two keys`,
        );
      return stray;
    });
  });
  return pulumi.all(found).apply((lists) => lists.flat() as UnknownAccessKey[]);
}
