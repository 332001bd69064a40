import { ruleTable } from '../harness.js';
import { ACTIVE, at, BASE, elevated, status, vault } from './fixture.js';

ruleTable('vault/no-token-create', {
  good: [
    {
      name: 'child tokens with a subset of its own policies',
      files: { [at]: vault(['auth/token/create', 'update'], ['auth/token/lookup-self', 'read']) },
    },
    { name: "sudo without create or update is vault/no-sudo's", files: { [at]: vault(['auth/token/create', 'sudo']) } },
    { name: 'reading is not minting', files: { [at]: vault(['auth/token/create-orphan', 'read']) } },
    { name: "a root glob is vault/no-root-glob's", files: { [at]: vault(['*', 'update']) } },
    {
      name: 'an elevation outside its window',
      files: { [at]: elevated(vault(BASE), ['auth/token/create-orphan', 'update']) },
    },
    { name: 'a tombstone', files: { [at]: status(vault(['auth/token/create-orphan', 'update']), 'decommissioned') } },
  ],
  bad: [
    {
      name: 'orphan tokens',
      files: { [at]: vault(['auth/token/create-orphan', 'update']) },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'mintsTokens',
          message: new RegExp(
            String.raw`Vault path "auth\/token\/create-orphan" grants update on auth\/token\/create-orphan: it ` +
              String.raw`can mint orphan tokens, which outlive its own revocation`,
          ),
        },
      ],
    },
    {
      name: 'tokens from a token role',
      files: { [at]: vault(BASE, ['auth/token/create/ci', 'create']) },
      expect: [
        {
          line: 30,
          column: 17,
          messageId: 'mintsTokens',
          message: /grants create on auth\/token\/create\/\*: it can mint tokens from any token role/,
        },
      ],
    },
    {
      name: 'sudo on auth/token/create, at the sudo',
      files: { [at]: vault(['auth/token/create', 'update, sudo']) },
      expect: [
        {
          line: 29,
          column: 34,
          messageId: 'sudoCreate',
          message: /sudo with update on Vault path "auth\/token\/create" mints tokens with any policies/,
        },
      ],
    },
    {
      name: 'sudo here, update from an active elevation',
      now: ACTIVE,
      files: { [at]: elevated(vault(['auth/token/create', 'sudo']), ['auth/token/create', 'update']) },
      expect: [{ line: 29, column: 26, messageId: 'sudoCreate' }],
    },
    {
      name: 'everything below auth/token',
      files: { [at]: vault(['auth/token/*', 'create, update, sudo']) },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'mintsTokens',
          message: /on auth\/token\/create-orphan and auth\/token\/create\/\*/,
        },
      ],
    },
    {
      name: 'a prefix',
      files: { [at]: vault(['auth/token/create*', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'mintsTokens' }],
    },
    {
      name: 'an active elevation',
      now: ACTIVE,
      files: { [at]: elevated(vault(BASE), ['auth/token/create-orphan', 'update']) },
      expect: [{ line: 38, column: 21, messageId: 'mintsTokens' }],
    },
    {
      name: 'a suspended identity is still checked',
      files: { [at]: status(vault(['auth/token/create-orphan', 'update']), 'suspended') },
      expect: [{ line: 29, column: 17, messageId: 'mintsTokens' }],
    },
  ],
});
