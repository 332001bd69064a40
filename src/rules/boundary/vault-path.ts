import { team } from '../../model/org.js';
import { show, type Path } from '../../common/findings.js';
import { vaultPathWithin } from '../../access/vault-paths.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  outside: "Vault path {{path}} reaches outside team {{team}}'s boundary (boundaries.vault.paths)",
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'boundary/vault-path',
    severity: 'error',
    title: 'Vault path outside the team boundary',
    rationale:
      'Vault globs are easy to widen by accident (`kv/data/pay*` also matches `kv/data/payroll/`); every ' +
      'path an identity may use, elevated or delivered to, must stay inside the paths org.yaml gives its team.',
    fix:
      "Narrow the path so that everything it can match lies inside one of the team's boundaries.vault.paths " +
      '(mind that a trailing * is a string prefix), or have a security owner extend the boundary.',
    owasp: ['NHI5', 'NHI8'],
  },
  messages,
  check({ data }, { org }) {
    const t = org && team(org, data.spec.stewardship.team);
    const allowed = t?.boundaries?.vault?.paths;
    if (!allowed) return [];
    const { access, delivery, elevations } = data.spec;
    const places: { path: string; at: Path }[] = [];
    (access.vault?.paths ?? []).forEach((p, i) =>
      places.push({ path: p.path, at: ['spec', 'access', 'vault', 'paths', i, 'path'] }),
    );
    (elevations ?? []).forEach((e, j) =>
      (e.access.vault?.paths ?? []).forEach((p, i) =>
        places.push({ path: p.path, at: ['spec', 'elevations', j, 'access', 'vault', 'paths', i, 'path'] }),
      ),
    );
    if (delivery?.vaultPath !== undefined)
      places.push({ path: delivery.vaultPath, at: ['spec', 'delivery', 'vaultPath'] });
    const out: Report<typeof messages>[] = [];
    for (const p of places) {
      if (!allowed.some((b) => vaultPathWithin(p.path, b)))
        out.push({ path: p.at, messageId: 'outside', data: { path: show(p.path), team: data.spec.stewardship.team } });
    }
    return out;
  },
});
