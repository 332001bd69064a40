// SPEC.md §5: `plan --format json`, one object, keys in a fixed order (schema/plan.schema.json).

import { jsonDocument } from '../common/escape.js';
import type { Plan } from '../plan/types.js';
import { findingJson } from './findings-json.js';
import type { FindingLinks } from './findings-report.js';

export function renderPlanJson(plan: Plan, links: Pick<FindingLinks, 'docs'>): string {
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
      changed: plan.identities.changed.map((c) => ({
        name: c.name,
        changes: c.changes.map((f) => ({ path: f.path, before: f.before, after: f.after })),
      })),
      unplanned: plan.identities.unplanned.map((u) => ({ name: u.name, file: u.file })),
    },
    organization: plan.organization.map((c) => ({
      kind: c.kind,
      path: c.path,
      before: c.before,
      after: c.after,
      effect: c.effect,
      summary: c.summary,
    })),
    access: {
      gained: plan.access.gained.map(access),
      lost: plan.access.lost.map(access),
      patterns: plan.access.patterns.map((p) => ({
        identity: p.identity,
        target: p.target,
        pattern: p.pattern,
        resource: p.resource,
        count: p.count,
        total: p.total,
        change: p.change,
        ...(p.conditions === undefined ? {} : { conditions: p.conditions }),
        ...(p.elevation === undefined ? {} : { elevation: p.elevation }),
      })),
    },
    resources: {
      adopt: plan.resources.adopt.map(op),
      create: plan.resources.create.map(op),
      update: plan.resources.update.map(op),
      replace: plan.resources.replace.map(op),
      delete: plan.resources.delete.map(op),
    },
    newStaticCredentials: plan.newStaticCredentials.map((c) => ({ identity: c.identity, kind: c.kind })),
    due: plan.due.map((d) => ({ identity: d.identity, kind: d.kind, at: d.at, detail: d.detail })),
    deletions: { count: plan.deletions.count, limit: plan.deletions.limit, allowed: plan.deletions.allowed },
    findings: plan.findings.map((f) => findingJson(f, links.docs)),
  };
  return jsonDocument(out);
}

function access(a: Plan['access']['gained'][number]): object {
  return {
    identity: a.identity,
    target: a.target,
    grant: a.grant,
    ...(a.conditions === undefined ? {} : { conditions: a.conditions }),
    ...(a.elevation === undefined ? {} : { elevation: a.elevation }),
  };
}

function op(o: Plan['resources']['create'][number]): object {
  return {
    type: o.type,
    name: o.name,
    identity: o.identity,
    team: o.team,
    ...(o.inputs ? { inputs: o.inputs } : {}),
    ...(o.from ? { from: o.from } : {}),
    ...(o.status ? { status: o.status } : {}),
    ...(o.id !== undefined ? { id: o.id } : {}),
    ...(o.detail !== undefined ? { detail: o.detail } : {}),
  };
}
