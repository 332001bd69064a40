import { edit, IDENTITY, ruleTable } from '../harness.js';
import { at, TRUST } from './fixture.js';
import { fed, trusting } from '../federation.js';

const noTrust = edit(IDENTITY, TRUST, '');

ruleTable('aws/role-without-trust', {
  good: [
    { name: 'a role with a trust', files: { [at]: IDENTITY } },
    { name: 'a role trusted by a service only', files: fed(trusting('service: { principal: lambda.amazonaws.com }')) },
    {
      name: 'a role trusted by Roles Anywhere only',
      files: fed(trusting('rolesAnywhere: { trustAnchor: factory-ca }')),
    },
    { name: 'a user needs none', files: { [at]: edit(noTrust, 'principal: role', 'principal: user') } },
    { name: 'a tombstone is skipped', files: { [at]: `${noTrust}  status: decommissioned\n` } },
  ],
  bad: [
    {
      name: 'a role without a trust',
      files: { [at]: noTrust },
      expect: [
        {
          line: 17,
          column: 5,
          messageId: 'noTrust',
          message: /^AWS role has no trust: nothing legitimate can assume it/,
        },
      ],
    },
  ],
});
