import { ruleTable } from '../harness.js';
import { ACTIVE, at, BASE, elevated, status, vault } from './fixture.js';

ruleTable('vault/no-sudo', {
  good: [
    { name: 'no sudo', files: { [at]: vault(BASE) } },
    {
      name: "sudo on auth/token/create is vault/no-token-create's",
      files: { [at]: vault(['auth/token/create', 'update, sudo']) },
    },
    {
      name: 'the same, with update from an active elevation',
      now: ACTIVE,
      files: { [at]: elevated(vault(['auth/token/create', 'sudo']), ['auth/token/create', 'update']) },
    },
    {
      name: 'sudo denied on the same path',
      files: { [at]: vault(['kv/data/payments/x', 'sudo'], ['kv/data/payments/x', 'deny']) },
    },
    {
      name: 'an elevation outside its window',
      files: { [at]: elevated(vault(BASE), ['sys/audit/*', 'update, sudo']) },
    },
    { name: 'a tombstone', files: { [at]: status(vault(['kv/data/payments/x', 'read, sudo']), 'decommissioned') } },
  ],
  bad: [
    {
      name: 'sudo on a secret',
      files: { [at]: vault(['kv/data/payments/x', 'read, sudo']) },
      expect: [
        {
          line: 29,
          column: 32,
          messageId: 'sudo',
          message: /sudo on Vault path "kv\/data\/payments\/x" unlocks root-protected endpoints/,
        },
      ],
    },
    {
      name: 'sudo next to a path another rule reports',
      files: { [at]: vault(['sys/audit/*', 'update, sudo']) },
      expect: [{ line: 29, column: 34, messageId: 'sudo' }],
    },
    {
      name: 'sudo alone on auth/token/create',
      files: { [at]: vault(['auth/token/create', 'sudo']) },
      expect: [{ line: 29, column: 26, messageId: 'sudo' }],
    },
    {
      name: 'sudo alone, the update elevation not active yet',
      files: { [at]: elevated(vault(['auth/token/create', 'sudo']), ['auth/token/create', 'update']) },
      expect: [{ line: 29, column: 26, messageId: 'sudo' }],
    },
    {
      name: 'an active elevation',
      now: ACTIVE,
      files: { [at]: elevated(vault(BASE), ['kv/data/payments/replay', 'read, sudo']) },
      expect: [{ line: 39, column: 36, messageId: 'sudo' }],
    },
    {
      name: 'a suspended identity is still checked',
      files: { [at]: status(vault(['kv/data/payments/x', 'sudo']), 'suspended') },
      expect: [{ line: 30, column: 26, messageId: 'sudo' }],
    },
  ],
});
