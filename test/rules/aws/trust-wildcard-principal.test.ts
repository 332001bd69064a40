import { ruleTable } from '../harness.js';
import { fed, trusting } from '../federation.js';

ruleTable('aws/trust-wildcard-principal', {
  good: [
    { name: 'one service', files: fed(trusting('service: { principal: lambda.amazonaws.com }')) },
    {
      name: 'an account role and an account root',
      files: fed(trusting('account: [{ id: "444455556666", role: deploy/ci }, { id: "444455556666" }]')),
    },
    {
      name: "a user is aws/trust-on-user's",
      files: fed(trusting('service: { principal: "*" }').replace('principal: role', 'principal: user')),
    },
  ],
  bad: [
    {
      name: 'a wildcard service',
      files: fed(trusting('service: { principal: "*.amazonaws.com" }')),
      expect: [
        { line: 21, column: 31, messageId: 'service', message: /^service principal "\*\.amazonaws\.com" holds/ },
      ],
    },
    {
      name: 'every account, and a role pattern in a list',
      files: fed(trusting('account:', '  - { id: "*" }', '  - { id: "444455556666", role: deploy-* }')),
      expect: [
        { line: 22, column: 19, messageId: 'anyAccount' },
        { line: 23, column: 41, messageId: 'anyRole', message: /of 444455556666 names role "deploy-\*"; IAM takes/ },
      ],
    },
  ],
});
