import { ruleTable } from '../harness.js';
import { ACTIVE, at, BASE, elevated, status, vault } from './fixture.js';

ruleTable('vault/no-sys-path', {
  good: [
    { name: 'no sys/ path', files: { [at]: vault(BASE) } },
    {
      name: 'one sys/ endpoint',
      files: { [at]: vault(['sys/leases/renew', 'update'], ['sys/capabilities-self', 'update']) },
    },
    {
      name: 'a path confined to one family is left to its rule',
      files: { [at]: vault(['sys/policy/*', 'update'], ['sys/audit*', 'update'], ['sys/leases/*', 'update']) },
    },
    { name: 'a root glob is left to vault/no-root-glob', files: { [at]: vault(['*', 'read']) } },
    { name: 'sys/* denied', files: { [at]: vault(BASE, ['sys/*', 'deny']) } },
    { name: 'a literal * grants nothing (vault/glob-mid-path)', files: { [at]: vault(['sys/*/x', 'update']) } },
    { name: 'an elevation outside its window', files: { [at]: elevated(vault(BASE), ['sys/*', 'update']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['sys/*', 'read']), 'decommissioned') } },
  ],
  bad: [
    {
      name: 'sys/*',
      files: { [at]: vault(['sys/*', 'read']) },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'broadSysAreas',
          message: new RegExp(
            String.raw`Vault path "sys\/\*" grants read across sys\/, Vault's own configuration: it reaches ` +
              String.raw`ACL policies, auth methods, secrets engine mounts, audit devices, raw storage`,
          ),
        },
      ],
    },
    {
      name: 'sys itself',
      files: { [at]: vault(['sys', 'read']) },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'broadSys',
          message: /"sys" grants read across sys\/, Vault's own configuration$/,
        },
      ],
    },
    {
      name: 'a segment wildcard below sys/',
      files: { [at]: vault(['sys/+/x', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'broadSysAreas' }],
    },
    {
      name: 'a prefix over sys',
      files: { [at]: vault(BASE, ['s*', 'list']) },
      expect: [{ line: 30, column: 17, messageId: 'broadSysAreas' }],
    },
    {
      name: 'a prefix over two families',
      files: { [at]: vault(['sys/p*', 'update']) },
      expect: [
        { line: 28, column: 17, messageId: 'broadSysAreas', message: /it reaches ACL policies, the plugin catalog$/ },
      ],
    },
    {
      name: 'two segment wildcards reach sys/seal',
      files: { [at]: vault(['+/+', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'broadSysAreas', message: /root token generation/ }],
    },
    {
      name: 'an active elevation',
      now: ACTIVE,
      files: { [at]: elevated(vault(BASE), ['sys/*', 'update']) },
      expect: [{ line: 38, column: 21, messageId: 'broadSysAreas' }],
    },
    {
      name: 'a suspended identity is still checked',
      files: { [at]: status(vault(['sys/*', 'read']), 'suspended') },
      expect: [{ line: 29, column: 17, messageId: 'broadSysAreas' }],
    },
  ],
});
