import { show } from '../../common/findings.js';
import { trustItems } from '../../access/trust.js';
import { SERVICE_PRINCIPALS, servicePrincipal } from '../../access/aws-service-principals.js';
import { didYouMean, guess, roleTrust } from '../lib/role-trust.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  unknown:
    'service principal {{principal}} is not in the list of AWS service principals idac knows{{guess}}; ' +
    'a typo would leave the role unusable, or trusted by a service nobody meant',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/trust-unknown-service',
    severity: 'error',
    title: 'Role trust names an unknown AWS service principal',
    rationale:
      'IAM accepts a trust naming any service principal, even one no service uses, so a typo yields a role ' +
      'nothing can assume and a look-alike name yields a role trusted by the wrong service. idac also needs ' +
      'to know whether a service sends aws:SourceAccount and aws:SourceArn to write the confused-deputy guard.',
    fix:
      'Use a principal from src/access/aws-service-principals.ts (lambda.amazonaws.com, ' +
      'ecs-tasks.amazonaws.com, …); if AWS added a service, add it there with the condition keys it sends, ' +
      'checked against the service documentation.',
    owasp: ['NHI5'],
  },
  messages,
  check({ data }) {
    const role = roleTrust(data);
    if (!role) return [];
    const out: Report<typeof messages>[] = [];
    for (const { item, path } of trustItems(role.trust, 'service')) {
      // A wildcard is aws/trust-wildcard-principal's finding.
      if (item.principal.includes('*') || servicePrincipal(item.principal)) continue;
      const suffixed = `${item.principal}.amazonaws.com`;
      const near = servicePrincipal(suffixed)
        ? suffixed
        : didYouMean(
            item.principal,
            SERVICE_PRINCIPALS.map((s) => s.principal),
          );
      out.push({
        path: [...path, 'principal'],
        messageId: 'unknown',
        data: { principal: show(item.principal), guess: guess(near) },
      });
    }
    return out;
  },
});
