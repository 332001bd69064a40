import { didYouMeanPerson, lower } from '../../model/org.js';
import { show } from '../../common/findings.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  unknownApprover:
    'elevation approver {{approver}} is neither a team member nor a security owner in org.yaml{{suggestion}}',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'elevation/approver-known',
    severity: 'error',
    title: 'Elevation approved by someone org.yaml does not name',
    rationale:
      'An approval only means something when it comes from a person the organisation knows and can hold ' +
      'accountable; an unknown address may be a typo, a departed employee or made up.',
    fix:
      'Have a team member or a security owner listed in identities/org.yaml approve the elevation and put ' +
      'their email in approvedBy.',
    owasp: ['NHI5'],
  },
  messages,
  check({ data }, { org }) {
    if (!org) return [];
    const out: Report<typeof messages>[] = [];
    (data.spec.elevations ?? []).forEach((e, i) => {
      if (!org.people.has(lower(e.approvedBy)))
        out.push({
          path: ['spec', 'elevations', i, 'approvedBy'],
          messageId: 'unknownApprover',
          data: { approver: show(e.approvedBy), suggestion: didYouMeanPerson(e.approvedBy, org.people) },
        });
    });
    return out;
  },
});
