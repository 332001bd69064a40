import { ruleTable } from '../harness.js';
import { fed, trusting } from '../federation.js';

ruleTable('aws/trust-external-id', {
  good: [
    {
      name: 'a vendor with its external id',
      files: fed(trusting('account: { id: "210987654321", role: sync, externalId: k3y-sekret }')),
    },
    { name: 'an own account without one', files: fed(trusting('account: { id: "444455556666", role: ci }')) },
    { name: 'a trusted account that is not a third party', files: fed(trusting('account: { id: "777788889999" }')) },
  ],
  bad: [
    {
      name: 'a vendor without an external id',
      files: fed(trusting('account: { id: "210987654321", role: sync }')),
      expect: [
        {
          line: 21,
          column: 9,
          messageId: 'missing',
          message: /^account 210987654321 is a third party \(partner\) but the trust sets no externalId/,
        },
      ],
    },
    {
      name: 'an external id on an own account, never echoed',
      files: fed(trusting('account: { id: "444455556666", externalId: k3y-sekret }')),
      expect: [
        {
          line: 21,
          column: 40,
          messageId: 'ownAccount',
          message: /^(?!.*k3y-sekret)account 444455556666 is one of ours/,
        },
      ],
    },
  ],
});
