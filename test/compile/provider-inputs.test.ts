// The backstop for typed inputs: every resource compile produces for the example repos (acme,
// risky), in every lifecycle state, with elevations in force, inside rotation overlaps and with both
// delivery destinations, is written out as TypeScript — `const r: aws.iam.RoleArgs = { …inputs }`,
// each ref replaced by the source class's own output property (`source<aws.iam.User>().name`) and
// each JSON input stringified as the program does — and type-checked against the provider SDKs in
// one program. Object literals get excess-property checks, so a misspelled key fails like a wrong
// type. The SDK names are derived from the type token here, independently of
// src/compile/provider-types.ts. Synthetic wrong resources prove the check fails; snippets calling
// compile's own resourceOf/outputOf prove the build itself rejects the same mistakes.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { JSON_INPUTS, SUPPORTED_TYPES } from '../../src/apply/program.js';
import { compileIdentity } from '../../src/compile/index.js';
import { isRef, type DesiredResource, type Input } from '../../src/compile/types.js';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import type { Organization } from '../../src/manifest/organization.generated.js';
import { loadText } from '../../src/manifest/load.js';
import { orgModel, type OrgModel } from '../../src/model/org.js';
import { parseInstant } from '../../src/common/time.js';
import { root } from '../e2e/cli.js';

/** Before, inside the settlement-reader elevation, across a rotation boundary of the acme AppRoles and keys. */
const INSTANTS = ['2026-06-01T00:00:00Z', '2026-11-07T22:48:42Z', '2026-11-23T12:00:00Z', '2026-12-05T22:48:43Z'];

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : [],
  );
}

function load(file: string, expect: 'MachineIdentity' | 'Organization'): unknown {
  const loaded = loadText(readFileSync(file, 'utf8'), { expect, fast: false });
  if (!loaded.valid) throw new Error(`${file} does not load: ${JSON.stringify(loaded.issues)}`);
  return loaded.data;
}

/**
 * The identity as written, and in each lifecycle state, delivering to both destinations when it can,
 * and as `idac import` would have written it (adopting the live principal, with the exclusive-policy
 * resources that only imported identities get).
 */
function variants(data: MachineIdentity): MachineIdentity[] {
  const out: MachineIdentity[] = [data];
  const aws = data.spec.access.aws;
  if (aws) {
    const name = `Live-${data.metadata.name}`;
    const importedFrom = {
      target: 'aws' as const,
      id: `arn:aws:iam::${aws.account}:${aws.principal}/legacy/${name}`,
      name,
      live: { path: '/legacy/', inlinePolicies: ['old'], managedPolicies: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] },
    };
    out.push({ ...data, metadata: { ...data.metadata, importedFrom } });
  }
  for (const status of ['active', 'suspended', 'decommissioned'] as const)
    out.push({ ...data, spec: { ...data.spec, status } });
  const k8s = data.spec.access.kubernetes;
  if (k8s) {
    const delivery = {
      vaultPath: `kv/data/${data.spec.stewardship.team}/${data.metadata.name}`,
      kubernetesSecret: { namespace: k8s.namespace, name: `${data.metadata.name}-credentials` },
    };
    for (const status of ['active', 'suspended'] as const)
      out.push({ ...data, spec: { ...data.spec, status, delivery } });
  }
  return out;
}

interface Fixture {
  label: string;
  resource: DesiredResource;
  /** The resources compiled with it, where its refs point. */
  siblings: readonly DesiredResource[];
}

function exampleFixtures(): Fixture[] {
  const seen = new Set<string>();
  const out: Fixture[] = [];
  for (const example of ['acme', 'risky']) {
    const dir = join(root, 'examples', example, 'identities');
    const org: OrgModel = orgModel(load(join(dir, 'org.yaml'), 'Organization') as Organization);
    for (const file of yamlFiles(dir)
      .filter((f) => !f.endsWith('org.yaml'))
      .sort()) {
      for (const data of variants(load(file, 'MachineIdentity') as MachineIdentity)) {
        for (const iso of INSTANTS) {
          const siblings = compileIdentity(data, { now: parseInstant(iso)!, org });
          for (const resource of siblings) {
            const key = JSON.stringify([resource.type, resource.inputs, resource.secretOutputs ?? []]);
            if (seen.has(key)) continue;
            seen.add(key);
            out.push({
              label:
                `${example}/${relative(dir, file)} ${data.spec.status ?? '(no status)'} at ${iso}: ` +
                `${resource.name} (${resource.type})`,
              resource,
              siblings,
            });
          }
        }
      }
    }
  }
  return out;
}

/**
 * The SDK class a type token names, by the Pulumi SDKs' layout: the module is the token's first
 * segment lowercased (`appRole` → `approle`, `index` → the package root); Kubernetes adds the API
 * group's first label and the version (`rbac.authorization.k8s.io/v1` → `rbac.v1`).
 */
function sdkClass(token: string): string {
  const [pkg, module, member] = token.split(':') as [string, string, string];
  const [first, second] = module.split('/') as [string, string];
  if (pkg === 'kubernetes') return `kubernetes.${first.split('.')[0]}.${second}.${member}`;
  const path = first === 'index' ? [] : [first.toLowerCase()];
  return [pkg, ...path, member].join('.');
}

/** `inputs` as a TypeScript expression: refs become the source class's output property. */
function expression(value: Input, sourceOf: (name: string) => DesiredResource | undefined): string {
  if (isRef(value)) {
    const source = sourceOf(value.$ref);
    if (!source) throw new Error(`ref to ${value.$ref}, which was not compiled with it`);
    return `source<${sdkClass(source.type)}>()[${JSON.stringify(value.output)}]`;
  }
  if (Array.isArray(value)) return `[${value.map((v) => expression(v, sourceOf)).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${property(k)}: ${expression(v, sourceOf)}`)
      .join(', ')} }`;
  return JSON.stringify(value);
}

/** A key as written by hand where it can be (so diagnostics name `verb`, not `"verb"`). */
function property(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}

function snippet(id: string, f: Fixture): string {
  const sourceOf = (name: string): DesiredResource | undefined => f.siblings.find((s) => s.name === name);
  const fields = Object.entries(f.resource.inputs as { [key: string]: Input }).map(([k, v]) => {
    const e = expression(v, sourceOf);
    // As the program does: the provider takes these as a JSON string of the resolved value.
    return (
      `  ${property(k)}: ` +
      `${JSON_INPUTS[f.resource.type]?.includes(k) ? `pulumi.jsonStringify(pulumi.output(${e}))` : e},`
    );
  });
  const cls = sdkClass(f.resource.type);
  const secrets = (f.resource.secretOutputs ?? []).map((o) => `  ${JSON.stringify(o)},`);
  return [
    `const ${id}: ${cls}Args = {`,
    ...fields,
    '};',
    `const ${id}_secrets: (keyof ${cls})[] = [`,
    ...secrets,
    '];',
  ].join('\n');
}

const HEADER = [
  "import type * as aws from '@pulumi/aws';",
  "import type * as kubernetes from '@pulumi/kubernetes';",
  "import * as pulumi from '@pulumi/pulumi';",
  "import type * as vault from '@pulumi/vault';",
  "import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';",
  "import { resourceOf } from '../../src/compile/common.js';",
  "import { outputOf } from '../../src/compile/types.js';",
  'declare function source<T>(): T;',
  'declare const data: MachineIdentity;',
  '',
];

interface Checked {
  /** Diagnostics per snippet id. */
  diagnostics: Map<string, string[]>;
  /** Diagnostics outside every snippet (the header): must be none. */
  stray: string[];
  ms: number;
}

/** Type-checks all snippets as one file in one program (loading the SDK typings once). */
function typeCheck(snippets: { id: string; text: string }[]): Checked {
  const started = Date.now();
  const file = join(root, 'test', 'compile', '__provider_inputs__.ts');
  const lines = [...HEADER];
  const ranges: { id: string; from: number; to: number }[] = [];
  for (const s of snippets) {
    const from = lines.length;
    lines.push(...s.text.split('\n'), '');
    ranges.push({ id: s.id, from, to: lines.length });
  }
  const text = lines.join('\n');
  if (process.env.IDAC_DUMP_SNIPPETS) writeFileSync(process.env.IDAC_DUMP_SNIPPETS, text);
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), (p) => ts.sys.readFile(p));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const host = ts.createCompilerHost({ ...options, noEmit: true });
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) =>
    name === file ? ts.createSourceFile(name, text, lang) : getSourceFile(name, lang, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram({ rootNames: [file], options: { ...options, noEmit: true, rootDir: root }, host });
  const source = program.getSourceFile(file)!;
  const diagnostics = new Map<string, string[]>(snippets.map((s) => [s.id, []]));
  const stray: string[] = [];
  for (const d of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
    const line = d.start === undefined ? -1 : source.getLineAndCharacterOfPosition(d.start).line;
    const message = `line ${line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    const range = ranges.find((r) => line >= r.from && line < r.to);
    if (range) diagnostics.get(range.id)!.push(message);
    else stray.push(message);
  }
  return { diagnostics, stray, ms: Date.now() - started };
}

const user = {
  type: 'aws:iam/user:User',
  name: 'x.aws.user',
  identity: 'x',
  team: 't',
  provider: 'aws:1',
  inputs: { name: 'x' },
} as unknown as DesiredResource;
const key = {
  type: 'aws:iam/accessKey:AccessKey',
  name: 'x.aws.key.g1',
  identity: 'x',
  team: 't',
  provider: 'aws:1',
  inputs: {},
} as unknown as DesiredResource;

/** Wrong resources the check must reject, each with the text its diagnostic names. */
const WRONG: {
  why: string;
  type: string;
  inputs: Record<string, unknown>;
  secretOutputs?: string[];
  expect: RegExp;
}[] = [
  {
    why: 'a misspelled input',
    type: 'aws:iam/role:Role',
    inputs: { name: 'x', assumeRolePolicy: '{}', maxSesionDuration: 3600 },
    expect: /maxSesionDuration/,
  },
  {
    why: 'a mistyped input',
    type: 'aws:iam/role:Role',
    inputs: { name: 'x', assumeRolePolicy: '{}', maxSessionDuration: '3600' },
    expect: /'string' is not assignable to type 'Input<number/,
  },
  {
    why: 'a missing required input',
    type: 'aws:iam/rolePolicy:RolePolicy',
    inputs: { name: 'x', policy: '{}' },
    expect: /Property 'role' is missing/,
  },
  {
    why: 'a misspelled nested input',
    type: 'kubernetes:rbac.authorization.k8s.io/v1:Role',
    inputs: { metadata: { name: 'x' }, rules: [{ apiGroups: [''], resources: ['pods'], verb: ['get'] }] },
    expect: /'verb' does not exist/,
  },
  {
    why: 'a misspelled metadata key',
    type: 'kubernetes:core/v1:ServiceAccount',
    inputs: { metadata: { name: 'x', lables: { a: 'b' } } },
    expect: /'lables' does not exist/,
  },
  {
    why: 'an input of another resource type',
    type: 'vault:appRole/authBackendRoleSecretId:AuthBackendRoleSecretId',
    inputs: { backend: 'approle', roleName: 'x', tokenTtl: 3600 },
    expect: /'tokenTtl' does not exist/,
  },
  {
    why: 'a ref to an output the source does not have',
    type: 'aws:iam/accessKey:AccessKey',
    inputs: { user: { $ref: 'x.aws.user', output: 'username' } },
    expect: /'username'/,
  },
  {
    why: 'a ref of the wrong type',
    type: 'aws:iam/role:Role',
    inputs: { name: 'x', assumeRolePolicy: '{}', maxSessionDuration: { $ref: 'x.aws.user', output: 'name' } },
    expect: /Output<string>' is not assignable to type 'Input<number/,
  },
  {
    why: 'a secret output the class does not have',
    type: 'aws:iam/accessKey:AccessKey',
    inputs: { user: { $ref: 'x.aws.user', output: 'name' } },
    secretOutputs: ['secretKey'],
    expect: /"secretKey"/,
  },
  {
    why: 'a JSON input that is not data',
    type: 'vault:kv/secretV2:SecretV2',
    inputs: { mount: 'kv', name: 'x', dataJson: { A: { $ref: 'x.aws.key.g1', output: 'nope' } } },
    expect: /'nope'/,
  },
];

/** The same mistakes through compile's own typed API: what `tsc` reports when a compiler module makes them. */
const API: { why: string; code: string; expect: RegExp | null }[] = [
  {
    why: 'a correct role',
    code:
      "resourceOf(data, 'aws:iam/role:Role', ['aws', 'role'], 'aws:1', { name: 'x', assumeRolePolicy: '{}', " +
      'maxSessionDuration: 3600 });',
    expect: null,
  },
  {
    why: 'a correct key with a typed ref',
    code:
      "const u = resourceOf(data, 'aws:iam/user:User', ['aws', 'user'], 'aws:1', { name: 'x' " +
      "});\nresourceOf(data, 'aws:iam/accessKey:AccessKey', ['aws', 'key'], 'aws:1', { user: outputOf(u, " +
      "'name'), status: 'Active' }, { secretOutputs: ['secret'] });",
    expect: null,
  },
  {
    why: 'a misspelled input',
    code:
      "resourceOf(data, 'aws:iam/role:Role', ['aws', 'role'], 'aws:1', { name: 'x', assumeRolePolicy: '{}', " +
      'maxSesionDuration: 3600 });',
    expect: /maxSesionDuration/,
  },
  {
    why: 'a mistyped input',
    code:
      "resourceOf(data, 'vault:appRole/authBackendRole:AuthBackendRole', ['vault'], 'vault', { roleName: 'x', " +
      "tokenTtl: '1h' });",
    expect: /'string' is not assignable to type 'Compiled<Input<number/,
  },
  {
    why: 'a misspelled nested input',
    code:
      "resourceOf(data, 'kubernetes:rbac.authorization.k8s.io/v1:Role', ['k8s'], 'kubernetes:c', { rules: [{ " +
      "apiGroups: [''], resources: ['pods'], verb: ['get'] }] });",
    expect: /'verb' does not exist/,
  },
  {
    why: 'a ref to a missing output',
    code:
      "const u = resourceOf(data, 'aws:iam/user:User', ['aws', 'user'], 'aws:1', { name: 'x' " +
      "});\nresourceOf(data, 'aws:iam/accessKey:AccessKey', ['aws', 'key'], 'aws:1', { user: outputOf(u, " +
      "'username') });",
    expect: /"username"/,
  },
  {
    why: 'a ref of the wrong type',
    code:
      "const k = resourceOf(data, 'aws:iam/accessKey:AccessKey', ['aws', 'key'], 'aws:1', { user: 'x' " +
      "});\nresourceOf(data, 'aws:iam/role:Role', ['aws', 'role'], 'aws:1', { assumeRolePolicy: '{}', " +
      "maxSessionDuration: outputOf(k, 'createDate') });",
    expect: /TypedRef<string>' is not assignable/,
  },
  {
    why: 'an unknown secret output',
    code:
      "resourceOf(data, 'aws:iam/accessKey:AccessKey', ['aws', 'key'], 'aws:1', { user: 'x' }, { " +
      "secretOutputs: ['secretKey'] });",
    expect: /"secretKey"/,
  },
  {
    why: 'a type token compile does not know',
    code: "resourceOf(data, 'aws:iam/group:Group', ['aws', 'group'], 'aws:1', { name: 'x' });",
    expect: /"aws:iam\/group:Group"/,
  },
];

describe('compiled inputs against the provider SDK types', () => {
  const fixtures = exampleFixtures();
  let checked: Checked;

  beforeAll(() => {
    const snippets = [
      ...fixtures.map((f, i) => ({ id: `r${i}`, text: snippet(`r${i}`, f) })),
      ...WRONG.map((w, i) => ({
        id: `wrong${i}`,
        text: snippet(`wrong${i}`, {
          label: w.why,
          resource: {
            ...user,
            type: w.type,
            name: `x.wrong${i}`,
            inputs: w.inputs,
            ...(w.secretOutputs ? { secretOutputs: w.secretOutputs } : {}),
          } as unknown as DesiredResource,
          siblings: [user, key],
        }),
      })),
      ...API.map((a, i) => ({ id: `api${i}`, text: `{\n${a.code}\n}` })),
    ];
    checked = typeCheck(snippets);
    // Reported so a slow-down shows: loading the SDK typings dominates.
    console.log(`type-checked ${snippets.length} snippets (${fixtures.length} compiled resources) in ${checked.ms} ms`);
  }, 180_000);

  it('the fixtures cover every type token compile emits, active and suspended, elevations and deliveries', () => {
    expect([...new Set(fixtures.map((f) => f.resource.type))].sort()).toEqual([...SUPPORTED_TYPES]);
    expect(fixtures.some((f) => f.label.includes(' suspended '))).toBe(true);
    expect(fixtures.some((f) => f.resource.name.includes('.elevation-'))).toBe(true);
    expect(fixtures.some((f) => f.resource.secretOutputs?.length)).toBe(true);
    expect(
      fixtures.some(
        (f) =>
          f.resource.type === 'aws:iam/accessKey:AccessKey' &&
          (f.resource.inputs as { status?: string }).status === 'Inactive',
      ),
    ).toBe(true);
  });

  it('derives the SDK class from the token', () => {
    expect(SUPPORTED_TYPES.map(sdkClass)).toEqual([
      'aws.eks.PodIdentityAssociation',
      'aws.iam.AccessKey',
      'aws.iam.InstanceProfile',
      'aws.iam.Role',
      'aws.iam.RolePoliciesExclusive',
      'aws.iam.RolePolicy',
      'aws.iam.RolePolicyAttachmentsExclusive',
      'aws.iam.User',
      'aws.iam.UserPoliciesExclusive',
      'aws.iam.UserPolicy',
      'aws.iam.UserPolicyAttachmentsExclusive',
      'aws.rolesanywhere.Profile',
      'kubernetes.core.v1.Secret',
      'kubernetes.core.v1.ServiceAccount',
      'kubernetes.rbac.v1.Role',
      'kubernetes.rbac.v1.RoleBinding',
      'vault.approle.AuthBackendRole',
      'vault.approle.AuthBackendRoleSecretId',
      'vault.aws.AuthBackendRole',
      'vault.CertAuthBackendRole',
      'vault.Policy',
      'vault.jwt.AuthBackendRole',
      'vault.kubernetes.AuthBackendRole',
      'vault.kv.SecretV2',
      'vault.pkisecret.SecretBackendRole',
    ]);
  });

  it('the generated file has no error of its own', () => {
    expect(checked.stray).toEqual([]);
  });

  it('every compiled resource is what its SDK class accepts', () => {
    const failures = fixtures.flatMap((f, i) => checked.diagnostics.get(`r${i}`)!.map((d) => `${f.label}\n  ${d}`));
    expect(failures).toEqual([]);
  });

  it.each(WRONG.map((w, i) => [w.why, i] as const))('rejects %s', (_, i) => {
    const found = checked.diagnostics.get(`wrong${i}`)!;
    expect(found.length, 'no diagnostic').toBeGreaterThan(0);
    expect(found.join('\n')).toMatch(WRONG[i]!.expect);
  });

  it.each(API.map((a, i) => [a.why, i] as const))("compile's typed API: %s", (_, i) => {
    const found = checked.diagnostics.get(`api${i}`)!;
    const expected = API[i]!.expect;
    if (expected === null) expect(found).toEqual([]);
    else expect(found.join('\n')).toMatch(expected);
  });
});
