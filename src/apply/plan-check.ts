// `idac apply --plan plan.json`: apply only what was reviewed. The plan the pull request showed is
// recomputed from its base to the merged revision at apply time; a different fingerprint (another
// merge landed in between, a rotation fell due, org.yaml changed) refuses the apply and names the
// operations that differ. Pure: the caller reads the file and recomputes the plan.

import { RESOURCE_ACTIONS, type Plan, type ResourceAction } from '../plan/types.js';
import { fail, ok, type Result } from '../common/result.js';

export interface ReviewedPlan {
  baseSha: string;
  fingerprint: string;
  window: string;
  operations: string[];
}

export type Parsed = Result<ReviewedPlan>;

// A plan written before `adopt` existed has no such list: it adopted nothing.
const OPS = RESOURCE_ACTIONS;

export function parseReviewedPlan(text: string, file: string): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail(`${file} is not JSON: write it with \`idac plan --format json --out ${file}\``);
  }
  const d = data as Record<string, unknown> | null;
  if (
    d === null ||
    typeof d !== 'object' ||
    typeof d.fingerprint !== 'string' ||
    !/^[0-9a-f]{64}$/.test(d.fingerprint) ||
    typeof d.baseSha !== 'string' ||
    !/^[0-9a-f]{40,64}$/.test(d.baseSha)
  ) {
    return fail(
      `${file} is not an idac plan (no fingerprint or baseSha): write it with \`idac plan --format json ` +
        `--out ${file}\``,
    );
  }
  const window = typeof d.window === 'string' && /^[0-9]+[mhd]$/.test(d.window) ? d.window : '7d';
  const resources = (d.resources ?? {}) as Record<string, unknown>;
  const operations: string[] = [];
  for (const op of OPS) {
    const list = resources[op];
    if (!Array.isArray(list)) continue;
    for (const r of list as ({ type?: unknown; name?: unknown } | null)[])
      operations.push(`${op} ${String(r?.type)} ${String(r?.name)}`);
  }
  return ok({ baseSha: d.baseSha, fingerprint: d.fingerprint, window, operations: operations.sort() });
}

export function operationsOf(plan: Plan): string[] {
  return OPS.flatMap((op) => plan.resources[op].map((r) => `${op} ${r.type} ${r.name}`)).sort();
}

/** null when the merged revision does what was reviewed; else what differs, for people. */
export function planMismatch(reviewed: ReviewedPlan, current: Plan): string[] | null {
  if (reviewed.fingerprint === current.fingerprint) return null;
  const now = operationsOf(current);
  const before = new Set(reviewed.operations);
  const after = new Set(now);
  const out = [
    ...now.filter((o) => !before.has(o)).map((o) => `not reviewed: ${o}`),
    ...reviewed.operations.filter((o) => !after.has(o)).map((o) => `reviewed but no longer planned: ${o}`),
  ];
  if (out.length === 0) out.push('the same operations, with different inputs');
  return out;
}

/** One step of a Pulumi preview or update, as the engine's events name it. */
export interface PreviewStep {
  /** The engine's op: `create`, `update`, `import`, `replace`, `create-replacement`, `same`, … */
  op: string;
  type: string;
  /** The resource's logical name (the last part of its URN). */
  name: string;
}

/**
 * The engine's steps in the plan's terms (`adopt aws:iam/role:Role app.aws.role`), sorted and each
 * once, so what Pulumi is about to do can be checked against what was reviewed. An `import` is the
 * plan's adopt; since Pulumi 3.174 an import whose inputs differ is followed by an `update` of the
 * same resource, which is the plan's update that converges it. A replacement's steps are one
 * replace; `import-replacement` adopts and then replaces (never planned by idac: it shows as both).
 * Steps that change nothing (`same`, `read`, `refresh`, `discard`) are not operations.
 */
export function previewOperations(steps: readonly PreviewStep[]): string[] {
  const out = new Set<string>();
  for (const s of steps) for (const action of STEP_ACTIONS[s.op] ?? []) out.add(`${action} ${s.type} ${s.name}`);
  return [...out].sort();
}

const STEP_ACTIONS: Readonly<Record<string, readonly ResourceAction[]>> = {
  create: ['create'],
  update: ['update'],
  delete: ['delete'],
  import: ['adopt'],
  replace: ['replace'],
  'create-replacement': ['replace'],
  'delete-replaced': ['replace'],
  'import-replacement': ['adopt', 'replace'],
};

/** What the engine would do that the reviewed plan does not list (empty: nothing unreviewed). */
export function unreviewedSteps(reviewed: ReviewedPlan, steps: readonly PreviewStep[]): string[] {
  const known = new Set(reviewed.operations);
  return previewOperations(steps).filter((o) => !known.has(o));
}
