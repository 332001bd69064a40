import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'stewardship/cost-center-required',
    severity: 'error',
    title: 'Cost center missing',
    rationale:
      'When org.yaml sets limits.requireCostCenter, every identity must say who pays for it: an identity no ' +
      'budget owns is one nobody notices when it should be retired.',
    fix: 'Add spec.stewardship.costCenter (for example CC-1042).',
    owasp: ['NHI1'],
  },
  messages: {
    missing: 'spec.stewardship.costCenter is required (org.yaml sets limits.requireCostCenter: true)',
  },
  check({ data }, { org }) {
    if (org?.spec.limits?.requireCostCenter !== true) return [];
    if (data.spec.stewardship.costCenter !== undefined) return [];
    return [{ path: ['spec', 'stewardship'], at: 'key', messageId: 'missing' }];
  },
});
