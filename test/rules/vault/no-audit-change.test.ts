import { ruleTable } from '../harness.js';
import { ACTIVE, at, BASE, elevated, status, vault } from './fixture.js';

ruleTable('vault/no-audit-change', {
  good: [
    { name: 'listing audit devices', files: { [at]: vault(['sys/audit', 'read']) } },
    { name: "hashing a value with an audit device's salt", files: { [at]: vault(['sys/audit-hash/file', 'update']) } },
    { name: "sys/* is vault/no-sys-path's", files: { [at]: vault(['sys/*', 'update']) } },
    { name: 'an elevation outside its window', files: { [at]: elevated(vault(BASE), ['sys/audit/*', 'delete']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['sys/audit/*', 'delete']), 'decommissioned') } },
  ],
  bad: [
    {
      name: 'enable and disable audit devices',
      files: { [at]: vault(['sys/audit/*', 'update, delete']) },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'auditWrite',
          message: new RegExp(
            String.raw`Vault path "sys\/audit\/\*" grants update, delete on audit devices \(sys\/audit\): it ` +
              String.raw`can disable or redirect the audit log`,
          ),
        },
      ],
    },
    {
      name: 'a prefix',
      files: { [at]: vault(BASE, ['sys/audit*', 'delete']) },
      expect: [{ line: 30, column: 17, messageId: 'auditWrite' }],
    },
    {
      name: 'one device',
      files: { [at]: vault(['sys/audit/file', 'delete']) },
      expect: [{ line: 28, column: 17, messageId: 'auditWrite' }],
    },
    {
      name: 'an active elevation',
      now: ACTIVE,
      files: { [at]: elevated(vault(BASE), ['sys/audit/*', 'delete']) },
      expect: [{ line: 38, column: 21, messageId: 'auditWrite' }],
    },
    {
      name: 'a suspended identity is still checked',
      files: { [at]: status(vault(['sys/audit/*', 'delete']), 'suspended') },
      expect: [{ line: 29, column: 17, messageId: 'auditWrite' }],
    },
  ],
});
