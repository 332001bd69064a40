// The end of `idac apply`: per team, what was applied, failed and left unchanged (text), or the
// same as one JSON object for CI. Pending operations name the stack and each operation.

import type { ApplyOutcome, TeamResult } from './driver.js';
import { jsonDocument, terminalSafe } from '../common/escape.js';
import { code } from '../render/markdown.js';

export function renderApplyText(outcome: ApplyOutcome): string {
  if (outcome.kind === 'refused') {
    const lines = ['', 'Refused: a previous run was interrupted and left pending operations. Nothing was applied.'];
    for (const p of outcome.pending) {
      lines.push(`  stack ${p.stack} (team ${p.team}):`);
      for (const o of p.operations) lines.push(`    ${o.op} ${terminalSafe(o.urn)}`);
    }
    lines.push(
      'Check each resource in its provider (does it exist? is it as expected?), then clear the pending state:',
      '  pulumi refresh --stack <stack>   (add --clear-pending-creates or --import-pending-creates for ' +
        'pending creates, after checking)',
      'and run idac apply again. idac never clears pending operations itself.',
    );
    return `${lines.join('\n')}\n`;
  }
  const verb = outcome.preview ? 'would change' : 'applied';
  const lines = ['', `${outcome.preview ? 'Preview' : 'Apply'} summary:`];
  for (const t of outcome.teams) lines.push(teamLine(t, verb));
  const failed = outcome.teams.filter((t) => t.status === 'failed');
  const total = (k: 'applied' | 'failed' | 'unchanged') => outcome.teams.reduce((n, t) => n + t.tally[k], 0);
  const failedTeams = failed.length
    ? `; ${failed.length} team${failed.length === 1 ? '' : 's'} failed: ${failed.map((t) => t.team).join(', ')}`
    : '';
  lines.push(
    `${outcome.teams.length} stack${outcome.teams.length === 1 ? '' : 's'}: ${total('applied')} ${verb}, ` +
      `${total('failed')} failed, ${total('unchanged')} unchanged${failedTeams}.`,
  );
  return `${lines.join('\n')}\n`;
}

function teamLine(t: TeamResult, verb: string): string {
  const changes = Object.keys(t.tally.changes)
    .sort()
    .map((k) => `${k} ${t.tally.changes[k]}`)
    .join(', ');
  const head =
    `  ${t.status === 'ok' ? '✓' : '✗'} ${terminalSafe(t.team).padEnd(20)} ${t.tally.applied} ` +
    `${verb}${changes ? ` (${changes})` : ''}, ${t.tally.failed} failed, ${t.tally.unchanged} unchanged`;
  return t.error ? `${head}\n      ${terminalSafe(t.error)}` : head;
}

export function renderApplyJson(outcome: ApplyOutcome): string {
  const team = (t: TeamResult) => ({
    team: t.team,
    stack: t.stack,
    status: t.status,
    applied: t.tally.applied,
    failed: t.tally.failed,
    unchanged: t.tally.unchanged,
    changes: Object.fromEntries(
      Object.keys(t.tally.changes)
        .sort()
        .map((k) => [k, t.tally.changes[k]]),
    ),
    unprotected: t.unprotected,
    warnings: t.tally.warnings,
    error: t.error,
  });
  const out =
    outcome.kind === 'refused'
      ? {
          refused: 'pending-operations',
          pending: outcome.pending.map((p) => ({ team: p.team, stack: p.stack, operations: p.operations })),
          teams: outcome.failedToOpen.map(team),
        }
      : { preview: outcome.preview, teams: outcome.teams.map(team) };
  return jsonDocument(out);
}

/** For the Actions job summary: every value from a manifest or the engine inside code spans. */
export function renderApplyMarkdown(outcome: ApplyOutcome): string {
  if (outcome.kind === 'refused') {
    const lines = [
      '### idac apply: refused',
      '',
      'A previous run was interrupted and left pending operations. Nothing was applied.',
      '',
    ];
    for (const p of outcome.pending) {
      lines.push(`- stack ${code(p.stack)}:`);
      for (const o of p.operations) lines.push(`  - ${code(o.op)} ${code(o.urn, 400)}`);
    }
    lines.push('', 'Check each resource in its provider, run `pulumi refresh` on the stack, then apply again.');
    return `${lines.join('\n')}\n`;
  }
  const verb = outcome.preview ? 'would change' : 'applied';
  const lines = [
    `### idac apply${outcome.preview ? ' (preview)' : ''}`,
    '',
    `| team | stack | result | ${verb} | failed | unchanged |`,
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const t of outcome.teams) {
    const changes = Object.keys(t.tally.changes)
      .sort()
      .map((k) => `${k} ${t.tally.changes[k]}`)
      .join(', ');
    lines.push(
      `| ${code(t.team)} | ${code(t.stack)} | ${t.status === 'ok' ? 'ok' : '**failed**'} | ` +
        `${t.tally.applied}${changes ? ` (${changes})` : ''} | ${t.tally.failed} | ${t.tally.unchanged} |`,
    );
  }
  const errors = outcome.teams.filter((t) => t.error);
  if (errors.length > 0) {
    lines.push('');
    for (const t of errors) lines.push(`- ${code(t.team)}: ${code(t.error!, 500)}`);
  }
  return `${lines.join('\n')}\n`;
}
