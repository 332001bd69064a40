// A Vault estate: the dump scripts/vault-export.sh writes (or fetchVaultDump reads live, the same
// JSON) → one identity per Kubernetes, AppRole and JWT auth role, with the paths of the policies
// its tokens get. What idac compiles for an identity (src/compile/vault.ts: the `idac-<name>` policy,
// the role bound to one service account or CI token, one-hour tokens) reads back as the manifest;
// whatever a manifest cannot say is reported with its exact text, never dropped or widened.
//
// The dump (format idac-vault-dump/v1):
//   { "format": "idac-vault-dump/v1",
//     "policies": { "<name>": "<policy text, HCL or JSON>" },
//     "auth": { "<mount path, no trailing slash>": {
//       "type": "kubernetes", "roles": { "<role>": { …as Vault reads it } } } } }

import { fail, ok, type Result } from '../../../common/result.js';
import { vaultPathMatches, vaultPathWithin } from '../../../access/vault-paths.js';
import type { Estate, EstateContext, EstateIdentity, NotExpressible, OrgAdditions, Origin } from '../types.js';
import { parseVaultPolicy, type ParsedPolicy, type VaultCapability } from './vault-policy.js';

export const VAULT_DUMP_FORMAT = 'idac-vault-dump/v1';

type Role = Readonly<Record<string, unknown>>;

export interface VaultDump {
  format: typeof VAULT_DUMP_FORMAT;
  policies: Record<string, string>;
  auth: Record<string, { type: string; roles?: Record<string, Role> }>;
}

/** The auth methods whose roles become identities, as the manifest's `auth` names them (oidc is the jwt plugin). */
const IMPORTED: Readonly<Record<string, 'kubernetes' | 'approle' | 'jwt'>> = {
  kubernetes: 'kubernetes',
  approle: 'approle',
  jwt: 'jwt',
  oidc: 'jwt',
};
const KINDS = 'Kubernetes, AppRole and JWT roles';
/** Vault's own policies: never bound by idac, never reported as unused. */
const BUILT_IN = new Set(['root', 'default']);
const K8S_NAME = /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/;
const K8S_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
/** schema vaultPath: the characters and length a manifest path may have. */
const VAULT_PATH = /^[A-Za-z0-9_{}+*.-][A-Za-z0-9_{}+*./=@-]{0,511}$/;
const MAX_PATHS = 100;
const MOUNT = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

/** The dump file's text → the estate (scope "dump"). */
export function parseVaultDump(text: string, ctx: EstateContext): Result<Estate> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return fail('the Vault dump is not JSON: make it with scripts/vault-export.sh');
  }
  return vaultEstate(doc, ctx, 'dump');
}

/** A dump already parsed (a file, or fetchVaultDump's answer) → the estate; `scope` is the address or "dump". */
export function vaultEstate(doc: unknown, ctx: EstateContext, scope: string): Result<Estate> {
  const dump = asDump(doc);
  if (!dump.ok) return dump;
  const { policies, auth } = dump.value;
  const warnings: string[] = [];
  const parsed = new Map<string, Result<ParsedPolicy>>();
  for (const name of Object.keys(policies).sort()) parsed.set(name, parseVaultPolicy(policies[name]!));

  const org: OrgAdditions = {};
  const approleMount = chooseApproleMount(ctx, Object.keys(auth), auth, org);
  const identities: EstateIdentity[] = [];
  const bound = new Set<string>();
  for (const mount of Object.keys(auth).sort()) {
    const { type, roles = {} } = auth[mount]!;
    const method = IMPORTED[type];
    if (method === undefined) {
      if (type !== 'token') warnings.push(`auth/${mount} (${type}) is not imported; idac imports ${KINDS}`);
      continue;
    }
    for (const roleName of Object.keys(roles).sort()) {
      const role = roles[roleName]!;
      if (method === 'jwt' && role.role_type === 'oidc') {
        warnings.push(`auth/${mount}/role/${roleName} is an OIDC login for people (role_type oidc), not imported`);
        continue;
      }
      tokenPolicies(role).forEach((p) => bound.add(p));
      const reader = new RoleReader(mount, method, roleName, role, parsed, warnings);
      identities.push(reader.identity(ctx, org, approleMount));
    }
  }
  const unbound = [...parsed.keys()].filter((p) => !bound.has(p) && !BUILT_IN.has(p));
  if (unbound.length > 0) {
    warnings.push(`policies bound to no Kubernetes, AppRole or JWT role (not imported): ${unbound.join(', ')}`);
  }
  for (const [name, result] of parsed) {
    if (!result.ok) warnings.push(`policy ${name} could not be read: ${result.diagnostics[0]!.summary}`);
  }
  identities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return ok({ target: 'vault', scope, identities, keys: [], org, warnings });
}

// ---- one role -------------------------------------------------------------------------------------

type VaultPaths = { path: string; capabilities: VaultCapability[] }[];
type VaultJwt = NonNullable<NonNullable<EstateIdentity['access']['vault']>['jwt']>;

class RoleReader {
  readonly id: string;
  readonly source: string;
  readonly notExpressible: NotExpressible[] = [];
  readonly origins: Origin[] = [];

  constructor(
    readonly mount: string,
    readonly type: 'kubernetes' | 'approle' | 'jwt',
    readonly name: string,
    readonly role: Role,
    readonly policies: ReadonlyMap<string, Result<ParsedPolicy>>,
    readonly warnings: string[],
  ) {
    this.id = `vault:auth/${mount}/role/${name}`;
    this.source = `auth role auth/${mount}/role/${name}`;
  }

  identity(ctx: EstateContext, org: OrgAdditions, approleMount: string): EstateIdentity {
    const names = tokenPolicies(this.role);
    const mounts = ctx.org?.spec.targets?.vault?.mounts ?? {};
    const pki = new Set(Object.keys(mounts).filter((m) => mounts[m] === 'pki'));
    const paths = this.paths(names, pki);
    this.origins.push({ path: ['vault', 'auth'], from: `auth mount ${this.mount} (${this.type})` });
    this.restrictions();
    const jwt = this.type === 'jwt' ? this.jwt(ctx, org) : undefined;
    const vault = { auth: this.type, ...(jwt ? { jwt } : {}), ...(paths.length > 0 ? { paths } : {}) };
    let kubernetes: { cluster: string; namespace: string; serviceAccount?: string } | undefined;
    if (this.type === 'kubernetes') kubernetes = this.serviceAccount(ctx, org);
    if (this.type === 'approle' && this.mount !== approleMount) {
      this.no(
        JSON.stringify({ mount: this.mount }),
        `idac manages AppRoles on one mount (org.yaml targets.vault.approleMount: ${approleMount}) and this role ` +
          'is on another: move it there, or keep it outside idac',
      );
    }
    return {
      target: 'vault',
      id: this.id,
      name: this.name,
      labels: {},
      access: { vault, ...(kubernetes ? { kubernetes } : {}) },
      notExpressible: this.notExpressible,
      origins: this.origins,
      ...(names.length > 0 ? { live: { policies: names } } : {}),
    };
  }

  private no(statement: string, reason: string, source = this.source): NotExpressible {
    const report = { source, statement, reason };
    this.notExpressible.push(report);
    return report;
  }

  /** The paths of every policy the role's tokens get, in policy-name order, each policy's in its order. */
  private paths(names: readonly string[], pki: ReadonlySet<string>): VaultPaths {
    const paths: VaultPaths = [];
    // Stanzas left out, with the report that quotes them.
    const left: { path: string; source: string; report: NotExpressible }[] = [];
    for (const policy of names) {
      const source = `policy ${policy}`;
      if (policy === 'default') continue; // Vault's own, on every token: not this identity's access
      if (policy === 'root') {
        this.no('root', 'the root policy grants everything and has no paths: give the role a policy that names them');
        continue;
      }
      if (policy.startsWith(`idac-${this.name}-`) && names.includes(`idac-${this.name}`)) {
        // An elevation idac granted (compile/vault.ts `idac-<name>-<key>`): its manifest says it.
        this.warnings.push(`${this.id}: ${policy} is an idac elevation policy, not imported as access`);
        continue;
      }
      const parsed = this.policies.get(policy);
      if (!parsed) {
        this.no(
          policy,
          'the role names a policy that does not exist: Vault grants nothing for it until someone creates it',
        );
        continue;
      }
      if (!parsed.ok) {
        this.no(policy, `the policy could not be read (${parsed.diagnostics[0]!.summary})`, source);
        continue;
      }
      for (const other of parsed.value.other) this.no(other.text, other.problem, source);
      for (const stanza of parsed.value.stanzas) {
        if (stanza.capabilities === null) {
          left.push({ path: stanza.path, source, report: this.no(stanza.text, stanza.problem!, source) });
        } else if (!VAULT_PATH.test(stanza.path)) {
          const why = 'a manifest path cannot hold this path (too long, or spaces, quotes or other characters)';
          left.push({ path: stanza.path, source, report: this.no(stanza.text, why, source) });
        } else if (policy === `idac-${this.name}` && this.isIssue(stanza.path, stanza.capabilities, pki)) {
          // compile/vault.ts grants `update` on <pki mount>/issue/<name> for each declared certificate.
          this.warnings.push(
            `${this.id}: ${stanza.path} is an idac certificate's issue endpoint (spec.access.vault.certificates); ` +
              'PKI roles are not in the dump, so it is not imported as a path',
          );
        } else {
          this.origins.push({ path: ['vault', 'paths', paths.length], from: source });
          paths.push({ path: stanza.path, capabilities: stanza.capabilities });
        }
      }
    }
    // A stanza left out lets a broader path decide the requests it decided: that would widen. A
    // `deny` in its place keeps them refused (narrower, and reported) until a person decides.
    for (const { path, source, report } of left) {
      const covered = paths.some(
        (p) => !p.capabilities.includes('deny') && (vaultPathWithin(path, p.path) || vaultPathMatches(p.path, path)),
      );
      if (!covered || !VAULT_PATH.test(path)) continue;
      this.origins.push({
        path: ['vault', 'paths', paths.length],
        from: `${source} (deny in place of what idac cannot express)`,
      });
      paths.push({ path, capabilities: ['deny'] });
      const until = 'so the manifest denies it until a person decides';
      report.reason += `; without it a broader path would decide ${path}, ${until}`;
    }
    if (paths.length > MAX_PATHS) {
      // Kept whole (dropping some could drop a deny, which would widen): the manifest will not load
      // until a person splits the role, and this says why.
      this.no(`${paths.length} paths`, `a manifest holds at most ${MAX_PATHS} Vault paths: split the role's policies`);
    }
    return paths;
  }

  private isIssue(path: string, capabilities: readonly string[], pki: ReadonlySet<string>): boolean {
    const suffix = `/issue/${this.name}`;
    return (
      path.endsWith(suffix) &&
      pki.has(path.slice(0, -suffix.length)) &&
      capabilities.length === 1 &&
      capabilities[0] === 'update'
    );
  }

  /**
   * A JWT role as compile/vault.ts writes it: one audience, claims that must all match (a list: any
   * of its values), `glob` matching exactly when a value has * or ?, the user claim. A role that
   * would read wider than it is (literal * taken as a glob, no or several audiences) binds nothing.
   */
  private jwt(ctx: EstateContext, org: OrgAdditions): VaultJwt | undefined {
    const r = this.role;
    const audiences = strings(r.bound_audiences);
    if (audiences.length !== 1 || audiences[0]!.length > 255) {
      this.no(
        JSON.stringify({ bound_audiences: audiences }),
        'a manifest names exactly one audience the token must have',
      );
      return undefined;
    }
    const raw = isObject(r.bound_claims) ? r.bound_claims : {};
    const claims: Record<string, string | string[]> = {};
    for (const key of Object.keys(raw).sort()) {
      const values = strings(Array.isArray(raw[key]) ? raw[key] : [raw[key]]);
      claims[key] = values.length === 1 ? values[0]! : values;
    }
    const subject = typeof r.bound_subject === 'string' ? r.bound_subject : '';
    if (subject !== '' && claims.sub === undefined) claims.sub = subject;
    const all = Object.values(claims).flat();
    const glob = r.bound_claims_type === 'glob';
    const fits =
      Object.keys(claims).length <= 20 &&
      Object.keys(claims).every((k) => /^[A-Za-z0-9_./:-]{1,128}$/.test(k)) &&
      Object.values(claims).every((v) => !Array.isArray(v) || (v.length >= 1 && v.length <= 20)) &&
      all.every((v) => v !== '' && v.length <= 255) &&
      (subject === '' || claims.sub === subject);
    // compile makes the role glob exactly when a value has * or ?: a literal * would be read as a glob.
    if (!fits || (!glob && all.some((v) => /[*?]/.test(v)))) {
      const bound = { bound_claims: raw, bound_claims_type: r.bound_claims_type ?? 'string', bound_subject: subject };
      this.no(
        JSON.stringify(bound),
        'the bound claims cannot be written as manifest claims without changing what they admit',
      );
      return undefined;
    }
    const declared = ctx.org?.spec.targets?.vault?.auth ?? {};
    if (!Object.hasOwn(declared, this.mount))
      org.vault = { ...org.vault, auth: { ...org.vault?.auth, [this.mount]: 'jwt' } };
    const userClaim =
      typeof r.user_claim === 'string' && r.user_claim !== '' && r.user_claim !== 'sub' ? r.user_claim : null;
    this.origins.push({ path: ['vault', 'jwt'], from: `${this.source}: bound audience and claims` });
    return {
      mount: this.mount,
      audience: audiences[0]!,
      ...(all.length > 0 ? { claims } : {}),
      ...(userClaim !== null ? { userClaim } : {}),
    };
  }

  /** Role settings idac does not compile: converging the role would drop them. */
  private restrictions(): void {
    const r = this.role;
    const fields: [string, string][] = [
      ['token_bound_cidrs', 'tokens are bound to these networks'],
      ['secret_id_bound_cidrs', 'secret ids are bound to these networks'],
      ['bound_cidr_list', 'logins are bound to these networks'],
    ];
    for (const [field, what] of fields) {
      const v = r[field];
      if (Array.isArray(v) ? v.length > 0 : typeof v === 'string' && v !== '') {
        this.no(
          JSON.stringify({ [field]: v }),
          `${what}; a manifest cannot say so and the first apply would remove it`,
        );
      }
    }
    if (typeof r.token_period === 'number' && r.token_period > 0) {
      this.no(
        JSON.stringify({ token_period: r.token_period }),
        'its tokens are periodic (renewable without end); idac issues one-hour tokens',
      );
    }
    if (this.type === 'approle' && r.bind_secret_id === false) {
      this.no(
        JSON.stringify({ bind_secret_id: false }),
        'anyone with the role id logs in without a secret id; idac binds a rotated secret id',
      );
    }
    if (this.type === 'kubernetes' && typeof r.audience === 'string' && r.audience !== '') {
      this.no(JSON.stringify({ audience: r.audience }), 'the role requires a token audience a manifest cannot say');
    }
  }

  /** The one service account a Kubernetes role is bound to, on the cluster its mount trusts. */
  private serviceAccount(ctx: EstateContext, org: OrgAdditions): EstateIdentity['access']['kubernetes'] {
    const names = strings(this.role.bound_service_account_names);
    const namespaces = strings(this.role.bound_service_account_namespaces);
    const selector = this.role.bound_service_account_namespace_selector;
    const hasSelector = typeof selector === 'string' && selector !== '';
    const [sa] = names;
    const [namespace] = namespaces;
    if (
      names.length !== 1 ||
      namespaces.length !== 1 ||
      hasSelector ||
      !K8S_NAME.test(sa!) ||
      !K8S_LABEL.test(namespace!)
    ) {
      const bound = {
        bound_service_account_names: names,
        bound_service_account_namespaces: namespaces,
        ...(hasSelector ? { bound_service_account_namespace_selector: selector } : {}),
      };
      this.no(
        JSON.stringify(bound),
        'a manifest binds exactly one service account in one namespace (no * or selector): ' +
          'split the role per service account, or keep it outside idac',
      );
      return undefined;
    }
    const cluster = clusterFor(this.mount, ctx, org);
    this.origins.push({ path: ['kubernetes'], from: `${this.source}: bound service account` });
    return {
      cluster,
      namespace: namespace!,
      // Always written out: the importer may rename the identity; the service account keeps its name.
      serviceAccount: sa!,
    };
  }
}

function tokenPolicies(role: Role): string[] {
  const list = Array.isArray(role.token_policies) ? role.token_policies : role.policies;
  return [...new Set(strings(list))].sort();
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return v === '' ? [] : v.split(',');
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * The cluster whose service-account tokens a Kubernetes auth mount trusts: a cluster org.yaml maps
 * to it (`vaultAuthMount`, default `kubernetes`), else a name made from the mount path and added to
 * org.yaml, so every import of the same Vault agrees.
 */
function clusterFor(mount: string, ctx: EstateContext, org: OrgAdditions): string {
  const declared = ctx.org?.spec.targets?.kubernetes ?? {};
  const mapped = Object.keys(declared)
    .filter((c) => (declared[c]?.vaultAuthMount ?? 'kubernetes') === mount)
    .sort();
  if (mapped.length > 0) return mapped[0]!;
  let name =
    mount
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || 'vault';
  if (Object.hasOwn(declared, name)) name = `${name}-vault`;
  org.kubernetes = { ...org.kubernetes, [name]: mount === 'kubernetes' ? {} : { vaultAuthMount: mount } };
  return name;
}

/** The AppRole mount idac manages: org.yaml's, else `approle` when the dump has it, else the first AppRole mount. */
function chooseApproleMount(
  ctx: EstateContext,
  mounts: readonly string[],
  auth: VaultDump['auth'],
  org: OrgAdditions,
): string {
  const declared = ctx.org?.spec.targets?.vault?.approleMount;
  if (declared !== undefined) return declared;
  const approles = mounts.filter((m) => auth[m]!.type === 'approle' && Object.keys(auth[m]!.roles ?? {}).length > 0);
  if (approles.length === 0 || approles.includes('approle')) return 'approle';
  const chosen = [...approles].sort()[0]!;
  org.vault = { ...org.vault, approleMount: chosen };
  return chosen;
}

function asDump(doc: unknown): Result<VaultDump> {
  const bad = (what: string): Result<VaultDump> =>
    fail(`the Vault dump ${what}: make it with scripts/vault-export.sh (format ${VAULT_DUMP_FORMAT})`);
  if (!isObject(doc)) return bad('is not a JSON object');
  if (doc.format !== VAULT_DUMP_FORMAT) return bad(`has format ${JSON.stringify(doc.format ?? null)}`);
  const policies = doc.policies ?? {};
  const auth = doc.auth ?? {};
  if (!isObject(policies) || Object.values(policies).some((t) => typeof t !== 'string')) {
    return bad('has "policies" that are not {name: text}');
  }
  if (!isObject(auth)) return bad('has "auth" that is not an object');
  const out: VaultDump['auth'] = {};
  for (const [path, entry] of Object.entries(auth)) {
    const mount = path.replace(/\/+$/, '');
    if (!isObject(entry) || typeof entry.type !== 'string') return bad(`has auth/${mount} without a type`);
    if (!MOUNT.test(mount)) return bad(`has an auth mount path idac cannot name: ${JSON.stringify(path)}`);
    const roles = entry.roles ?? {};
    if (!isObject(roles) || Object.values(roles).some((r) => !isObject(r)))
      return bad(`has auth/${mount} roles that are not objects`);
    out[mount] = { type: entry.type, roles: roles as Record<string, Role> };
  }
  return ok({ format: VAULT_DUMP_FORMAT, policies: policies as Record<string, string>, auth: out });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
