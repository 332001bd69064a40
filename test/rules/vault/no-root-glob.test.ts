import { ruleTable } from '../harness.js';
import { ACTIVE, at, BASE, elevated, status, vault } from './fixture.js';

ruleTable('vault/no-root-glob', {
  good: [
    { name: 'a path below one folder', files: { [at]: vault(BASE) } },
    { name: 'a glob denied', files: { [at]: vault(BASE, ['*', 'deny']) } },
    {
      name: 'a glob denied on the same path by an active elevation (deny wins)',
      now: ACTIVE,
      files: { [at]: elevated(vault(['*', 'read']), ['*', 'deny']) },
    },
    {
      name: 'a segment wildcard as the mount only (vault/no-sys-path and target/vault-mount)',
      files: { [at]: vault(['+/data/x', 'read'], ['+/+', 'read']) },
    },
    { name: 'an elevation outside its window', files: { [at]: elevated(vault(BASE), ['*', 'read']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['*', 'read']), 'decommissioned') } },
  ],
  bad: [
    {
      name: '*',
      files: { [at]: vault(['*', 'read']) },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'everyMount',
          message: /Vault path "\*" grants read on every mount, sys\/ included/,
        },
      ],
    },
    {
      name: '+/*',
      files: { [at]: vault(BASE, ['+/*', 'read, update']) },
      expect: [{ line: 30, column: 17, messageId: 'everyMount', message: /grants read, update on every mount/ }],
    },
    {
      name: '+/+/*',
      files: { [at]: vault(['+/+/*', 'list']) },
      expect: [{ line: 28, column: 17, messageId: 'everyMount' }],
    },
    {
      name: 'a deny on another path does not cancel it',
      files: { [at]: vault(['*', 'read'], ['sys/*', 'deny']) },
      expect: [{ line: 28, column: 17, messageId: 'everyMount' }],
    },
    {
      name: 'an active elevation',
      now: ACTIVE,
      files: { [at]: elevated(vault(BASE), ['*', 'read']) },
      expect: [{ line: 38, column: 21, messageId: 'everyMount' }],
    },
    {
      name: 'a suspended identity is still checked',
      files: { [at]: status(vault(['*', 'read']), 'suspended') },
      expect: [{ line: 29, column: 17, messageId: 'everyMount' }],
    },
  ],
});
