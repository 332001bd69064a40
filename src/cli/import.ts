// idac import aws|kubernetes|vault: an existing estate (an export file, or AWS and Vault live) →
// manifests under identities/<team>/, org.yaml merged, and a summary of what a person must decide.
// Reading and writing happen here; what to write is decided by the pure core
// (src/features/estate/import/import-estate.ts).

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { messageOf, type Result } from '../common/result.js';
import { sha256, writeAtomically, type PlannedWrite } from '../io/atomic-write.js';
import { reason } from '../io/fs-source.js';
import type { Organization } from '../manifest/organization.generated.js';
import {
  existingManifest,
  importEstate,
  importExitCode,
  ORG_FILE,
  type ExistingManifest,
} from '../features/estate/import/import-estate.js';
import { lenientOrg } from '../features/estate/import/org-merge.js';
import { importJson, importText } from '../features/estate/import/render.js';
import { parseTeamMap, TEAM_NAME, type Placement } from '../features/estate/import/team.js';
import type { AccessKeyRecord, Estate, EstateContext, EstateTarget } from '../features/estate/types.js';
import { fingerprint, secretMatches } from '../rules/secrets.js';
import { common, oneOf } from './common.js';
import { exitCodeOf, UsageError } from './errors.js';
import { readManifests } from './manifest-files.js';
import { emit } from './write.js';

const TARGETS: readonly EstateTarget[] = ['aws', 'kubernetes', 'vault'];
const CLUSTER = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

async function readInput(base: string, flag: string, file: string): Promise<string> {
  try {
    return await readFile(resolve(base, file), 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${flag} ${file}: ${reason(e)}`);
  }
}

function estateOr2(result: Result<Estate>, what: string): Estate {
  if (!result.ok) throw new UsageError(`${what}: ${messageOf(result, '; ')}`);
  return result.value;
}

async function readEstate(
  target: EstateTarget,
  opts: Record<string, string | undefined>,
  base: string,
  ctx: EstateContext,
): Promise<Estate> {
  if (target === 'aws') {
    const { parseAwsExport, estateFromAwsLive } = await import('../features/estate/read/aws-export.js');
    if (opts.from !== undefined)
      return estateOr2(parseAwsExport(await readInput(base, '--from', opts.from), ctx), `--from ${opts.from}`);
    const { fetchAwsEstate } = await import('../io/aws-iam.js');
    const live = await fetchAwsEstate();
    if (!live.ok) throw new UsageError(`reading AWS live: ${messageOf(live, '; ')}`);
    return estateOr2(estateFromAwsLive(live.value, ctx), 'reading AWS live');
  }
  if (target === 'kubernetes') {
    const { parseKubectlDump } = await import('../features/estate/read/kubernetes-dump.js');
    const cluster = opts.cluster!;
    return estateOr2(
      parseKubectlDump(await readInput(base, '--from', opts.from!), { ...ctx, cluster }),
      `--from ${opts.from!}`,
    );
  }
  const { parseVaultDump } = await import('../features/estate/read/vault-dump.js');
  if (opts.from !== undefined)
    return estateOr2(parseVaultDump(await readInput(base, '--from', opts.from), ctx), `--from ${opts.from}`);
  const { readVaultLive } = await import('../features/estate/read/vault-live.js');
  return estateOr2(await readVaultLive(ctx), 'reading Vault live');
}

function checkFlags(target: string | undefined, opts: Record<string, string | undefined>): EstateTarget {
  if (target === undefined || !(TARGETS as readonly string[]).includes(target))
    throw new UsageError(
      `idac import needs the estate's kind first: idac import aws|kubernetes|vault (--from FILE|--live)` +
        (target === undefined ? '' : `, not ${JSON.stringify(target)}`),
    );
  const t = target as EstateTarget;
  if (opts.from !== undefined && opts.live !== undefined)
    throw new UsageError('--from and --live exclude each other: import from a file or from the live estate, not both');
  if (t === 'kubernetes' && opts.live !== undefined)
    throw new UsageError(
      'not supported: import kubernetes --live (idac has no cluster client); export with kubectl get ' +
        'serviceaccounts,roles,rolebindings,clusterroles,clusterrolebindings -A -o json and give --from FILE',
    );
  if (opts.from === undefined && opts.live === undefined)
    throw new UsageError(`idac import ${t} needs --from FILE${t === 'kubernetes' ? '' : ' or --live'}`);
  if (opts.from === '') throw new UsageError('--from needs a file name');
  if (t === 'kubernetes') {
    if (opts.cluster === undefined)
      throw new UsageError(
        'idac import kubernetes needs --cluster NAME: the cluster the dump came from, as org.yaml names it',
      );
    if (!CLUSTER.test(opts.cluster))
      throw new UsageError(
        `--cluster ${JSON.stringify(opts.cluster)} is not a cluster name (lowercase letters, digits, '-')`,
      );
  } else if (opts.cluster !== undefined) throw new UsageError(`--cluster is for import kubernetes, not ${t}`);
  if (opts.credentialReport !== undefined && t !== 'aws')
    throw new UsageError(`--credential-report is for import aws, not ${t}`);
  if (opts.team !== undefined && !TEAM_NAME.test(opts.team))
    throw new UsageError(`--team ${JSON.stringify(opts.team)} is not a team name (lowercase letters, digits, '-')`);
  if (opts.teamFrom === '') throw new UsageError('--team-from needs a tag or label name');
  if (opts.ownerFrom === '') throw new UsageError('--owner-from needs a tag or label name');
  return t;
}

/** What identities/ holds now: names (taken), earlier imports, org.yaml as text and as data. */
async function readRepo(
  dir: string,
): Promise<{ existing: ExistingManifest[]; org: Organization | null; orgText: string | null }> {
  if (!existsSync(resolve(dir, 'identities'))) return { existing: [], org: null, orgText: null };
  const repo = await readManifests(dir);
  const existing: ExistingManifest[] = [
    ...repo.identities.map((i) => ({
      path: i.file,
      name: i.data.metadata.name,
      ...(i.data.metadata.importedFrom ? { importedId: i.data.metadata.importedFrom.id } : {}),
    })),
    ...repo.invalid.map((f) => existingManifest(f.file, f.text)),
  ];
  const orgPath = resolve(dir, ORG_FILE);
  const orgText = existsSync(orgPath) ? await readInput(dir, 'org.yaml', orgPath) : null;
  const org = repo.org
    ? ({ apiVersion: 'idac/v1', kind: 'Organization', spec: repo.org.spec } as Organization)
    : orgText === null
      ? null
      : lenientOrg(orgText);
  if (orgText !== null && org === null)
    throw new UsageError(`${ORG_FILE} is not an Organization; fix it first (idac validate), then import`);
  return { existing, org, orgText };
}

async function bytesOf(dir: string, path: string): Promise<string | null> {
  try {
    return sha256(await readFile(resolve(dir, path)));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UsageError(`cannot read ${path}: ${reason(e)}; nothing was written`);
  }
}

/**
 * Identities whose manifest would carry a secret (a token pasted into a condition value, a tag): never written.
 * One scan of everything first, since an estate almost never holds one; then one per identity to say which.
 */
async function withheldIdentities(estate: Estate): Promise<Map<string, string>> {
  const written = (i: Estate['identities'][number]) => JSON.stringify([i.id, i.name, i.access, i.live ?? null]);
  const out = new Map<string, string>();
  if ((await secretMatches(estate.identities.map(written).join('\n'))).length === 0) return out;
  for (const i of estate.identities) {
    const found = await secretMatches(written(i));
    if (found.length > 0)
      out.set(
        i.id,
        `its manifest would hold a secret (${found[0]!.rule}, fingerprint ${fingerprint(found[0]!.text)}); not ` +
          `written: remove the secret from the live object, rotate it, and import again`,
      );
  }
  return out;
}

export async function run(args: string[], opts: Record<string, string | undefined>): Promise<number> {
  const target = checkFlags(args[0], opts);
  const { dir, base, now } = common(opts, false);
  const format = oneOf('--format', opts.format, ['text', 'json'] as const, 'text');
  const placement: Placement = {
    ...(opts.team !== undefined ? { team: opts.team } : {}),
    ...(opts.teamFrom !== undefined ? { from: opts.teamFrom } : {}),
  };
  if (opts.teamMap !== undefined) {
    const map = parseTeamMap(await readInput(base, '--team-map', opts.teamMap), opts.teamMap);
    if (!map.ok) throw new UsageError(messageOf(map));
    placement.map = map.value;
  }
  const repo = await readRepo(dir);
  let estate = await readEstate(target, opts, base, { org: repo.org, now });
  if (opts.credentialReport !== undefined) {
    const { parseCredentialReport } = await import('../features/estate/read/aws-credential-report.js');
    const keys: Result<AccessKeyRecord[]> = parseCredentialReport(
      await readInput(base, '--credential-report', opts.credentialReport),
    );
    if (!keys.ok) throw new UsageError(`--credential-report ${opts.credentialReport}: ${messageOf(keys, '; ')}`);
    estate = { ...estate, keys: [...estate.keys, ...keys.value] };
  }
  // A statement holding a secret (a key pasted into a policy) is named, never shown.
  const secretStatements = new Set<string>();
  for (const i of estate.identities)
    for (const n of i.notExpressible)
      if (!secretStatements.has(n.statement) && (await secretMatches(n.statement)).length > 0)
        secretStatements.add(n.statement);

  const withheld = await withheldIdentities(estate);
  const result = importEstate(estate, {
    org: repo.org,
    orgText: repo.orgText,
    existing: repo.existing,
    options: { placement, ownerFrom: opts.ownerFrom ?? 'owner', force: opts.force !== undefined },
    now,
    secretStatements,
    withheld,
  });
  const dryRun = opts.dryRun !== undefined;
  if (!dryRun) {
    const writes: PlannedWrite[] = [];
    const all = result.orgText === null ? result.files : [...result.files, { path: ORG_FILE, text: result.orgText }];
    for (const f of all)
      writes.push({ path: f.path, bytes: Buffer.from(f.text, 'utf8'), expected: await bytesOf(dir, f.path) });
    const written = await writeAtomically(dir, writes);
    if (!written.ok) throw new UsageError(messageOf(written), exitCodeOf(written));
  }
  const files = result.orgText === null ? result.files : [...result.files, { path: ORG_FILE, text: result.orgText }];
  const report = { summary: result.summary, dryRun, files, target, scope: estate.scope };
  await emit(format === 'json' ? importJson(report) : importText(report), opts.out);
  // A manifest withheld for a secret is an identity not imported: a problem, like one not expressible.
  return withheld.size > 0 ? 1 : importExitCode(result.summary);
}
