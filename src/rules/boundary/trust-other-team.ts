import { show, type Path } from '../../common/findings.js';
import { trustItems } from '../../access/trust.js';
import { isTombstone } from '../lib/status.js';
import { defineRule, type RepoEntry, type RepoReport } from '../types.js';

interface Summary {
  team: string;
  /** `<account>:idac/<team>/<name>`: the role compile makes for this identity (src/compile/aws.ts). */
  role?: string;
  trusts: { role: string; path: Path }[];
}

const messages = {
  otherTeam:
    "the role trusts {{role}}, the role of team {{team}}'s identity {{identity}}: that team's workload can " +
    "become this one and use team {{own}}'s access; trust a role of your own team, or move the identity",
} as const;

export default defineRule({
  kind: 'repo',
  meta: {
    id: 'boundary/trust-other-team',
    severity: 'warning',
    title: "Role trust admits another team's identity",
    rationale:
      'Team boundaries say what each team may touch. An account trust naming the role of an identity that ' +
      "another team owns lets that team's workload assume this role, so its access crosses the boundary " +
      "through the trust instead of through its own manifest, outside the other team's review. Sometimes " +
      'intended (a shared deploy pipeline), hence a warning: an exception records who agreed.',
    fix:
      "Trust a role of the identity's own team, move the identity to the team that uses it, or record an " +
      'org.yaml exception naming why the other team may assume it.',
    owasp: ['NHI5', 'NHI8'],
  },
  messages,
  summarize({ data }): Summary | null {
    const aws = data.spec.access.aws;
    if (isTombstone(data) || !aws) return null;
    const team = data.spec.stewardship.team;
    const out: Summary = { team, trusts: [] };
    if (aws.principal === 'role') {
      out.role = `${aws.account}:idac/${team}/${data.metadata.name}`;
      for (const { item, path } of trustItems(aws.trust, 'account'))
        if (item.role !== undefined)
          out.trusts.push({ role: `${item.id}:${item.role.replace(/^\/+/, '')}`, path: [...path, 'role'] });
    }
    return out.role !== undefined ? out : null;
  },
  check(entries: readonly RepoEntry<Summary>[]) {
    const owners = new Map<string, RepoEntry<Summary>>();
    for (const e of entries) if (e.value.role !== undefined) owners.set(e.value.role, e);
    const out: RepoReport<typeof messages>[] = [];
    for (const e of entries) {
      for (const t of e.value.trusts) {
        const owner = owners.get(t.role);
        if (!owner || owner.value.team === e.value.team) continue;
        out.push({
          file: e.file,
          identity: e.identity,
          path: t.path,
          messageId: 'otherTeam',
          data: {
            role: show(t.role.split(':')[1]),
            team: owner.value.team,
            identity: owner.identity,
            own: e.value.team,
          },
        });
      }
    }
    return out;
  },
});
