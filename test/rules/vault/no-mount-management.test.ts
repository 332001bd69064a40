import { ruleTable } from '../harness.js';
import { ACTIVE, at, BASE, elevated, status, vault } from './fixture.js';

ruleTable('vault/no-mount-management', {
  good: [
    { name: 'reading the mount table', files: { [at]: vault(['sys/mounts', 'read'], ['sys/mounts/*', 'read, list']) } },
    { name: "sys/* is vault/no-sys-path's", files: { [at]: vault(['sys/*', 'update']) } },
    { name: 'an elevation outside its window', files: { [at]: elevated(vault(BASE), ['sys/mounts/*', 'update']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['sys/mounts/*', 'update']), 'decommissioned') } },
  ],
  bad: [
    {
      name: 'mount and unmount engines',
      files: { [at]: vault(['sys/mounts/*', 'create, update, delete']) },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'mountWrite',
          message: /Vault path "sys\/mounts\/\*" grants create, update, delete on secrets engine mounts/,
        },
      ],
    },
    {
      name: 'tune one mount',
      files: { [at]: vault(BASE, ['sys/mounts/kv/tune', 'update']) },
      expect: [{ line: 30, column: 17, messageId: 'mountWrite' }],
    },
    {
      name: 'move a mount',
      files: { [at]: vault(['sys/remount', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'mountWrite' }],
    },
    {
      name: 'a prefix confined to sys/m…',
      files: { [at]: vault(['sys/m*', 'delete']) },
      expect: [{ line: 28, column: 17, messageId: 'mountWrite' }],
    },
    {
      name: 'an active elevation',
      now: ACTIVE,
      files: { [at]: elevated(vault(BASE), ['sys/mounts/*', 'update']) },
      expect: [{ line: 38, column: 21, messageId: 'mountWrite' }],
    },
    {
      name: 'a suspended identity is still checked',
      files: { [at]: status(vault(['sys/remount', 'update']), 'suspended') },
      expect: [{ line: 29, column: 17, messageId: 'mountWrite' }],
    },
  ],
});
