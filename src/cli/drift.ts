// idac drift: the estate against git. Reads each source given (an export file or a live API), the
// manifests under identities/, compares them (src/features/estate/drift) and prints the four lists.
// Exit 0: the estate matches git; 1: something drifted; 2: the command could not run.

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { servicesOf } from '../access/aws-actions.js';
import { iamCatalog } from '../access/iam-catalog.js';
import { awsServices } from '../access/model.js';
import { loadRepository } from '../check/repository.js';
import { messageOf, type Result } from '../common/result.js';
import { render } from '../common/renderer.js';
import { terminalSafe } from '../common/escape.js';
import { drift } from '../features/estate/drift/drift.js';
import { driftRenderers } from '../features/estate/drift/formats.js';
import { drifted } from '../features/estate/drift/types.js';
import { readEstates, type EstateSources } from '../features/estate/drift/sources.js';
import type { Estate } from '../features/estate/types.js';
import { FsSource, reason } from '../io/fs-source.js';
import { common, oneOf } from './common.js';
import { UsageError } from './errors.js';
import { emit } from './write.js';
import { secretMatches } from '../rules/secrets.js';

export async function run(_args: string[], opts: Record<string, string | undefined>): Promise<number> {
  const { dir, base, now } = common(opts);
  const format = oneOf('--format', opts.format, driftRenderers.formats, 'text');
  const sources = sourcesOf(opts);

  const loaded = await loadRepository(new FsSource(dir));
  if (!loaded.ok) {
    if (loaded.unreadable) throw loaded.unreadable.error;
    throw new UsageError(messageOf(loaded));
  }
  const repo = loaded.value;
  if (repo.skipped.length > 0)
    note(
      `${repo.skipped.length} manifest${repo.skipped.length === 1 ? ' is' : 's are'} not valid and not compared ` +
        `(their principals may show as orphans); run idac validate`,
    );

  const read = async (flag: string, path: string) => {
    try {
      return await readFile(resolve(base, path), 'utf8');
    } catch (e) {
      throw new UsageError(`${flag} ${path}: ${reason(e)}`);
    }
  };
  const estates = need(await readEstates(sources, { org: repo.org, now }, read));
  const identities = repo.identities.map(({ data, file }) => ({ data, file }));
  await iamCatalog.load(servicesNamed(identities, estates));
  const report = drift({ estates, identities, org: repo.org, now, catalog: iamCatalog });
  const text = await render(driftRenderers, format, report, undefined);
  const notes = estates.flatMap((e) => e.warnings.map((w) => `${e.target} ${e.scope}: ${w}`));
  // The estate is untrusted input that no loader scanned: a secret in a policy statement, a name or
  // a warning is found here, so the output backstop (redact-output.ts) prints its fingerprint instead.
  await secretMatches([text, ...notes].join('\n'));
  for (const n of notes) note(n);
  await emit(text, opts.out);
  return drifted(report) ? 1 : 0;
}

function sourcesOf(opts: Record<string, string | undefined>): EstateSources {
  const given = (k: string) => opts[k] !== undefined;
  if (given('aws') && given('awsLive')) throw new UsageError('give --aws FILE or --aws-live, not both');
  if (given('vault') && given('vaultLive')) throw new UsageError('give --vault FILE or --vault-live, not both');
  if (given('kubernetes') !== given('cluster'))
    throw new UsageError(
      given('cluster')
        ? '--cluster goes with --kubernetes FILE (the kubectl dump of that cluster)'
        : '--kubernetes FILE needs --cluster NAME: the org.yaml name of the cluster the dump is from',
    );
  if (given('credentialReport') && !given('aws'))
    throw new UsageError(
      '--credential-report goes with --aws FILE (the export of the same account); --aws-live reads the keys itself',
    );
  if (!['aws', 'awsLive', 'kubernetes', 'vault', 'vaultLive'].some(given))
    throw new UsageError(
      'nothing to compare: give at least one of --aws FILE, --aws-live, --kubernetes FILE --cluster NAME, ' +
        '--vault FILE, --vault-live',
    );
  return {
    ...(opts.aws !== undefined ? { aws: opts.aws } : {}),
    ...(given('awsLive') ? { awsLive: true } : {}),
    ...(opts.credentialReport !== undefined ? { credentialReport: opts.credentialReport } : {}),
    ...(opts.kubernetes !== undefined ? { kubernetes: { file: opts.kubernetes, cluster: opts.cluster! } } : {}),
    ...(opts.vault !== undefined ? { vault: opts.vault } : {}),
    ...(given('vaultLive') ? { vaultLive: true } : {}),
  };
}

function need<T>(r: Result<T>): T {
  if (!r.ok) throw new UsageError(messageOf(r));
  return r.value;
}

function note(text: string): void {
  process.stderr.write(`idac: note: ${terminalSafe(text)}\n`);
}

/** Every AWS service either side names, for the catalogue to expand their wildcards. */
function servicesNamed(identities: readonly { data: Parameters<typeof awsServices>[0] }[], estates: Estate[]) {
  const out = new Set<string>();
  for (const { data } of identities) for (const s of awsServices(data)) out.add(s);
  const actions = estates.flatMap((e) => e.identities.flatMap((i) => i.access.aws?.permissions ?? []));
  for (const s of servicesOf(actions.flatMap((p) => p.actions))) out.add(s);
  return out;
}
