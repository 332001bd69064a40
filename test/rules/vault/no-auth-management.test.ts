import { ruleTable } from '../harness.js';
import { ACTIVE, at, BASE, cert, elevated, status, vault } from './fixture.js';

ruleTable('vault/no-auth-management', {
  good: [
    { name: 'reading the list of auth methods', files: { [at]: vault(['sys/auth', 'read'], ['sys/auth/*', 'read']) } },
    { name: "sys/* is vault/no-sys-path's", files: { [at]: vault(['sys/*', 'update']) } },
    { name: "a prefix over auth and audit is vault/no-sys-path's", files: { [at]: vault(['sys/au*', 'update']) } },
    { name: 'logging in is not managing', files: { [at]: vault(['auth/kubernetes/login', 'update']) } },
    { name: "the identity's own certificate", files: { [at]: cert('sys/auth') } },
    { name: 'an elevation outside its window', files: { [at]: elevated(vault(BASE), ['sys/auth/*', 'update']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['sys/auth/*', 'update']), 'decommissioned') } },
  ],
  bad: [
    {
      name: 'enable and disable auth methods',
      files: { [at]: vault(['sys/auth/*', 'create, read, update, delete']) },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'authWrite',
          message: /Vault path "sys\/auth\/\*" grants create, update, delete on auth methods \(sys\/auth\)/,
        },
      ],
    },
    {
      name: 'sys/auth itself',
      files: { [at]: vault(BASE, ['sys/auth', 'update']) },
      expect: [{ line: 30, column: 17, messageId: 'authWrite' }],
    },
    {
      name: 'tuning one method',
      files: { [at]: vault(['sys/auth/kubernetes/tune', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'authWrite' }],
    },
    {
      name: 'a prefix confined to sys/auth',
      files: { [at]: vault(['sys/auth*', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'authWrite' }],
    },
    {
      name: 'an active elevation',
      now: ACTIVE,
      files: { [at]: elevated(vault(BASE), ['sys/auth/*', 'update']) },
      expect: [{ line: 38, column: 21, messageId: 'authWrite' }],
    },
    {
      name: 'a suspended identity is still checked',
      files: { [at]: status(vault(['sys/auth/*', 'update']), 'suspended') },
      expect: [{ line: 29, column: 17, messageId: 'authWrite' }],
    },
  ],
});
