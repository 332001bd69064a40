import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
// The account and prod-eu are production; staging-eu is staging; dev-eu carries no environment.
const labelled = edit(
  edit(ORG, '"123456789012": { region: eu-west-1,', '"123456789012": { region: eu-west-1, environment: prod,'),
  '      prod-eu: {}\n',
  '      prod-eu: { environment: prod }\n      staging-eu: { environment: staging }\n      dev-eu: {}\n',
);
const withCluster = (cluster: string, text = IDENTITY) => `${text}    kubernetes:
      cluster: ${cluster}
      namespace: payments
`;
const trusting = (cluster: string) => edit(IDENTITY, '{ cluster: prod-eu,', `{ cluster: ${cluster},`);
const elevated = (text: string) => `${text}  elevations:
    - reason: INC-4711 inspect stuck pods
      approvedBy: sec@example.com
      from: 2026-11-22T20:00:00Z
      until: 2026-11-23T04:00:00Z
      access:
        kubernetes:
          rules:
            - apiGroups: [""]
              resources: [pods]
              verbs: [get]
`;

ruleTable('isolation/single-environment', {
  good: [
    { name: 'org.yaml gives no environments', files: { [at]: withCluster('staging-eu') } },
    {
      name: 'every target in one environment',
      files: { 'identities/org.yaml': labelled, [at]: withCluster('prod-eu') },
    },
    {
      name: 'an unlabelled cluster is not a second environment',
      files: { 'identities/org.yaml': labelled, [at]: withCluster('dev-eu') },
    },
    {
      name: 'a cluster not declared in targets has no environment',
      files: { 'identities/org.yaml': labelled, [at]: withCluster('elsewhere') },
    },
    {
      name: 'an active elevation in the same environment',
      files: { 'identities/org.yaml': labelled, [at]: elevated(withCluster('prod-eu')) },
    },
    { name: 'without org.yaml', files: { 'identities/org.yaml': null, [at]: withCluster('staging-eu') } },
    {
      name: 'a tombstone is skipped',
      files: {
        'identities/org.yaml': labelled,
        [at]: edit(
          withCluster('staging-eu'),
          '  expires: 2027-05-31\n',
          '  expires: 2027-05-31\n  status: decommissioned\n',
        ),
      },
    },
  ],
  bad: [
    {
      name: 'a production account and a staging service account',
      files: { 'identities/org.yaml': labelled, [at]: withCluster('staging-eu') },
      expect: [
        {
          line: 26,
          column: 16,
          messageId: 'twoEnvironments',
          message: new RegExp(
            String.raw`^cluster "staging-eu" is in environment "staging", but AWS account "123456789012" is in ` +
              String.raw`"prod"; one identity must stay within one environment$`,
          ),
        },
      ],
    },
    {
      name: 'a production role trusting a staging cluster',
      files: { 'identities/org.yaml': labelled, [at]: trusting('staging-eu') },
      expect: [
        {
          line: 21,
          column: 32,
          messageId: 'twoEnvironments',
          message: /cluster "staging-eu" is in environment "staging", but AWS account "123456789012"/,
        },
      ],
    },
    {
      name: 'one finding per target, at its first mention',
      files: { 'identities/org.yaml': labelled, [at]: withCluster('staging-eu', trusting('staging-eu')) },
      expect: [{ line: 21, column: 32, messageId: 'twoEnvironments' }],
    },
    {
      name: 'the first labelled target is the reference when the account has no environment',
      files: { 'identities/org.yaml': edit(labelled, 'environment: prod,', ''), [at]: withCluster('staging-eu') },
      expect: [
        {
          line: 26,
          column: 16,
          messageId: 'twoEnvironments',
          message: /cluster "staging-eu" is in environment "staging", but cluster "prod-eu" is in "prod"/,
        },
      ],
    },
    {
      name: 'an active elevation adds no second finding',
      files: { 'identities/org.yaml': labelled, [at]: elevated(withCluster('staging-eu')) },
      expect: [{ line: 26, column: 16, messageId: 'twoEnvironments' }],
    },
    {
      name: 'a suspended identity is still checked',
      files: {
        'identities/org.yaml': labelled,
        [at]: edit(
          withCluster('staging-eu'),
          '  expires: 2027-05-31\n',
          '  expires: 2027-05-31\n  status: suspended\n',
        ),
      },
      expect: [{ line: 27, column: 16, messageId: 'twoEnvironments' }],
    },
  ],
});
