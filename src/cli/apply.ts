// idac apply: the repository's desired state, one Pulumi stack per team. Everything that can be
// decided without the engine is decided first (the repository validates, the targets are
// configured, the reviewed plan still matches); then the Pulumi CLI is required; then the stacks
// are opened and checked for pending operations before any of them runs.

import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ORG_FILE, validate } from '../check/validate.js';
import { compileIdentity } from '../compile/index.js';
import type { DesiredResource } from '../compile/types.js';
import { FsSource } from '../io/fs-source.js';
import { isOversize } from '../io/source.js';
import { readRepository } from '../manifest/read.js';
import { didYouMean } from '../manifest/schemas.js';
import { orgModel } from '../model/org.js';
import { parseDuration } from '../time.js';
import { common, oneOf, positiveInt } from './common.js';
import { UsageError } from './errors.js';
import { emit } from './write.js';

const FORMATS = ['text', 'json', 'markdown'] as const;
const PROJECT_FILE = 'pulumi.yaml';
const MAX_TEXT = 8 * 1024 * 1024;

async function readText(path: string): Promise<string | null> {
  const at = new FsSource(dirname(path));
  const entry = await at.stat(basename(path));
  if (!entry || entry.symlink) return null;
  const bytes = await at.read(basename(path), MAX_TEXT);
  if (isOversize(bytes)) throw new UsageError(`${path} is larger than ${MAX_TEXT} bytes`);
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

function teamsFlag(value: unknown): string[] {
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((v) => String(v).split(',')).map((t) => t.trim()).filter((t) => t !== '');
}

export async function run(_args: string[], opts: Record<string, string | undefined>): Promise<number> {
  const { dir, now } = common(opts);
  const format = oneOf('--format', opts.format, FORMATS, 'text');
  const parallel = positiveInt('--parallel', opts.parallel, 4);
  if (parallel < 1) throw new UsageError('--parallel must be at least 1');
  const preview = opts.preview !== undefined && (opts.preview as unknown) !== false;
  const only = teamsFlag(opts.team);
  // Progress goes where it does not mix with a JSON report.
  const progress = (line: string): void => {
    (format === 'text' ? process.stdout : process.stderr).write(`${line}\n`);
  };

  // 1. The repository must validate: nothing is applied on error.
  const source = new FsSource(dir);
  const { workerRunner } = await import('../io/worker-pool.js');
  const checked = await validate(source, { paths: ['identities'], now, runner: workerRunner(dir, {}) });
  if (!checked.ok) throw new UsageError(checked.message);
  const errors = checked.value.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const { renderFindings } = await import('./findings-output.js');
    process.stderr.write(await renderFindings('text', { identities: checked.value.identities, findings: errors, limit: { max: 50, hint: 'idac validate lists them all' } }, { color: false, dir }));
    process.stderr.write(`idac apply: the repository has ${errors.length} error${errors.length === 1 ? '' : 's'} (idac validate shows them all). Nothing was applied.\n`);
    return 1;
  }

  // 2. Compile every identity; group by team.
  const repo = await readRepository(source, ORG_FILE);
  if (!repo.ok) throw new UsageError(repo.message);
  const orgData = repo.value.org;
  const org = orgData ? orgModel(orgData) : null;
  const resources: DesiredResource[] = [];
  const teams = new Set(Object.keys(orgData?.spec.teams ?? {}));
  const tombstones = new Map<string, Set<string>>();
  for (const { data } of repo.value.identities) {
    const team = data.spec.stewardship.team;
    teams.add(team);
    if (data.spec.status === 'decommissioned') {
      if (!tombstones.has(team)) tombstones.set(team, new Set());
      tombstones.get(team)!.add(data.metadata.name);
    }
    resources.push(...compileIdentity(data, { now, org }));
  }
  for (const t of only) {
    if (teams.has(t)) continue;
    const all = [...teams].sort();
    const guess = didYouMean(t, all);
    throw new UsageError(`--team ${JSON.stringify(t)} is not a team in org.yaml${guess ? `; did you mean ${guess}?` : ''} (teams: ${all.join(', ') || 'none'})`);
  }
  const selected = only.length > 0 ? [...teams].filter((t) => only.includes(t)) : [...teams];
  const { stacksFor } = await import('../apply/stacks.js');
  const stacks = stacksFor(resources.filter((r) => selected.includes(r.team)), selected, org);
  if (!stacks.ok) throw new UsageError(`cannot apply: ${stacks.errors.join('; ')}. Nothing was applied.`);

  // 3. With --plan, apply only what was reviewed.
  if (opts.plan !== undefined) {
    const file = resolve(opts.plan);
    const text = await readText(file);
    if (text === null) throw new UsageError(`--plan ${opts.plan}: no such file`);
    const { parseReviewedPlan, planMismatch } = await import('../apply/plan-check.js');
    const reviewed = parseReviewedPlan(text, opts.plan);
    if (!reviewed.ok) throw new UsageError(reviewed.message);
    const { planOf } = await import('./plan.js');
    const current = await planOf({ dir, base: reviewed.value.baseSha, head: undefined, now, window: { ms: parseDuration(reviewed.value.window)!, text: reviewed.value.window }, allowDeletions: Number.MAX_SAFE_INTEGER });
    const mismatch = planMismatch(reviewed.value, current);
    if (mismatch) {
      process.stderr.write([
        `idac apply: refused — the plan in ${opts.plan} no longer matches this revision (fingerprint ${reviewed.value.fingerprint.slice(0, 12)} reviewed, ${current.fingerprint.slice(0, 12)} now, from base ${reviewed.value.baseSha.slice(0, 12)}):`,
        ...mismatch.map((m) => `  ${m}`),
        'Another change landed after the review, or something fell due. Plan again, have the new plan reviewed, and apply that. Nothing was applied.',
        '',
      ].join('\n'));
      return 1;
    }
    progress(`plan ${opts.plan} matches this revision (fingerprint ${current.fingerprint.slice(0, 12)})`);
  }

  // 4. Project settings, state backend, secrets.
  const { parseProject, backendFor, secretsProblem } = await import('../apply/project.js');
  const packaged = fileURLToPath(new URL('../../pulumi.yaml', import.meta.url));
  const own = resolve(dir, PROJECT_FILE);
  const projectFile = (await readText(own)) !== null ? own : packaged;
  const projectText = await readText(projectFile);
  if (projectText === null) throw new UsageError(`no ${PROJECT_FILE} in ${dir} and none shipped with idac`);
  const project = parseProject(projectText, projectFile);
  if (!project.ok) throw new UsageError(project.message);
  const backend = backendFor(process.env, project.value, dir);
  const secretsProvider = opts.secretsProvider ?? process.env.IDAC_SECRETS_PROVIDER ?? null;
  const problem = secretsProblem(backend, secretsProvider, process.env);
  if (problem) throw new UsageError(`${problem}. Nothing was applied.`);

  // 5. The engine.
  const { findPulumi, automationEngine } = await import('../apply/automation.js');
  const cli = await findPulumi();
  if (!cli.ok) throw new UsageError(cli.message);
  progress(`pulumi ${cli.version}; project ${project.value.name}; backend ${backend.url ?? 'Pulumi default (pulumi login)'} (from ${backend.from}); ${stacks.value.length} stack${stacks.value.length === 1 ? '' : 's'}, ${Math.min(parallel, stacks.value.length)} at a time${preview ? '; preview only' : ''}`);
  const { applyStacks } = await import('../apply/driver.js');
  const outcome = await applyStacks({
    stacks: stacks.value,
    engine: automationEngine({ project: project.value, backend, secretsProvider, command: cli.command }),
    parallel,
    preview,
    tombstones,
    print: progress,
  });
  const { renderApplyText, renderApplyJson, renderApplyMarkdown } = await import('../render/apply-summary.js');
  await emit(format === 'json' ? renderApplyJson(outcome) : format === 'markdown' ? renderApplyMarkdown(outcome) : renderApplyText(outcome), opts.out);
  if (outcome.kind === 'refused') return 1;
  return outcome.teams.some((t) => t.status === 'failed') ? 1 : 0;
}
