// SPEC.md §5: `plan --format json`, one object, keys in a fixed order (schema/plan.schema.json).

import type { Plan } from '../plan/types.js';

export function renderPlanJson(plan: Plan): string {
  const out = {
    base: plan.base,
    baseSha: plan.baseSha,
    head: plan.head,
    headSha: plan.headSha,
    now: plan.now,
    window: plan.window,
    fingerprint: plan.fingerprint,
    identities: {
      added: plan.identities.added,
      removed: plan.identities.removed,
      renamed: plan.identities.renamed.map((r) => ({ from: r.from, to: r.to })),
      changed: plan.identities.changed.map((c) => ({ name: c.name, changes: c.changes.map((f) => ({ path: f.path, before: f.before, after: f.after })) })),
      unplanned: plan.identities.unplanned.map((u) => ({ name: u.name, file: u.file })),
    },
    access: {
      gained: plan.access.gained.map(access),
      lost: plan.access.lost.map(access),
    },
    resources: {
      create: plan.resources.create.map(op),
      update: plan.resources.update.map(op),
      replace: plan.resources.replace.map(op),
      delete: plan.resources.delete.map(op),
    },
    newStaticCredentials: plan.newStaticCredentials.map((c) => ({ identity: c.identity, kind: c.kind })),
    due: plan.due.map((d) => ({ identity: d.identity, kind: d.kind, at: d.at, detail: d.detail })),
    deletions: { count: plan.deletions.count, limit: plan.deletions.limit, allowed: plan.deletions.allowed },
    findings: plan.findings.map((f) => ({ rule: f.rule, severity: f.severity, file: f.file, line: f.line, column: f.column, identity: f.identity, message: f.message })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

function access(a: Plan['access']['gained'][number]): object {
  return { identity: a.identity, target: a.target, grant: a.grant, ...(a.elevation === undefined ? {} : { elevation: a.elevation }) };
}

function op(o: Plan['resources']['create'][number]): object {
  return { type: o.type, name: o.name, identity: o.identity, team: o.team, ...(o.inputs ? { inputs: o.inputs } : {}), ...(o.from ? { from: o.from } : {}), ...(o.status ? { status: o.status } : {}) };
}
