import { ruleTable } from '../harness.js';
import { ACTIVE, at, BASE, cert, elevated, status, vault } from './fixture.js';

ruleTable('vault/no-token-roles-write', {
  good: [
    {
      name: 'listing and reading token roles',
      files: { [at]: vault(['auth/token/roles', 'list'], ['auth/token/roles/*', 'read']) },
    },
    { name: "the identity's own certificate", files: { [at]: cert('auth/token/roles') } },
    {
      name: 'an elevation outside its window',
      files: { [at]: elevated(vault(BASE), ['auth/token/roles/*', 'update']) },
    },
    { name: 'a tombstone', files: { [at]: status(vault(['auth/token/roles/*', 'update']), 'decommissioned') } },
  ],
  bad: [
    {
      name: 'every token role',
      files: { [at]: vault(['auth/token/roles/*', 'update']) },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'tokenRoleWrite',
          message: new RegExp(
            String.raw`Vault path "auth\/token\/roles\/\*" grants update on token roles ` +
              String.raw`\(auth\/token\/roles\/\*\): it can widen a role's allowed policies`,
          ),
        },
      ],
    },
    {
      name: 'one token role',
      files: { [at]: vault(BASE, ['auth/token/roles/ci', 'create']) },
      expect: [{ line: 30, column: 17, messageId: 'tokenRoleWrite' }],
    },
    {
      name: 'everything below auth/',
      files: { [at]: vault(['auth/*', 'delete']) },
      expect: [{ line: 28, column: 17, messageId: 'tokenRoleWrite' }],
    },
    {
      name: 'an active elevation',
      now: ACTIVE,
      files: { [at]: elevated(vault(BASE), ['auth/token/roles/ci', 'update']) },
      expect: [{ line: 38, column: 21, messageId: 'tokenRoleWrite' }],
    },
    {
      name: 'a suspended identity is still checked',
      files: { [at]: status(vault(['auth/token/roles/*', 'update']), 'suspended') },
      expect: [{ line: 29, column: 17, messageId: 'tokenRoleWrite' }],
    },
  ],
});
