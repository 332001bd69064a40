// idac apply: the repository's desired state, one Pulumi stack per team. Everything that can be
// decided without the engine is decided first (the repository validates, the targets are
// configured, the reviewed plan still matches); then the Pulumi CLI is required; then the stacks
// are opened and checked for pending operations before any of them runs. @pulumi/* is loaded only
// once the engine is needed.

import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileIdentity } from '../compile/index.js';
import type { DesiredResource } from '../compile/types.js';
import type { Finding } from '../common/findings.js';
import { fail, messageOf, ok, type Result } from '../common/result.js';
import { parseDuration } from '../common/time.js';
import { FsSource } from '../io/fs-source.js';
import { isOversize } from '../io/files.js';
import { certificateAuthorityPems, readCertificateAuthorities } from '../check/certificate-authorities.js';
import { loadRepository } from '../check/repository.js';
import { didYouMean } from '../manifest/schemas.js';
import type { ApplyOutcome } from './driver.js';

const PROJECT_FILE = 'pulumi.yaml';
const MAX_TEXT = 8 * 1024 * 1024;

export interface ApplyRequest {
  dir: string;
  now: number;
  /** Stacks run at once. */
  parallel: number;
  preview: boolean;
  /** --team: apply only these teams (empty: all). */
  teams: string[];
  /** --plan as given: apply only if this reviewed plan still matches. */
  plan: string | undefined;
  /** --secrets-provider, else IDAC_SECRETS_PROVIDER. */
  secretsProvider: string | null;
  env: NodeJS.ProcessEnv;
  /** Where progress lines go. */
  progress: (line: string) => void;
}

/** How a run ended, when it could run: refused before the engine, or the engine's outcome. */
export type ApplyRun =
  /**
   * The repository has errors: nothing was applied. `errors` are the error findings, `identities` how many were read.
   */
  | { kind: 'invalid'; identities: number; errors: Finding[] }
  /** The reviewed plan no longer matches this revision: nothing was applied. */
  | { kind: 'stale-plan'; message: string }
  | { kind: 'done'; outcome: ApplyOutcome };

/** The file's text; null when there is none (or a link). */
async function readText(path: string): Promise<Result<string | null>> {
  const at = new FsSource(dirname(path));
  const entry = await at.stat(basename(path));
  if (!entry || entry.symlink) return ok(null);
  const bytes = await at.read(basename(path), MAX_TEXT);
  if (isOversize(bytes)) return fail(`${path} is larger than ${MAX_TEXT} bytes`);
  return ok(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
}

/** Applies the repository at `req.dir`; a failure is a reason the command could not run (exit 2). */
export async function runApply(req: ApplyRequest): Promise<Result<ApplyRun>> {
  const { dir, now, progress } = req;

  // 1. The repository must validate: nothing is applied on error.
  const source = new FsSource(dir);
  const { workerRunner } = await import('../check/worker-pool.js');
  const repo = await loadRepository(source, { check: { now, runner: workerRunner(dir, {}) } });
  if (!repo.ok) return repo;
  const errors = repo.value.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) return ok({ kind: 'invalid', identities: repo.value.checked, errors });

  // 2. Compile every identity; group by team.
  const orgData = repo.value.org;
  const org = repo.value.model;
  // validate has reported a CA file it could not use (org/certificate-authority-file), so these are the good ones.
  const certificateAuthorities = certificateAuthorityPems(await readCertificateAuthorities(source, orgData));
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
    resources.push(...compileIdentity(data, { now, org, certificateAuthorities }));
  }
  for (const t of req.teams) {
    if (teams.has(t)) continue;
    const all = [...teams].sort();
    const guess = didYouMean(t, all);
    return fail(
      `--team ${JSON.stringify(t)} is not a team in org.yaml${guess ? `; did you mean ${guess}?` : ''} ` +
        `(teams: ${all.join(', ') || 'none'})`,
    );
  }
  const selected = req.teams.length > 0 ? [...teams].filter((t) => req.teams.includes(t)) : [...teams];
  const { stacksFor } = await import('./stacks.js');
  const stacks = stacksFor(
    resources.filter((r) => selected.includes(r.team)),
    selected,
    org,
  );
  if (!stacks.ok) return fail(`cannot apply: ${messageOf(stacks, '; ')}. Nothing was applied.`);

  // 3. With --plan, apply only what was reviewed.
  if (req.plan !== undefined) {
    const file = resolve(req.plan);
    const text = await readText(file);
    if (!text.ok) return text;
    if (text.value === null) return fail(`--plan ${req.plan}: no such file`);
    const { parseReviewedPlan, planMismatch } = await import('./plan-check.js');
    const reviewed = parseReviewedPlan(text.value, req.plan);
    if (!reviewed.ok) return reviewed;
    const { planOf } = await import('../plan/git.js');
    const recomputed = await planOf({
      dir,
      base: reviewed.value.baseSha,
      head: undefined,
      now,
      window: { ms: parseDuration(reviewed.value.window)!, text: reviewed.value.window },
      allowDeletions: Number.MAX_SAFE_INTEGER,
    });
    if (!recomputed.ok) return recomputed;
    const current = recomputed.value;
    const mismatch = planMismatch(reviewed.value, current);
    if (mismatch) {
      return ok({
        kind: 'stale-plan',
        message: [
          `idac apply: refused — the plan in ${req.plan} no longer matches this revision (fingerprint ` +
            `${reviewed.value.fingerprint.slice(0, 12)} reviewed, ${current.fingerprint.slice(0, 12)} now, ` +
            `from base ${reviewed.value.baseSha.slice(0, 12)}):`,
          ...mismatch.map((m) => `  ${m}`),
          'Another change landed after the review, or something fell due. Plan again, have the new plan ' +
            'reviewed, and apply that. Nothing was applied.',
          '',
        ].join('\n'),
      });
    }
    progress(`plan ${req.plan} matches this revision (fingerprint ${current.fingerprint.slice(0, 12)})`);
  }

  // 4. Project settings, state backend, secrets.
  const { parseProject, backendFor, secretsProblem } = await import('./project.js');
  const packaged = fileURLToPath(new URL('../../pulumi.yaml', import.meta.url));
  const own = resolve(dir, PROJECT_FILE);
  const ownText = await readText(own);
  if (!ownText.ok) return ownText;
  const projectFile = ownText.value !== null ? own : packaged;
  const projectText = await readText(projectFile);
  if (!projectText.ok) return projectText;
  if (projectText.value === null) return fail(`no ${PROJECT_FILE} in ${dir} and none shipped with idac`);
  const project = parseProject(projectText.value, projectFile);
  if (!project.ok) return project;
  const backend = backendFor(req.env, project.value, dir);
  const problem = secretsProblem(backend, req.secretsProvider, req.env);
  if (problem) return fail(`${problem}. Nothing was applied.`);

  // 5. The engine.
  const { findPulumi, automationEngine } = await import('./automation.js');
  const cli = await findPulumi();
  if (!cli.ok) return cli;
  const { adoptionRefusal } = await import('./adoption.js');
  const tooOld = adoptionRefusal(
    cli.value.version,
    stacks.value.flatMap((s) => s.resources.map((o) => o.resource)),
  );
  if (tooOld !== null) return fail(tooOld);
  progress(
    `pulumi ${cli.value.version}; project ${project.value.name}; backend ` +
      `${backend.url ?? 'Pulumi default (pulumi login)'} (from ${backend.from}); ${stacks.value.length} ` +
      `stack${stacks.value.length === 1 ? '' : 's'}, ${Math.min(req.parallel, stacks.value.length)} at a ` +
      `time${req.preview ? '; preview only' : ''}`,
  );
  const { applyStacks } = await import('./driver.js');
  const outcome = await applyStacks({
    stacks: stacks.value,
    engine: automationEngine({
      project: project.value,
      backend,
      secretsProvider: req.secretsProvider,
      command: cli.value.command,
    }),
    parallel: req.parallel,
    preview: req.preview,
    tombstones,
    print: progress,
  });
  return ok({ kind: 'done', outcome });
}
