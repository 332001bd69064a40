// Reads what a plan needs from two revisions: only the files the change touches (and, when org.yaml
// changes, the identities it governs differently), each parsed once per side; then the head's
// findings for them, and the plan. The sources are the io layer's (a git revision, the worktree).

import { iamCatalog } from '../access/iam-catalog.js';
import { awsServices } from '../access/model.js';
import { baseName, IDENTITIES_DIR as FOLDER, isIdentityPath, ORG_FILE } from '../common/layout.js';
import { certificateAuthorityPems, readCertificateAuthorities } from '../check/certificate-authorities.js';
import { identityOf, loadOrg, loadRepository, readOnce, type LoadedOrg } from '../check/repository.js';
import type { Finding } from '../common/findings.js';
import { MAX_FILE_BYTES } from '../manifest/decode.js';
import { loadText } from '../manifest/load.js';
import type { Organization } from '../manifest/organization.generated.js';
import type { Source } from '../manifest/source.js';
import { isOversize, type SourceEntry } from '../io/files.js';
import { LineIndex } from '../manifest/line-index.js';
import { checkFile, holdsSecret, placed, placeReports } from '../rules/engine.js';
import { ruleById } from '../rules/index.js';
import { pathSecrets } from '../rules/secrets.js';
import type { RepoEntry } from '../rules/types.js';
import { equalJson } from './diff-fields.js';
import { buildPlan, compiler, type IdentityState, type PlanInput } from './plan.js';
import { withApplyRefusals } from './refusals.js';
import type { Plan } from './types.js';

export interface RevisionsInput {
  /** `label`: the revision as the user gave it (`main`, `WORKTREE`). */
  base: { source: Source; sha: string; label: string };
  head: { source: Source; sha: string | null; label: string };
  /** Paths (relative to the repo root) that differ between the two, from `git diff --name-status`. */
  changed: readonly string[];
  now: number;
  window: { ms: number; text: string };
  allowDeletions: number;
  /** org.yaml of each side, when the caller has already read it (it is read once per side). */
  orgs?: { base: LoadedOrg; head: LoadedOrg };
}

export async function planRevisions(input: RevisionsInput): Promise<Plan> {
  // Each file is read once, however many passes look at it.
  const base = { ...input.base, source: readOnce(input.base.source) };
  const head = { ...input.head, source: readOnce(input.head.source) };
  const { now } = input;
  const baseOrg = input.orgs?.base ?? (await loadOrg(base.source));
  const headOrg = input.orgs?.head ?? (await loadOrg(head.source));
  const orgChanged = input.changed.includes(ORG_FILE);
  // Each side compiles with its own revision's CA certificates (Vault cert auth roles embed them).
  const baseCas = await readCertificateAuthorities(base.source, baseOrg.data);
  const headCas = await readCertificateAuthorities(head.source, headOrg.data);

  const affected = new Set(input.changed.filter((p) => isIdentityPath(p)));
  if (orgChanged)
    for (const p of await governedDifferently(baseOrg, headOrg, base.source, head.source)) affected.add(p);
  // A changed CA file changes every cert auth role that embeds it; which those are needs every
  // manifest parsed, so all are compared (a CA changes rarely).
  const caFiles = new Set([...baseCas.values(), ...headCas.values()].map((c) => c.file));
  const caChanged = input.changed.some((p) => caFiles.has(p));
  if (caChanged)
    for (const p of [...(await manifests(base.source, FOLDER)), ...(await manifests(head.source, FOLDER))])
      affected.add(p);
  const files = [...affected].sort();

  // The head's findings first: they also say which head files hold a secret.
  const findings: Finding[] = [];
  const headFiles = await existing(head.source, files);
  // org.yaml is checked when it or a CA file it names changed (org/certificate-authority-file).
  const checkPaths = [
    ...headFiles.map((e) => e.path),
    ...((orgChanged || caChanged) && headOrg.exists ? [ORG_FILE] : []),
  ];
  if (checkPaths.length > 0) {
    const checked = await loadRepository(head.source, { check: { now, paths: checkPaths }, data: false });
    if (checked.ok) findings.push(...checked.value.findings);
  }
  const secretInHead = new Set(findings.filter((f) => f.rule.startsWith('secret/')).map((f) => f.file));
  const headStates = await states(
    head.source,
    headFiles,
    async (file) => secretInHead.has(file) || (await pathSecrets(file)).length > 0,
  );
  const baseStates = await states(base.source, await existing(base.source, files), async (file, bytes) =>
    (await checkFile(file, bytes, 'MachineIdentity', { org: baseOrg.model, now, fast: true })).findings.some((f) =>
      f.rule.startsWith('secret/'),
    ),
  );
  for (const s of [...baseStates, ...headStates]) if (s.data) await iamCatalog.load(awsServices(s.data));

  const baseListing = await base.source.list([FOLDER]);
  const baseFiles = baseListing.ok ? baseListing.value.map((f) => f.path).filter((p) => p !== ORG_FILE) : [];
  // The head's file names without listing the head: the base's, less what changed, plus the head's side of it.
  const changed = new Set(input.changed);
  findings.push(
    ...(await collisions(
      head.source,
      headStates,
      baseFiles.filter((p) => !changed.has(p)),
    )),
  );
  // validate saw the changed files among themselves; the listing check sees them against the rest.
  const unique = [
    ...new Map(findings.map((f) => [JSON.stringify([f.rule, f.file, f.line, f.column, f.message]), f])).values(),
  ];

  const total = baseFiles.length;
  const planInput: PlanInput = {
    organization: orgChanged ? await organization(baseOrg, headOrg, secretInHead.has(ORG_FILE)) : null,
    base: {
      label: base.label,
      sha: base.sha,
      org: baseOrg.model,
      certificateAuthorities: certificateAuthorityPems(baseCas),
      identities: baseStates,
      total,
    },
    head: {
      label: head.label,
      sha: head.sha,
      org: headOrg.model,
      certificateAuthorities: certificateAuthorityPems(headCas),
      identities: headStates,
    },
    now,
    window: input.window,
    allowDeletions: input.allowDeletions,
    findings: unique,
    catalog: iamCatalog,
    orgFile: ORG_FILE,
  };
  // What apply would refuse is an error of the plan too, placed in the head's files.
  const compiled = compiler(planInput);
  return withApplyRefusals(
    buildPlan(planInput, compiled),
    planInput,
    async (file) => {
      const bytes = await head.source.read(file, MAX_FILE_BYTES);
      return isOversize(bytes) ? null : bytes;
    },
    compiled,
  );
}

/**
 * org.yaml on both sides for the plan's organization section: null when a side exists but does not
 * load (its findings say why), an absent side as null. The base is scanned for secrets here; the
 * head's secrets are among its findings.
 */
async function organization(
  baseOrg: LoadedOrg,
  headOrg: LoadedOrg,
  secretInHead: boolean,
): Promise<PlanInput['organization']> {
  if ((baseOrg.exists && !baseOrg.data) || (headOrg.exists && !headOrg.data)) return null;
  const baseText = baseOrg.text;
  const headText = headOrg.text;
  const withheld = secretInHead || (baseText !== null && (await holdsSecret(baseText)));
  const lines = new LineIndex(headText ?? '');
  const loaded = headText === null ? null : loadText(headText, { expect: 'Organization', fast: false });
  return {
    before: baseOrg.data?.spec ?? null,
    after: headOrg.data?.spec ?? null,
    withheld,
    locate: (path) => (loaded ? lines.at(loaded.locate(path, 'value')) : { line: 1, column: 1 }),
  };
}

/** The files that exist on one side. */
async function existing(source: Source, files: readonly string[]): Promise<SourceEntry[]> {
  const out: SourceEntry[] = [];
  for (const f of files) {
    const entry = await source.stat(f);
    if (entry) out.push(entry);
  }
  return out;
}

/**
 * Each file as it is on one side. `holdsSecret` decides whether the file may lend values to the
 * plan: a file holding a secret must not lend a single one.
 */
async function states(
  source: Source,
  entries: readonly SourceEntry[],
  holdsSecret: (file: string, bytes: Uint8Array) => Promise<boolean>,
): Promise<IdentityState[]> {
  const out: IdentityState[] = [];
  for (const { path: file, symlink } of entries) {
    const bytes = symlink ? null : await source.read(file, MAX_FILE_BYTES);
    const name = baseName(file);
    if (bytes === null || isOversize(bytes)) {
      out.push({ file, name, data: null, withheld: false });
      continue;
    }
    const { data, name: named } = identityOf(file, bytes);
    out.push({ file, name: named, data, withheld: await holdsSecret(file, bytes) });
  }
  return out;
}

/**
 * The identity files whose findings or resources an org.yaml change can alter: a team's entry
 * changes its own folder; exceptions change the identities they name; anything else (targets,
 * limits, security owners) every identity.
 */
async function governedDifferently(
  baseOrg: { data: Organization | null },
  headOrg: { data: Organization | null },
  base: Source,
  head: Source,
): Promise<string[]> {
  const b = baseOrg.data?.spec;
  const h = headOrg.data?.spec;
  const everything = async (): Promise<string[]> => [
    ...(await manifests(base, FOLDER)),
    ...(await manifests(head, FOLDER)),
  ];
  if (!b || !h) return everything();
  const keys = new Set([...Object.keys(b), ...Object.keys(h)]);
  const teams = new Set<string>();
  const named = new Set<string>();
  for (const k of keys) {
    const x = (b as Record<string, unknown>)[k];
    const y = (h as Record<string, unknown>)[k];
    if (equalJson(x ?? null, y ?? null)) continue;
    if (k === 'teams') {
      for (const t of new Set([...Object.keys(b.teams), ...Object.keys(h.teams)]))
        if (!equalJson(b.teams[t] ?? null, h.teams[t] ?? null)) teams.add(t);
    } else if (k === 'exceptions') {
      const list = (e: typeof b.exceptions) => (e ?? []).map((x) => JSON.stringify(x));
      const before = new Set(list(b.exceptions));
      const after = new Set(list(h.exceptions));
      for (const e of [...(b.exceptions ?? []), ...(h.exceptions ?? [])])
        if (!before.has(JSON.stringify(e)) || !after.has(JSON.stringify(e))) named.add(e.identity);
    } else return everything();
  }
  const out: string[] = [];
  for (const t of teams)
    out.push(...(await manifests(base, `${FOLDER}/${t}`)), ...(await manifests(head, `${FOLDER}/${t}`)));
  if (named.size > 0) {
    for (const f of await manifests(head, FOLDER)) if (named.has(baseName(f))) out.push(f);
  }
  return out;
}

async function manifests(source: Source, folder: string): Promise<string[]> {
  const listing = await source.list([folder]);
  return listing.ok ? listing.value.map((f) => f.path).filter((p) => p !== ORG_FILE) : [];
}

/**
 * Names are unique ignoring case across the whole repository: a new or renamed identity is checked
 * against the other files' names (each must equal its metadata.name), without parsing them.
 */
async function collisions(
  head: Source,
  touched: readonly IdentityState[],
  others: readonly string[],
): Promise<Finding[]> {
  const fresh = touched.filter((s) => s.data);
  if (fresh.length === 0) return [];
  const rule = ruleById.get('name/collision');
  if (!rule || rule.kind !== 'repo') return [];
  const touchedFiles = new Set(fresh.map((s) => s.file));
  const entries: RepoEntry<unknown>[] = fresh.map((s) => ({
    file: s.file,
    identity: s.name,
    value:
      (rule.summarize({
        file: s.file,
        data: s.data!,
        access: { grants: [], unknown: [], activeElevations: [] },
      }) as unknown) ?? {},
  }));
  for (const path of others) {
    if (touchedFiles.has(path)) continue;
    entries.push({ file: path, identity: baseName(path), value: {} });
  }
  const reports = rule.check(entries, { org: null, now: 0, orgFile: ORG_FILE }).filter((r) => touchedFiles.has(r.file));
  const out: Finding[] = [];
  for (const s of fresh) {
    const mine = reports.filter((r) => r.file === s.file);
    if (mine.length === 0) continue;
    const bytes = await head.read(s.file, MAX_FILE_BYTES);
    if (!isOversize(bytes))
      out.push(
        ...placeReports(
          s.file,
          bytes,
          'MachineIdentity',
          mine.map((r) => placed(rule, r)),
        ),
      );
  }
  return out;
}
