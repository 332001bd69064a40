import { edit, IDENTITY, ruleTable } from '../harness.js';
import { at, TRUST } from './fixture.js';
import { fed, trusting } from '../federation.js';

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
    {
      name: 'a user trusted by an account',
      files: fed(edit(trusting('account: { id: "444455556666" }'), 'principal: role', 'principal: user')),
      expect: [{ line: 20, column: 7, messageId: 'trustOnUser' }],
    },
  ],
});
