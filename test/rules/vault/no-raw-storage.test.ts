import { ruleTable } from '../harness.js';
import { ACTIVE, at, BASE, elevated, status, vault } from './fixture.js';

ruleTable('vault/no-raw-storage', {
  good: [
    { name: 'no sys/raw', files: { [at]: vault(BASE, ['sys/rawdata', 'read']) } },
    { name: "sys/* is vault/no-sys-path's", files: { [at]: vault(['sys/*', 'read']) } },
    { name: 'sys/raw denied', files: { [at]: vault(['sys/raw/*', 'deny']) } },
    { name: 'an elevation outside its window', files: { [at]: elevated(vault(BASE), ['sys/raw/*', 'read']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['sys/raw/*', 'read']), 'decommissioned') } },
  ],
  bad: [
    {
      name: 'reading raw storage',
      files: { [at]: vault(['sys/raw/*', 'read']) },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'rawStorage',
          message:
            /Vault path "sys\/raw\/\*" grants read on sys\/raw: raw access to Vault's storage, below every policy/,
        },
      ],
    },
    {
      name: 'listing sys/raw',
      files: { [at]: vault(BASE, ['sys/raw', 'list']) },
      expect: [{ line: 30, column: 17, messageId: 'rawStorage', message: /grants list/ }],
    },
    {
      name: 'a prefix',
      files: { [at]: vault(['sys/raw*', 'read, update']) },
      expect: [{ line: 28, column: 17, messageId: 'rawStorage', message: /grants read, update/ }],
    },
    {
      name: 'an active elevation',
      now: ACTIVE,
      files: { [at]: elevated(vault(BASE), ['sys/raw/core', 'read']) },
      expect: [{ line: 38, column: 21, messageId: 'rawStorage' }],
    },
    {
      name: 'a suspended identity is still checked',
      files: { [at]: status(vault(['sys/raw/*', 'read']), 'suspended') },
      expect: [{ line: 29, column: 17, messageId: 'rawStorage' }],
    },
  ],
});
