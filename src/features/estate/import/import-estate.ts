// The pure core of `idac import`: an estate and the repository as it is → the files to write, the
// new org.yaml and the summary. Nothing here reads or writes; the command line does both.

import { parse } from 'yaml';
import type { Organization } from '../../../manifest/organization.generated.js';
import type { AccessKeyRecord, Estate, EstateIdentity } from '../types.js';
import { houseFormat, shownStatement } from './house-format.js';
import { manifestOf } from './manifest.js';
import { assignNames } from './names.js';
import { mergeOrg } from './org-merge.js';
import { placeTeam, type Placement } from './team.js';

export interface ImportOptions {
  placement: Placement;
  /** `--owner-from` (default `owner`). */
  ownerFrom: string;
  /** Overwrite an identity file that exists (only ever this identity's own earlier import). */
  force: boolean;
}

/** A file already under identities/: its name (the base name when it does not load) and what it was imported from. */
export interface ExistingManifest {
  path: string;
  name: string;
  importedId?: string;
}

/**
 * What an identity file says about itself, read leniently: a file an import wrote does not load until a person
 * fills in the owner, and a re-import must still know it (its name, the cloud id it came from).
 */
export function existingManifest(path: string, text: string | null): ExistingManifest {
  const fallback = { path, name: path.replace(/^.*\//, '').replace(/\.ya?ml$/, '') };
  if (text === null) return fallback;
  let data: unknown;
  try {
    data = parse(text, { version: '1.2', schema: 'core', maxAliasCount: 0 });
  } catch {
    return fallback;
  }
  const metadata = (data as { metadata?: { name?: unknown; importedFrom?: { id?: unknown } } } | null)?.metadata;
  const id = metadata?.importedFrom?.id;
  return {
    path,
    name: typeof metadata?.name === 'string' ? metadata.name : fallback.name,
    ...(typeof id === 'string' ? { importedId: id } : {}),
  };
}

export interface ImportContext {
  org: Organization | null;
  /** org.yaml as it is (null: there is none yet). */
  orgText: string | null;
  existing: readonly ExistingManifest[];
  options: ImportOptions;
  now: number;
  /** Not-expressible statements that hold a secret (the caller scanned them): never shown. */
  secretStatements?: ReadonlySet<string>;
  /** Identities whose manifest would hold a secret (the caller scanned them), by cloud id → why: never written. */
  withheld?: ReadonlyMap<string, string>;
}

export interface ImportSummary {
  imported: { identity: string; file: string; source: string }[];
  needsOwner: string[];
  notExpressible: { identity: string; source: string; statement: string; reason: string }[];
  /** Not written: why (a principal that is never an identity, a file that exists, an earlier import). */
  skipped: { source: string; name: string; reason: string; file?: string }[];
  /** No option placed these in a team: not written. */
  unplaced: { source: string; name: string; reason: string }[];
  /** org.yaml: what was added, and what it already binds differently (left alone). */
  org: { file: string; added: string[]; conflicts: string[] };
  /** Access keys of imported users: never adopted; a person removes them once idac delivers its own. */
  unmanagedKeys: { identity: string; keyId: string; status: string; created?: string }[];
  warnings: string[];
}

export interface ImportResult {
  files: { path: string; text: string }[];
  /** The new org.yaml, or null when it stays as it is. */
  orgText: string | null;
  summary: ImportSummary;
}

export const ORG_FILE = 'identities/org.yaml';
const WITHHELD = '[withheld: the statement holds a secret]';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function externalIdsOf(identity: EstateIdentity): string[] {
  const trust = identity.access.aws?.trust?.account;
  const list = trust === undefined ? [] : Array.isArray(trust) ? trust : [trust];
  return list.map((a) => a.externalId).filter((e): e is string => typeof e === 'string' && e.length > 0);
}

function keysOf(keys: readonly AccessKeyRecord[], id: string, identity: string): ImportSummary['unmanagedKeys'] {
  return keys
    .filter((k) => k.user === id)
    .map((k) => ({ identity, keyId: k.keyId, status: k.status, ...(k.created ? { created: k.created } : {}) }));
}

export function importEstate(estate: Estate, ctx: ImportContext): ImportResult {
  const summary: ImportSummary = {
    imported: [],
    needsOwner: [],
    notExpressible: [],
    skipped: [],
    unplaced: [],
    org: { file: ORG_FILE, added: [], conflicts: [] },
    unmanagedKeys: [],
    warnings: [...estate.warnings].sort(cmp),
  };
  const identities = [...estate.identities].sort(byId);
  const ids = new Set(identities.map((i) => i.id));
  const earlier = new Map<string, ExistingManifest>();
  const taken = new Set<string>();
  for (const e of ctx.existing) {
    if (e.importedId !== undefined && ids.has(e.importedId)) earlier.set(e.importedId, e);
    else taken.add(e.name);
  }
  const existingPaths = new Set(ctx.existing.map((e) => e.path));
  const candidates = identities.filter((i) => {
    const reason = i.skip ?? ctx.withheld?.get(i.id);
    if (reason === undefined) return true;
    summary.skipped.push({ source: i.id, name: i.name, reason });
    return false;
  });
  const names = assignNames(candidates, taken, new Map([...earlier].map(([id, e]) => [id, e.name])));

  const files: ImportResult['files'] = [];
  const teams = new Map<string, Set<string>>();
  for (const identity of candidates) {
    const name = names.get(identity.id)!;
    const placed = placeTeam(identity, ctx.options.placement);
    if ('unplaced' in placed) {
      summary.unplaced.push({ source: identity.id, name: identity.name, reason: placed.unplaced });
      continue;
    }
    const file = `identities/${placed.team}/${name}.yaml`;
    const before = earlier.get(identity.id);
    if (before !== undefined && before.path !== file) {
      summary.skipped.push({
        source: identity.id,
        name: identity.name,
        file: before.path,
        reason: `already imported as ${before.path}; move or delete that file to import it again`,
      });
      continue;
    }
    if (existingPaths.has(file) && !ctx.options.force) {
      summary.skipped.push({
        source: identity.id,
        name: identity.name,
        file,
        reason: `${file} exists; --force overwrites it`,
      });
      continue;
    }
    const manifest = manifestOf(identity, {
      name,
      team: placed.team,
      ownerFrom: ctx.options.ownerFrom,
      org: ctx.org,
      now: ctx.now,
    });
    const secrets = ctx.secretStatements ?? new Set<string>();
    files.push({
      path: file,
      text: houseFormat({
        manifest,
        origins: identity.origins,
        notExpressible: identity.notExpressible,
        secretStatements: secrets,
      }),
    });
    const owner = manifest.spec.stewardship.owner;
    const members = teams.get(placed.team) ?? new Set<string>();
    if (owner !== undefined) members.add(owner);
    teams.set(placed.team, members);
    summary.imported.push({ identity: name, file, source: identity.id });
    if (owner === undefined) summary.needsOwner.push(name);
    const masked = externalIdsOf(identity);
    for (const n of identity.notExpressible)
      summary.notExpressible.push({
        identity: name,
        source: n.source,
        statement: shownStatement(n.statement, secrets, masked) ?? WITHHELD,
        reason: n.reason,
      });
    summary.unmanagedKeys.push(...keysOf(estate.keys, identity.id, name));
  }

  const org = mergeOrg(ctx.orgText, { teams, estate });
  const changed = files.length > 0 && (ctx.orgText === null || org.text !== ctx.orgText);
  summary.org.added = changed ? org.added : [];
  summary.org.conflicts = org.conflicts;
  summary.imported.sort((a, b) => cmp(a.file, b.file));
  summary.needsOwner.sort(cmp);
  summary.notExpressible.sort(
    (a, b) => cmp(a.identity, b.identity) || cmp(a.source, b.source) || cmp(a.statement, b.statement),
  );
  summary.skipped.sort((a, b) => cmp(a.source, b.source));
  summary.unplaced.sort((a, b) => cmp(a.source, b.source));
  summary.unmanagedKeys.sort((a, b) => cmp(a.identity, b.identity) || cmp(a.keyId, b.keyId));
  files.sort((a, b) => cmp(a.path, b.path));
  return { files, orgText: changed ? org.text : null, summary };
}

/** SPEC §5: 1 when something could not be expressed or placed in a team, else 0. */
export function importExitCode(summary: ImportSummary): 0 | 1 {
  return summary.notExpressible.length > 0 || summary.unplaced.length > 0 ? 1 : 0;
}
