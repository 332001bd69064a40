import { edit, IDENTITY, ruleTable } from '../harness.js';
import { at, TRUST } from './fixture.js';

const noTrust = edit(IDENTITY, TRUST, '');

ruleTable('aws/role-without-trust', {
  good: [
    { name: 'a role with a trust', files: { [at]: IDENTITY } },
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
