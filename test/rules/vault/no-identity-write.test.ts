import { ruleTable } from '../harness.js';
import { ACTIVE, at, BASE, elevated, status, vault } from './fixture.js';

ruleTable('vault/no-identity-write', {
  good: [
    {
      name: 'lookups are reads, even through update',
      files: { [at]: vault(['identity/lookup/entity', 'update'], ['identity/lookup/group', 'update']) },
    },
    {
      name: 'reading entities',
      files: { [at]: vault(['identity/entity/id/*', 'read'], ['identity/oidc/token/app', 'read']) },
    },
    { name: 'an elevation outside its window', files: { [at]: elevated(vault(BASE), ['identity/group/*', 'update']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['identity/group/*', 'update']), 'decommissioned') } },
  ],
  bad: [
    {
      name: 'entities',
      files: { [at]: vault(['identity/entity/*', 'update']) },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'identityWrite',
          message: new RegExp(
            String.raw`Vault path "identity\/entity\/\*" grants update on identity entities, aliases or ` +
              String.raw`groups: it can join a privileged group`,
          ),
        },
      ],
    },
    {
      name: 'entity aliases',
      files: { [at]: vault(BASE, ['identity/entity-alias', 'create']) },
      expect: [{ line: 30, column: 17, messageId: 'identityWrite' }],
    },
    {
      name: 'a group by name',
      files: { [at]: vault(['identity/group/name/admins', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'identityWrite' }],
    },
    {
      name: 'group aliases',
      files: { [at]: vault(['identity/group-alias/*', 'delete']) },
      expect: [{ line: 28, column: 17, messageId: 'identityWrite' }],
    },
    {
      name: 'the legacy persona endpoint',
      files: { [at]: vault(['identity/persona', 'create']) },
      expect: [{ line: 28, column: 17, messageId: 'identityWrite' }],
    },
    {
      name: 'everything below identity/',
      files: { [at]: vault(['identity/*', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'identityWrite' }],
    },
    {
      name: 'an active elevation',
      now: ACTIVE,
      files: { [at]: elevated(vault(BASE), ['identity/group/*', 'update']) },
      expect: [{ line: 38, column: 21, messageId: 'identityWrite' }],
    },
    {
      name: 'a suspended identity is still checked',
      files: { [at]: status(vault(['identity/entity/*', 'update']), 'suspended') },
      expect: [{ line: 29, column: 17, messageId: 'identityWrite' }],
    },
  ],
});
