import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const agent = (text = IDENTITY) => edit(text, 'type: workload', 'type: ai-agent');
const vault = (auth: string, text = IDENTITY) => `${text}    vault:
      auth: ${auth}
      paths:
        - path: kv/data/payments/app/*
          capabilities: [read]
`;
const rotation = (text: string) => edit(text, '  access:\n', '  rotation:\n    period: 30d\n  access:\n');
const user = (text: string) => edit(text, 'principal: role', 'principal: user');

ruleTable('agent/no-static-credential', {
  good: [
    { name: 'an agent with a role and Kubernetes auth', files: { [at]: agent(vault('kubernetes')) } },
    {
      name: 'a workload may hold static credentials (rotation rules govern them)',
      files: { [at]: rotation(user(vault('approle'))) },
    },
    { name: 'without org.yaml, a federated agent', files: { 'identities/org.yaml': null, [at]: agent() } },
    {
      name: 'a tombstone is skipped',
      files: {
        [at]: edit(
          agent(rotation(user(IDENTITY))),
          '  expires: 2027-05-31\n',
          '  expires: 2027-05-31\n  status: decommissioned\n',
        ),
      },
    },
  ],
  bad: [
    {
      name: 'an agent with AWS access keys',
      files: { [at]: agent(rotation(user(IDENTITY))) },
      expect: [
        {
          line: 21,
          column: 18,
          messageId: 'awsAccessKeys',
          message: /ai-agent identity must not hold AWS access keys \(principal: user\)/,
        },
      ],
    },
    {
      name: 'an agent with an AppRole',
      files: { [at]: agent(rotation(vault('approle'))) },
      expect: [
        { line: 28, column: 13, messageId: 'vaultSecretId', message: /must not hold a Vault AppRole secret-id/ },
      ],
    },
    {
      name: 'both, even suspended and without org.yaml',
      files: {
        'identities/org.yaml': null,
        [at]: edit(
          agent(rotation(user(vault('approle')))),
          '  expires: 2027-05-31\n',
          '  expires: 2027-05-31\n  status: suspended\n',
        ),
      },
      expect: [
        { line: 22, column: 18, messageId: 'awsAccessKeys' },
        { line: 29, column: 13, messageId: 'vaultSecretId' },
      ],
    },
  ],
});
