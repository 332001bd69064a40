import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'target/aws-account',
    severity: 'error',
    title: 'AWS account is not a declared target',
    rationale:
      'idac only manages the accounts org.yaml declares under targets.aws (with their region, environment ' +
      'and OIDC providers); an identity in any other account could not be applied, or would land in an ' +
      'account nobody vetted.',
    fix:
      'Use an account declared in identities/org.yaml targets.aws, or have a security owner declare the ' +
      'account there.',
    owasp: ['NHI5', 'NHI8'],
  },
  messages: {
    undeclared: 'AWS account {{account}} is not declared in org.yaml targets.aws',
  },
  check({ data }, { org }) {
    const aws = data.spec.access.aws;
    if (!org || !aws) return [];
    const accounts = org.spec.targets?.aws ?? {};
    if (Object.hasOwn(accounts, aws.account)) return [];
    return [{ path: ['spec', 'access', 'aws', 'account'], messageId: 'undeclared', data: { account: aws.account } }];
  },
});
