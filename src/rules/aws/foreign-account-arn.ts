import { hasWildcard, splitArn } from '../../access/arn.js';
import { pendingAwsPermissions } from '../../access/aws-policy.js';
import { show } from '../../common/findings.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  otherAccount: "resource {{resource}} is in AWS account {{account}}, not this identity's account {{own}}",
  anyAccount:
    "resource {{resource}} matches any AWS account (account field {{field}}), not only this identity's account {{own}}",
  otherAccounts:
    "resource {{resource}} matches other AWS accounts (account field {{field}}), not only this identity's " +
    'account {{own}}',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/foreign-account-arn',
    severity: 'error',
    title: 'Resource ARN in another AWS account',
    rationale:
      'An identity belongs to one account (spec.access.aws.account); an ARN naming another account, or any ' +
      'account through a wildcard, reaches across the boundary between accounts, which is how environments ' +
      'and teams are kept apart.',
    fix:
      "Use ARNs of the identity's own account, or declare a separate identity in the other account; a " +
      "deliberate cross-account grant needs a security owner's exception in identities/org.yaml.",
    owasp: ['NHI5', 'NHI8'],
  },
  messages,
  check({ data }, { now }) {
    const own = data.spec.access.aws?.account;
    if (!own) return [];
    const out: Report<typeof messages>[] = [];
    for (const block of pendingAwsPermissions(data, now)) {
      block.resources.forEach((resource, k) => {
        const arn = splitArn(resource);
        // Empty: S3 buckets and other global names; aws: AWS-managed resources such as managed policies.
        if (!arn || arn.account === '' || arn.account === 'aws' || arn.account === own) return;
        const path = [...block.path, 'resources', k];
        if (hasWildcard(arn.account))
          out.push({
            path,
            messageId: arn.account === '*' ? 'anyAccount' : 'otherAccounts',
            data: { resource: show(resource), field: show(arn.account), own },
          });
        else
          out.push({ path, messageId: 'otherAccount', data: { resource: show(resource), account: arn.account, own } });
      });
    }
    return out;
  },
});
