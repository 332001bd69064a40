// `idac plan` on a terminal, in the manner of `terraform plan`: the org.yaml changes first, then who
// can newly (or no longer) become an identity, then one block per identity with its field changes,
// access gained and lost (one line per grant as written, its expansion counted), resource
// operations and what falls due, then findings and one summary line. Every manifest-derived value
// goes through terminalSafe.

import { compareFindings } from '../common/findings.js';
import { ORG_FILE } from '../common/layout.js';
import type { AccessPattern, OrgEffect, Plan } from '../plan/types.js';
import { terminalSafe } from '../common/escape.js';
import { findingLine, paint } from './findings-text.js';
import type { IdentityView, ResourceStep } from './plan-view.js';
import {
  becomeWords,
  effectCounts,
  identityViews,
  orgByEffect,
  patternText,
  plural,
  showChange,
  trustLines,
} from './plan-view.js';

export interface PlanTextOptions {
  color: boolean;
}

const GREEN = '32';
const RED = '31';
const YELLOW = '33';
const CYAN = '36';
const MAGENTA = '35';
const BOLD = '1';
const DIM = '2';

export function renderPlanText(plan: Plan, opts: PlanTextOptions): string {
  const c = opts.color;
  const head =
    plan.headSha === null
      ? 'the working tree'
      : `${terminalSafe(plan.head)} (${terminalSafe(plan.headSha.slice(0, 7))})`;
  const lines = [
    paint(
      c,
      BOLD,
      `idac plan: base ${terminalSafe(plan.base)} (${terminalSafe(plan.baseSha.slice(0, 7))}) → head ${head}`,
    ),
    paint(c, DIM, `at ${terminalSafe(plan.now)}, due within ${terminalSafe(plan.window)}`),
    '',
  ];
  if (plan.organization.length) {
    lines.push(
      paint(
        c,
        BOLD,
        `Organization (${ORG_FILE}): ${plural(plan.organization.length, 'change')}, ` +
          effectCounts(plan.organization).replaceAll(' · ', ', '),
      ),
    );
    for (const o of orgByEffect(plan.organization)) {
      const [mark, colour] = EFFECT[o.effect];
      lines.push(
        `    ${paint(c, colour, `${mark} ${o.effect.padEnd(7)}`)} ${paint(c, DIM, o.kind.padEnd(14))} ` +
          terminalSafe(o.summary),
      );
    }
    lines.push('');
  }
  const trusts = trustLines(plan);
  if (trusts.length) {
    // Above the identity blocks: a new way in is what a reviewer must see first.
    lines.push(paint(c, BOLD, `Who can become an identity: ${plural(trusts.length, 'change')}`));
    for (const t of trusts)
      lines.push(
        `    ${t.change === 'gained' ? paint(c, GREEN, '+') : paint(c, RED, '-')} ${terminalSafe(t.principal)} ` +
          `${paint(c, BOLD, becomeWords(t.change))} ${terminalSafe(t.identity)}`,
      );
    lines.push('');
  }
  const views = identityViews(plan);
  for (const v of views) lines.push(...identityBlock(v, c), '');
  if (views.length === 0 && plan.organization.length === 0)
    lines.push('No changes: identities, access and cloud resources match the base revision.', '');

  if (plan.findings.length) {
    lines.push(paint(c, BOLD, 'Findings:'));
    for (const f of [...plan.findings].sort(compareFindings)) lines.push(findingLine(f, c));
    lines.push('');
  }
  const { count, limit, allowed } = plan.deletions;
  if (count > limit) {
    lines.push(
      allowed >= count
        ? paint(
            c,
            YELLOW,
            `! deletion guard: ${plural(count, 'identity', 'identities')} deleted, over the limit of ` +
              `${limit}; allowed by --allow-deletions ${allowed}.`,
          )
        : paint(
            c,
            RED,
            `✖ deletion guard: ${plural(count, 'identity', 'identities')} would be deleted, over the limit ` +
              `of ${limit}; once a security owner approves, plan again with --allow-deletions ${count}.`,
          ),
      '',
    );
  }

  const r = plan.resources;
  lines.push(
    `${paint(c, BOLD, 'Plan:')} ${r.adopt.length ? `${r.adopt.length} to adopt, ` : ''}` +
      `${r.create.length} to create, ${r.update.length} to update, ` +
      `${r.replace.length} to replace, ${r.delete.length} to delete. ` +
      `${paint(c, BOLD, 'Access:')} +${plan.access.gained.length} −${plan.access.lost.length}.` +
      (plan.organization.length
        ? ` ${paint(c, BOLD, 'Organization:')} ${plural(plan.organization.length, 'change')} ` +
          `(${effectCounts(plan.organization).replaceAll(' · ', ', ')}).`
        : ''),
  );
  return `${lines.join('\n')}\n`;
}

const MARK: Record<IdentityView['state'], [string, string, string]> = {
  added: ['+', GREEN, 'added'],
  removed: ['-', RED, 'removed'],
  renamed: ['→', CYAN, 'renamed'],
  changed: ['~', YELLOW, 'changed'],
  unplanned: ['!', RED, 'not planned'],
  affected: ['~', YELLOW, 'manifest unchanged'],
};

function identityBlock(v: IdentityView, c: boolean): string[] {
  const [mark, colour, word] = MARK[v.state];
  const notes = [v.renamedFrom === undefined ? word : `${word} from ${terminalSafe(v.renamedFrom)}`];
  if (v.status !== undefined && v.state !== 'removed') notes.push(`now ${terminalSafe(v.status)}`);
  const lines = [
    `${paint(c, colour, mark)} ${paint(c, BOLD, terminalSafe(v.name))} ${paint(c, DIM, `(${notes.join(', ')})`)}`,
  ];
  if (v.file !== undefined)
    lines.push(`    ${paint(c, RED, '!')} ${terminalSafe(v.file)} does not compile: no operation is planned`);
  for (const f of v.changes) {
    const { before, after } = showChange(f);
    lines.push(`    ${paint(c, YELLOW, '~')} ${terminalSafe(f.path)}: ${shown(before, c)} → ${shown(after, c)}`);
  }
  for (const p of v.patterns)
    lines.push(`    ${p.change === 'gained' ? paint(c, GREEN, '+') : paint(c, RED, '-')} ${accessText(p, c)}`);
  for (const s of v.resources) lines.push(stepLine(s, c));
  for (const k of v.newStatic) lines.push(`    ${paint(c, YELLOW, '!')} new static credential: ${terminalSafe(k)}`);
  for (const d of v.due)
    lines.push(
      `    ${paint(c, CYAN, 'due')} ${terminalSafe(d.kind)} at ${terminalSafe(d.at)}: ${terminalSafe(d.detail)}`,
    );
  return lines;
}

function shown(value: string | null, c: boolean): string {
  return value === null ? paint(c, DIM, '(absent)') : terminalSafe(value);
}

/** One line per grant as written, its expansion counted: the exact pairs are in `--format json`. */
function accessText(p: AccessPattern, c: boolean): string {
  const via = p.elevation === undefined ? '' : paint(c, DIM, `  (spec.elevations[${p.elevation}])`);
  return `access ${p.target.padEnd(10)} ${terminalSafe(patternText(p))}${via}`;
}

const EFFECT: Record<OrgEffect, [string, string]> = {
  widens: ['+', YELLOW],
  narrows: ['-', GREEN],
  neutral: ['~', DIM],
};

const STEP: Record<ResourceStep['action'], [string, string]> = {
  adopt: ['  =', CYAN],
  create: ['  +', GREEN],
  update: ['  ~', YELLOW],
  replace: ['-/+', MAGENTA],
  delete: ['  -', RED],
};

function stepLine({ action, op }: ResourceStep, c: boolean): string {
  const [mark, colour] = STEP[action];
  const inputs = op.inputs?.length ? op.inputs.map(terminalSafe).join(', ') : '';
  const notes = [
    ...(op.id === undefined ? [] : [`the live ${terminalSafe(op.id)}`]),
    ...(inputs === '' || action === 'create' || action === 'delete'
      ? []
      : [action === 'replace' ? `because ${inputs}` : inputs]),
    ...(op.from === undefined ? [] : [`renamed from ${terminalSafe(op.from)}`]),
    ...(op.status === undefined ? [] : [`status ${terminalSafe(op.status)}`]),
    ...(op.detail === undefined ? [] : [terminalSafe(op.detail)]),
  ];
  return (
    `  ${paint(c, colour, `${mark} ${action.padEnd(7)}`)} ${terminalSafe(op.type)} ` +
    `${paint(c, BOLD, terminalSafe(op.name))}${notes.length ? ` (${notes.join('; ')})` : ''}`
  );
}
