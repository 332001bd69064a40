import { show } from '../../common/findings.js';
import { didYouMeanPerson, lower } from '../../model/org.js';
import { defineRule } from '../types.js';

// Owners and successors are held to their team (stewardship/owner-in-team, successor-in-team),
// elevation approvers to org.yaml (elevation/approver-known); this closes the last gap, so that
// once a person leaves org.yaml validate points at every role they held (idac offboard lists them).
export default defineRule({
  kind: 'identity',
  meta: {
    id: 'stewardship/reviewer-known',
    severity: 'error',
    title: 'Reviewer is someone org.yaml does not name',
    rationale:
      'An access review only counts when it comes from a person the organisation knows and can ask about ' +
      'it; an address org.yaml does not list is a typo, made up, or someone who has left, and their ' +
      'attestation vouches for nothing any more.',
    fix:
      'Have a team member or security owner listed in identities/org.yaml review the access and record it ' +
      '(idac review attest NAME --reviewer EMAIL).',
    owasp: ['NHI1', 'NHI5'],
  },
  messages: {
    unknownReviewer:
      'reviewer {{reviewer}} is neither a team member nor a security owner in org.yaml{{suggestion}}; the ' +
      'access needs a review by someone who is',
  },
  check({ data }, { org }) {
    const review = data.spec.review;
    if (!org || !review) return [];
    if (org.people.has(lower(review.reviewer))) return [];
    return [
      {
        path: ['spec', 'review', 'reviewer'],
        messageId: 'unknownReviewer',
        data: { reviewer: show(review.reviewer), suggestion: didYouMeanPerson(review.reviewer, org.people) },
      },
    ];
  },
});
