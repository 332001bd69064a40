import { show } from '../../common/findings.js';
import { trustItems } from '../../access/trust.js';
import { servicePrincipal } from '../../access/aws-service-principals.js';
import { roleTrust } from '../lib/role-trust.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  noSourceArn:
    '{{service}} trust has no sourceArn: any {{service}} resource of account {{account}} could act with ' +
    'this role; name the one that may, e.g. sourceArn: {{example}}',
  sourceArnIgnored:
    '{{service}} does not send aws:SourceArn when it assumes a role, so compile leaves sourceArn {{arn}} ' +
    'out of the trust (with it the role could never be assumed)',
} as const;

// The resource shape each service sends as aws:SourceArn, for the example in the message; others get
// the generic `arn:aws:<service>:<region>:<account>:…`.
const SHAPES: Readonly<Record<string, string>> = {
  'lambda.amazonaws.com': 'lambda:{r}:{a}:function:NAME',
  'states.amazonaws.com': 'states:{r}:{a}:stateMachine:NAME',
  'events.amazonaws.com': 'events:{r}:{a}:rule/NAME',
  'scheduler.amazonaws.com': 'scheduler:{r}:{a}:schedule-group/NAME',
  'ecs-tasks.amazonaws.com': 'ecs:{r}:{a}:*',
};

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/trust-confused-deputy',
    severity: 'warning',
    title: 'Service trust without the confused-deputy guard',
    rationale:
      'A service principal acts for every resource of the service: a role trusting lambda.amazonaws.com can ' +
      'be handed to any function whose creator may pass it. compile pins aws:SourceAccount for services that ' +
      'send it; only aws:SourceArn narrows the trust to the one resource meant to use the role. Services ' +
      'that do not send aws:SourceArn cannot be pinned (the role would become impossible to assume).',
    fix:
      'Add sourceArn to the service trust: the ARN of the function, state machine, rule or schedule that ' +
      'uses the role (a trailing * for a family of them).',
    owasp: ['NHI5', 'NHI6'],
  },
  messages,
  severities: { sourceArnIgnored: 'info' },
  check({ data }, { org }) {
    const role = roleTrust(data);
    if (!role) return [];
    const region = org?.spec.targets?.aws?.[role.account]?.region ?? 'REGION';
    const out: Report<typeof messages>[] = [];
    for (const { item, path } of trustItems(role.trust, 'service')) {
      const known = servicePrincipal(item.principal);
      if (!known) continue; // aws/trust-unknown-service or aws/trust-wildcard-principal
      if (item.sourceArn === undefined && known.sourceArn) {
        const shape = SHAPES[known.principal] ?? `${known.principal.split('.')[0]}:{r}:{a}:…`;
        out.push({
          path,
          at: 'key',
          messageId: 'noSourceArn',
          data: {
            service: known.service,
            account: role.account,
            example: `arn:aws:${shape.replace('{r}', region).replace('{a}', role.account)}`,
          },
        });
      } else if (item.sourceArn !== undefined && !known.sourceArn)
        out.push({
          path: [...path, 'sourceArn'],
          messageId: 'sourceArnIgnored',
          data: { service: known.service, arn: show(item.sourceArn, 120) },
        });
    }
    return out;
  },
});
