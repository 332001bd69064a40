import { edit, ruleTable } from '../harness.js';
import { FED_ORG, fed, trusting } from '../federation.js';

const pod = (cluster: string): string =>
  trusting(`eksPodIdentity: { cluster: ${cluster}, namespace: payments, serviceAccount: app }`);

ruleTable('aws/trust-eks-cluster', {
  good: [
    { name: 'an EKS cluster of the account', files: fed(pod('prod-eu')) },
    { name: "an undeclared cluster is target/kubernetes-cluster's", files: fed(pod('nowhere')) },
  ],
  bad: [
    {
      name: 'a cluster without eks, in a list',
      files: fed(
        trusting(
          'eksPodIdentity:',
          '  - { cluster: prod-eu, namespace: payments, serviceAccount: app }',
          '  - { cluster: onprem, namespace: payments, serviceAccount: app }',
        ),
      ),
      expect: [{ line: 23, column: 24, messageId: 'notEks', message: /^cluster onprem declares no eks:/ }],
    },
    {
      name: 'an EKS cluster of another account',
      files: {
        ...fed(pod('prod-eu')),
        'identities/org.yaml': edit(FED_ORG, 'eks: { account: "123456789012"', 'eks: { account: "444455556666"'),
      },
      expect: [
        {
          line: 21,
          column: 36,
          messageId: 'otherAccount',
          message: /^cluster prod-eu runs in account 444455556666 but the role is in 123456789012;/,
        },
      ],
    },
  ],
});
