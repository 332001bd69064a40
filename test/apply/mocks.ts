// Runs the real Pulumi program under pulumi.runtime.setMocks and records what it registers: each
// resource's type, name, inputs (secret inputs keep the SDK's secret wrapper), provider and
// options. Generated credentials come back from the mock as canary values, so a test can prove
// where they flow.

import type { StackProgram, Instantiated } from '../../src/apply/program.js';

export const CANARY_AWS_SECRET = 'canary-aws-secret-0123456789abcdefghij';
export const CANARY_SECRET_ID = 'canary-vault-secret-id-9f8e7d6c5b4a';
export const CANARY_WRAPPING = 'canary-wrapping-token-5a4b3c2d1e0f';

/** The key `rpc.ts` marks a secret with, and its value (sdk/nodejs/runtime/rpc.ts). */
export const SIG_KEY = '4dabf18193072939515e22adb298388d';
export const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';

export interface Registration {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  /** The provider's logical name (`aws-123456789012`), '' for a provider itself. */
  provider: string;
  /** The id the engine was asked to import (Pulumi's `import` option), as the mock monitor sees it; '' for none. */
  importId: string;
}

export interface MockRun {
  registrations: Registration[];
  calls: { token: string; inputs: Record<string, unknown> }[];
  instantiated: Instantiated;
  /** Stack outputs, resolved, secrets unwrapped by the SDK's own rules. */
  outputs: Record<string, unknown>;
  /** Option values per logical name, with dependsOn as logical names. */
  options: Map<
    string,
    {
      protect: boolean;
      deleteBeforeReplace: boolean;
      retainOnDelete: boolean;
      dependsOn: string[];
      aliases: unknown[];
      additionalSecretOutputs: string[];
      provider: string;
      /** Pulumi's `import` option, when set. */
      import?: string;
    }
  >;
}

export function accessKeyId(name: string): string {
  // 20 characters like a real id; derived from the logical name so tests can predict it.
  const tail = name
    .replace(/[^a-z0-9]/gi, '')
    .toUpperCase()
    .slice(-12)
    .padStart(12, 'X');
  return `AKIA0000${tail}`;
}

export interface MockOptions {
  /** Keys the AWS API lists for a user (getAccessKeys), beyond the managed ones. */
  extraKeys?: Record<string, { accessKeyId: string; status: string }[]>;
}

export async function runProgram(stack: StackProgram, opts: MockOptions = {}): Promise<MockRun> {
  const pulumi = await import('@pulumi/pulumi');
  const registrations: Registration[] = [];
  const calls: MockRun['calls'] = [];
  const managedKeys = new Map<string, string[]>();
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        const provider = args.provider ? (args.provider.split('::')[3] ?? args.provider) : '';
        registrations.push({
          type: args.type,
          name: args.name,
          inputs: args.inputs as Record<string, unknown>,
          provider,
          importId: args.id ?? '',
        });
        const state: Record<string, unknown> = { ...args.inputs };
        let id = `${args.name}-id`;
        if (args.type === 'aws:iam/accessKey:AccessKey') {
          id = accessKeyId(args.name);
          state.secret = CANARY_AWS_SECRET;
          const user = String(args.inputs.user);
          managedKeys.set(user, [...(managedKeys.get(user) ?? []), id]);
        }
        if (args.type === 'aws:iam/role:Role' || args.type === 'aws:iam/user:User')
          state.arn =
            `arn:aws:iam::000000000000:${args.type.endsWith('Role') ? 'role' : 'user'}/` + String(args.inputs.name);
        // The objects beside a role: the outputs AWS gives them (nothing in compile refers to them yet).
        if (args.type === 'aws:iam/instanceProfile:InstanceProfile') {
          const { path, name } = args.inputs as { path: string; name: string };
          state.arn = `arn:aws:iam::000000000000:instance-profile${path}${name}`;
        }
        if (args.type === 'aws:rolesanywhere/profile:Profile') {
          id = `profile-${args.name}`;
          state.arn = `arn:aws:rolesanywhere:eu-west-1:000000000000:profile/${id}`;
        }
        if (args.type === 'aws:eks/podIdentityAssociation:PodIdentityAssociation') {
          state.associationId = `a-${args.name}`;
          state.associationArn =
            `arn:aws:eks:${String(args.inputs.region)}:000000000000:podidentityassociation/` +
            `${String(args.inputs.clusterName)}/a-${args.name}`;
        }
        if (args.type === 'vault:appRole/authBackendRole:AuthBackendRole')
          state.roleId = `role-id-${String(args.inputs.roleName)}`;
        if (args.type === 'vault:appRole/authBackendRoleSecretId:AuthBackendRoleSecretId') {
          state.secretId = CANARY_SECRET_ID;
          state.wrappingToken = CANARY_WRAPPING;
          state.accessor = `accessor-${args.name}`;
        }
        return { id, state };
      },
      call(args) {
        calls.push({ token: args.token, inputs: args.inputs as Record<string, unknown> });
        if (args.token === 'aws:iam/getAccessKeys:getAccessKeys') {
          const user = String(args.inputs.user);
          const managed = (managedKeys.get(user) ?? []).map((accessKeyId) => ({
            accessKeyId,
            status: 'Active',
            createDate: '2026-01-01T00:00:00Z',
          }));
          return { id: user, user, accessKeys: [...managed, ...(opts.extraKeys?.[user] ?? [])] };
        }
        throw new Error(`unexpected invoke ${args.token}`);
      },
    },
    'idac',
    stack.team,
    false,
  );

  const { instantiate } = await import('../../src/apply/program.js');
  const instantiated = await instantiate(stack);
  const all = [...instantiated.resources.values()].flatMap((r) => [r.resource.urn, r.resource.id]);
  await settle(pulumi.all(all));
  const outputs = (await settle(pulumi.output(instantiated.outputs))) as Record<string, unknown>;

  const nameOf = new Map<unknown, string>();
  for (const [name, r] of instantiated.resources) nameOf.set(r.resource, name);
  for (const [key, p] of instantiated.providers) nameOf.set(p, key);
  const options: MockRun['options'] = new Map();
  for (const [name, r] of instantiated.resources) {
    const o = r.options;
    options.set(name, {
      protect: o.protect === true,
      deleteBeforeReplace: o.deleteBeforeReplace === true,
      retainOnDelete: o.retainOnDelete === true,
      dependsOn: (o.dependsOn as unknown[]).map((d) => nameOf.get(d) ?? '?').sort(),
      aliases: o.aliases ?? [],
      additionalSecretOutputs: o.additionalSecretOutputs ?? [],
      provider: nameOf.get(o.provider) ?? '?',
      ...(o.import === undefined ? {} : { import: o.import }),
    });
  }
  return { registrations, calls, instantiated, outputs, options };
}

function settle<T>(o: import('@pulumi/pulumi').Output<T>): Promise<T> {
  return new Promise((resolve) =>
    o.apply((v) => {
      resolve(v);
      return v;
    }),
  );
}

/** Every string in `value` that contains `needle` and is not inside a secret wrapper, with its path. */
export function clearOccurrences(value: unknown, needle: string, path = '$', inSecret = false): string[] {
  if (typeof value === 'string') return !inSecret && value.includes(needle) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => clearOccurrences(v, needle, `${path}[${i}]`, inSecret));
  if (value !== null && typeof value === 'object') {
    const secret = (value as Record<string, unknown>)[SIG_KEY] === SECRET_SIG;
    return Object.entries(value).flatMap(([k, v]) => clearOccurrences(v, needle, `${path}.${k}`, inSecret || secret));
  }
  return [];
}

/** `{ [SIG_KEY]: SECRET_SIG, value }` → value, recursively, for comparing inputs. */
export function unwrapSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (value !== null && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (v[SIG_KEY] === SECRET_SIG) return unwrapSecrets(v.value);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrapSecrets(x)]));
  }
  return value;
}
