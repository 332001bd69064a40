import { show } from '../../common/findings.js';
import { trustItems } from '../../access/trust.js';
import { narrowSubject } from '../lib/pinned.js';
import { roleTrust } from '../lib/role-trust.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  noSubject:
    'OIDC trust through {{provider}} pins no subject: every token the issuer signs for audience ' +
    '{{audience}} (any project, branch or pipeline) could assume the role; set subject',
  broadSubject:
    'OIDC subject {{subject}} is a broad pattern: a wildcard over the project, repository or pipeline (or a ' +
    'value of wildcards only) admits pipelines nobody reviewed; pin every field exactly, or let a wildcard ' +
    'narrow only a final ref, branch, tag or environment value',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/trust-oidc-subject',
    severity: 'error',
    title: 'OIDC trust does not pin a narrow subject',
    rationale:
      'A CI or workload issuer (GitLab, CircleCI, Buildkite, Terraform Cloud, a Kubernetes issuer) signs ' +
      'tokens for every project on it; the audience is usually the same for all of them. Only the sub claim ' +
      'tells one pipeline from another, so a trust without one, or with a wildcard over the project part, ' +
      'lets pipelines nobody reviewed assume the role, as an unpinned GitHub trust does.',
    fix:
      'Set subject to the exact sub claim of the one pipeline (project_path:acme/ledger:ref_type:branch:' +
      'ref:main); a wildcard may only narrow a final ref, branch, tag or environment value (ref:release-*).',
    owasp: ['NHI6', 'NHI5'],
  },
  messages,
  check({ data }) {
    const role = roleTrust(data);
    if (!role) return [];
    const out: Report<typeof messages>[] = [];
    for (const { item, path } of trustItems(role.trust, 'oidc')) {
      if (item.subject === undefined)
        out.push({
          path,
          at: 'key',
          messageId: 'noSubject',
          data: { provider: item.provider, audience: show(item.audience) },
        });
      else if (!narrowSubject(item.subject))
        out.push({ path: [...path, 'subject'], messageId: 'broadSubject', data: { subject: show(item.subject, 120) } });
    }
    return out;
  },
});
