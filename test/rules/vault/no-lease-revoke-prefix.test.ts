import { ruleTable } from '../harness.js';
import { ACTIVE, at, BASE, elevated, status, vault } from './fixture.js';

ruleTable('vault/no-lease-revoke-prefix', {
  good: [
    {
      name: 'renewing and revoking one lease',
      files: {
        [at]: vault(['sys/leases/renew', 'update'], ['sys/leases/revoke', 'update'], ['sys/leases/lookup', 'update']),
      },
    },
    { name: 'no write', files: { [at]: vault(['sys/leases/revoke-prefix/*', 'read']) } },
    { name: "sys/* is vault/no-sys-path's", files: { [at]: vault(['sys/*', 'update']) } },
    {
      name: 'an elevation outside its window',
      files: { [at]: elevated(vault(BASE), ['sys/leases/revoke-prefix/*', 'update']) },
    },
    { name: 'a tombstone', files: { [at]: status(vault(['sys/leases/revoke-prefix/*', 'update']), 'decommissioned') } },
  ],
  bad: [
    {
      name: 'revoke by prefix',
      files: { [at]: vault(['sys/leases/revoke-prefix/*', 'update']) },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'massRevoke',
          message: /Vault path "sys\/leases\/revoke-prefix\/\*" grants update on mass lease revocation/,
        },
      ],
    },
    {
      name: 'revoke-force on one mount',
      files: { [at]: vault(BASE, ['sys/leases/revoke-force/database', 'update']) },
      expect: [{ line: 30, column: 17, messageId: 'massRevoke' }],
    },
    {
      name: 'the legacy endpoint',
      files: { [at]: vault(['sys/revoke-prefix/aws/creds', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'massRevoke' }],
    },
    {
      name: 'everything below sys/leases',
      files: { [at]: vault(['sys/leases/*', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'massRevoke' }],
    },
    {
      name: 'a prefix',
      files: { [at]: vault(['sys/leases/revoke-*', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'massRevoke' }],
    },
    {
      name: 'an active elevation',
      now: ACTIVE,
      files: { [at]: elevated(vault(BASE), ['sys/leases/revoke-prefix/*', 'update']) },
      expect: [{ line: 38, column: 21, messageId: 'massRevoke' }],
    },
    {
      name: 'a suspended identity is still checked',
      files: { [at]: status(vault(['sys/leases/revoke-prefix/*', 'update']), 'suspended') },
      expect: [{ line: 29, column: 17, messageId: 'massRevoke' }],
    },
  ],
});
