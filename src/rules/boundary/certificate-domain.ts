import { team } from '../../model/org.js';
import { show } from '../../common/findings.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  outside: "certificate name {{name}} is not within team {{team}}'s domains (boundaries.vault.domains)",
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'boundary/certificate-domain',
    severity: 'error',
    title: 'Certificate name outside the team domains',
    rationale:
      'A certificate for a name is a licence to impersonate that service; an identity may only obtain ' +
      'certificates for names under the domains org.yaml gives its team.',
    fix:
      "Use a common name equal to or below one of the team's boundaries.vault.domains, or have a security " +
      'owner add the domain in identities/org.yaml.',
    owasp: ['NHI5', 'NHI8'],
  },
  messages,
  check({ data }, { org }) {
    const t = org && team(org, data.spec.stewardship.team);
    const domains = t?.boundaries?.vault?.domains?.map((d) => d.toLowerCase());
    if (!domains) return [];
    const inside = (name: string): boolean => domains.some((d) => name === d || name.endsWith(`.${d}`));
    const out: Report<typeof messages>[] = [];
    (data.spec.access.vault?.certificates ?? []).forEach((c, i) =>
      c.commonNames.forEach((name, j) => {
        if (!inside(name.toLowerCase()))
          out.push({
            path: ['spec', 'access', 'vault', 'certificates', i, 'commonNames', j],
            messageId: 'outside',
            data: { name: show(name), team: data.spec.stewardship.team },
          });
      }),
    );
    return out;
  },
});
