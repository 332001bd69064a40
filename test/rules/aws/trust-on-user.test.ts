import { edit, IDENTITY, ruleTable } from '../harness.js';
import { at, TRUST } from './fixture.js';

const user = edit(IDENTITY, 'principal: role', 'principal: user');

ruleTable('aws/trust-on-user', {
  good: [
    { name: 'a role with a trust', files: { [at]: IDENTITY } },
    { name: 'a user without a trust', files: { [at]: edit(user, TRUST, '') } },
    { name: 'a tombstone is skipped', files: { [at]: `${user}  status: decommissioned\n` } },
  ],
  bad: [
    {
      name: 'a user with a trust',
      files: { [at]: user },
      expect: [{ line: 20, column: 7, messageId: 'trustOnUser', message: /^principal: user takes no trust/ }],
    },
  ],
});
