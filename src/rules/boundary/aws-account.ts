import { team } from '../../model/org.js';
import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'boundary/aws-account',
    severity: 'error',
    title: 'AWS account outside the team boundary',
    rationale:
      "A team boundary is the most its identities may ever touch; an identity in another team's (or another " +
      "environment's) account breaks the separation org.yaml promises, however small its permissions.",
    fix:
      "Use an account listed in the team's boundaries.aws.accounts, or have a security owner add the account " +
      'to the boundary in identities/org.yaml.',
    owasp: ['NHI5', 'NHI8'],
  },
  messages: {
    outside: "AWS account {{account}} is outside team {{team}}'s boundary (boundaries.aws.accounts)",
  },
  check({ data }, { org }) {
    const aws = data.spec.access.aws;
    const t = org && team(org, data.spec.stewardship.team);
    const accounts = t?.boundaries?.aws?.accounts;
    // An absent list is no boundary (SPEC.md §3); an empty list allows nothing.
    if (!aws || !accounts || accounts.includes(aws.account)) return [];
    return [
      {
        path: ['spec', 'access', 'aws', 'account'],
        messageId: 'outside',
        data: { account: aws.account, team: data.spec.stewardship.team },
      },
    ];
  },
});
