import { show } from '../../common/findings.js';
import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/trust-github-subject',
    severity: 'error',
    title: 'GitHub trust does not pin one subject',
    rationale:
      'GitHub Actions tokens carry a sub claim naming the environment, the ref or the pull request a job ' +
      'runs for. A trust without one lets every workflow of the repository, on any branch or fork pull ' +
      'request, assume the role; a trust naming several cannot be written as one sub condition.',
    fix:
      'Set exactly one of environment (protected by required reviewers, for apply roles), ref ' +
      '(refs/heads/main) or pullRequest: true (read-only plan roles).',
    owasp: ['NHI3', 'NHI5'],
  },
  messages: {
    noSubject:
      'GitHub trust of {{repository}} pins no subject: any workflow of the repository, on any branch or ' +
      'pull request, could assume the role; set environment, ref or pullRequest: true',
    severalSubjects:
      "GitHub trust of {{repository}} pins {{pinned}}; a token's sub claim holds only one of them, so keep exactly one",
  },
  check({ data }) {
    const aws = data.spec.access.aws;
    const gh = aws?.principal === 'role' ? aws.trust?.github : undefined;
    if (!gh) return [];
    const pinned = [
      gh.environment !== undefined && 'environment',
      gh.ref !== undefined && 'ref',
      gh.pullRequest === true && 'pullRequest',
    ].filter((s): s is string => s !== false);
    if (pinned.length === 1) return [];
    const path = ['spec', 'access', 'aws', 'trust', 'github'];
    if (pinned.length === 0)
      return [{ path, at: 'key', messageId: 'noSubject', data: { repository: show(gh.repository) } }];
    return [
      {
        path,
        at: 'key',
        messageId: 'severalSubjects',
        data: { repository: show(gh.repository), pinned: pinned.join(' and ') },
      },
    ];
  },
});
