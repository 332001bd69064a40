// One Pulumi stack per team: a bad apply is bounded to one team, and stacks run in parallel.
// Groups the compiled resources by team and pairs them with their providers and registration order.

import type { DesiredResource } from '../compile/types.js';
import type { OrgModel } from '../model/org.js';
import { registrationOrder } from './order.js';
import type { StackProgram } from './program.js';
import { providersFor } from './providers.js';
import { failAll, ok, summaries, type Result } from '../common/result.js';

export type StacksResult = Result<StackProgram[]>;

/** Pulumi stack names allow letters, digits, `-`, `_` and `.`; team names (SPEC) are a subset. */
export function stackName(team: string): string {
  return team;
}

/**
 * `teams`: every team that must have a stack, even with no resources left (its last identity was
 * decommissioned or removed, so the stack must converge to empty rather than be skipped).
 */
export function stacksFor(
  resources: readonly DesiredResource[],
  teams: readonly string[],
  org: OrgModel | null,
): StacksResult {
  const byTeam = new Map<string, DesiredResource[]>(teams.map((t) => [t, []]));
  for (const r of resources) {
    let list = byTeam.get(r.team);
    if (!list) byTeam.set(r.team, (list = []));
    list.push(r);
  }
  const out: StackProgram[] = [];
  const errors: string[] = [];
  for (const team of [...byTeam.keys()].sort()) {
    const list = byTeam.get(team)!;
    const providers = providersFor(list, org, `idac-apply-${team}`);
    const order = registrationOrder(list);
    if (!providers.ok) errors.push(...summaries(providers).map((e) => `team ${team}: ${e}`));
    if (!order.ok) errors.push(...summaries(order).map((e) => `team ${team}: ${e}`));
    if (providers.ok && order.ok) out.push({ team, providers: providers.value, resources: order.value });
  }
  return errors.length > 0 ? failAll(errors) : ok(out);
}
