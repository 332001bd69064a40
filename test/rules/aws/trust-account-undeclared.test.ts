import { ruleTable } from '../harness.js';
import { fed, trusting } from '../federation.js';

ruleTable('aws/trust-account-undeclared', {
  good: [
    { name: 'a target account', files: fed(trusting('account: { id: "444455556666", role: ci }')) },
    { name: 'a trusted account', files: fed(trusting('account: { id: "777788889999" }')) },
    { name: '"*" is aws/trust-wildcard-principal\'s', files: fed(trusting('account: { id: "*" }')) },
    {
      name: 'without org.yaml',
      files: {
        'identities/payments/app.yaml': trusting('account: { id: "999999999999" }'),
        'identities/org.yaml': null,
      },
    },
  ],
  bad: [
    {
      name: 'an unknown account in a list',
      files: fed(trusting('account:', '  - { id: "777788889999" }', '  - { id: "999999999999", role: ci }')),
      expect: [
        {
          line: 23,
          column: 19,
          messageId: 'undeclared',
          message: /^trusted account 999999999999 is neither a target \(org\.yaml targets\.aws\) nor declared/,
        },
      ],
    },
  ],
});
