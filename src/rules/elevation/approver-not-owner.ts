import { lower } from '../../model/org.js';
import { show } from '../../common/findings.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  ownerApproved: 'elevation approver {{approver}} is the owner of the identity; someone else must approve',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'elevation/approver-not-owner',
    severity: 'error',
    title: 'Elevation approved by the identity owner',
    rationale:
      'Four eyes: the owner asks for extra access, so a second person must approve it; self-approval makes ' +
      'the approval meaningless.',
    fix:
      'Have someone other than spec.stewardship.owner (a team member or a security owner) approve the ' +
      'elevation and set approvedBy to them.',
    owasp: ['NHI5'],
  },
  messages,
  check({ data }) {
    if (data.spec.stewardship.owner === undefined) return [];
    const owner = lower(data.spec.stewardship.owner);
    const out: Report<typeof messages>[] = [];
    (data.spec.elevations ?? []).forEach((e, i) => {
      if (lower(e.approvedBy) === owner)
        out.push({
          path: ['spec', 'elevations', i, 'approvedBy'],
          messageId: 'ownerApproved',
          data: { approver: show(e.approvedBy) },
        });
    });
    return out;
  },
});
