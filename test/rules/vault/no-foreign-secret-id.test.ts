import { ruleTable } from '../harness.js';
import { ACTIVE, at, BASE, elevated, status, vault } from './fixture.js';

ruleTable('vault/no-foreign-secret-id', {
  good: [
    {
      name: 'its own secret-id',
      files: {
        [at]: vault(
          ['auth/approle/role/app/secret-id', 'update'],
          ['auth/approle/role/app/custom-secret-id', 'create'],
        ),
      },
    },
    {
      name: 'everything below its own role reaches only its own secret-ids',
      files: { [at]: vault(['auth/approle/role/app/*', 'update']) },
    },
    {
      name: "listing another role's secret-id accessors is not minting",
      files: { [at]: vault(['auth/approle/role/other/secret-id', 'list']) },
    },
    {
      name: 'a role setting is not a secret-id',
      files: { [at]: vault(['auth/approle/role/other/secret-id-ttl', 'update']) },
    },
    { name: "a root glob is vault/no-root-glob's", files: { [at]: vault(['*', 'update']) } },
    {
      name: 'an elevation outside its window',
      files: { [at]: elevated(vault(BASE), ['auth/approle/role/other/secret-id', 'update']) },
    },
    {
      name: 'a tombstone',
      files: { [at]: status(vault(['auth/approle/role/other/secret-id', 'update']), 'decommissioned') },
    },
  ],
  bad: [
    {
      name: 'another role',
      files: { [at]: vault(['auth/approle/role/other/secret-id', 'update']) },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'foreignSecretId',
          message: new RegExp(
            String.raw`Vault path "auth\/approle\/role\/other\/secret-id" grants update on secret-ids of ` +
              String.raw`AppRole roles other than its own \("app"\): it can mint login credentials for another ` +
              String.raw`workload`,
          ),
        },
      ],
    },
    {
      name: 'any role, by segment wildcard',
      files: { [at]: vault(BASE, ['auth/approle/role/+/secret-id', 'update']) },
      expect: [{ line: 30, column: 17, messageId: 'foreignSecretId' }],
    },
    {
      name: 'a * in the role position (literal to Vault: a role named *)',
      files: { [at]: vault(['auth/approle/role/*/secret-id', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'foreignSecretId' }],
    },
    {
      name: 'every role',
      files: { [at]: vault(['auth/approle/role/*', 'create']) },
      expect: [{ line: 28, column: 17, messageId: 'foreignSecretId', message: /grants create on/ }],
    },
    {
      name: 'a prefix that also covers app-2',
      files: { [at]: vault(['auth/approle/role/app*', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'foreignSecretId' }],
    },
    {
      name: 'a custom secret-id on another AppRole mount',
      files: { [at]: vault(['auth/approle-prod/role/other/custom-secret-id', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'foreignSecretId' }],
    },
    {
      name: "destroying another role's secret-id",
      files: { [at]: vault(['auth/approle/role/other/secret-id-accessor/destroy', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'foreignSecretId' }],
    },
    {
      name: 'an active elevation',
      now: ACTIVE,
      files: { [at]: elevated(vault(BASE), ['auth/approle/role/other/secret-id', 'update']) },
      expect: [{ line: 38, column: 21, messageId: 'foreignSecretId' }],
    },
    {
      name: 'a suspended identity is still checked',
      files: { [at]: status(vault(['auth/approle/role/other/secret-id', 'update']), 'suspended') },
      expect: [{ line: 29, column: 17, messageId: 'foreignSecretId' }],
    },
  ],
});
