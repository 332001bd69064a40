import { show } from '../../common/findings.js';
import { isSelfApproved, ownersOf } from '../lib/exceptions.js';
import { defineRule, type RepoEntry, type RepoReport } from '../types.js';

const messages = {
  selfApproved:
    "exception for {{identity}} / {{rule}} is approved by {{approver}}, the identity's owner; it suppresses " +
    'nothing until someone else approves it',
} as const;

export default defineRule({
  kind: 'repo',
  meta: {
    id: 'org/exception-self-approved',
    severity: 'error',
    title: "Exception approved by the identity's owner",
    rationale:
      'An exception accepts a risk on an identity; the person accountable for that identity approving it is ' +
      'marking their own homework. A self-approved exception suppresses nothing, and says so here rather ' +
      'than leaving readers of org.yaml believing the risk was accepted.',
    fix:
      'Have a security owner who does not own the identity approve the exception ' +
      '(spec.exceptions[].approvedBy), or fix the finding instead.',
    owasp: ['NHI5'],
  },
  messages,
  // Every valid identity's owner, lower-cased; validate also reads these to ignore self-approved exceptions.
  summarize({ data }): string {
    return (data.spec.stewardship.owner ?? '').toLowerCase();
  },
  check(entries: readonly RepoEntry<string>[], { org, orgFile }) {
    const exceptions = org?.spec.exceptions ?? [];
    if (exceptions.length === 0) return [];
    const owners = ownersOf(entries.map((e) => ({ identity: e.identity, owner: e.value })));
    const out: RepoReport<typeof messages>[] = [];
    exceptions.forEach((e, i) => {
      if (isSelfApproved(e, owners)) {
        out.push({
          file: orgFile,
          identity: null,
          path: ['spec', 'exceptions', i, 'approvedBy'],
          messageId: 'selfApproved',
          data: { identity: show(e.identity), rule: show(e.rule), approver: show(e.approvedBy) },
        });
      }
    });
    return out;
  },
});
