import { ruleTable } from '../harness.js';
import { ACTIVE, at, BASE, elevated, ENDED, FUTURE, mounts, status, vault, window } from './fixture.js';

ruleTable('vault/kv2-data-path', {
  good: [
    {
      name: 'data and metadata paths',
      files: {
        [at]: vault(
          BASE,
          ['kv/metadata/payments/app/*', 'list'],
          ['kv/delete/payments/app', 'update'],
          ['kv/subkeys/payments/app', 'read'],
        ),
      },
    },
    {
      name: 'globs that cover data/',
      files: { [at]: vault(['kv/*', 'read'], ['kv/+/payments/x', 'read'], ['kv/d*', 'read']) },
    },
    {
      name: 'a KV v1 mount',
      files: { 'identities/org.yaml': mounts('kv: kv, pki: pki'), [at]: vault(['kv/payments/x', 'read']) },
    },
    { name: 'another engine', files: { [at]: vault(['pki/issue/app', 'update']) } },
    { name: "an undeclared mount is target/vault-mount's", files: { [at]: vault(['secret/payments/x', 'read']) } },
    { name: "a literal * is vault/glob-mid-path's", files: { [at]: vault(['kv/*/x', 'read']) } },
    { name: 'without org.yaml', files: { 'identities/org.yaml': null, [at]: vault(['kv/payments/x', 'read']) } },
    { name: 'an ended elevation', files: { [at]: window(vault(BASE), ...ENDED, ['kv/payments/replay', 'read']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['kv/payments/x', 'read']), 'decommissioned') } },
  ],
  bad: [
    {
      name: 'no data/',
      files: { [at]: vault(['kv/payments/x', 'read']) },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'missingData',
          message: new RegExp(
            String.raw`Vault path "kv\/payments\/x" is on KV v2 mount "kv", where secrets live under ` +
              String.raw`"kv\/data\/": this path grants nothing; write "kv\/data\/payments\/x"`,
          ),
        },
      ],
    },
    {
      name: 'a prefix that covers no KV v2 endpoint',
      files: { [at]: vault(BASE, ['kv/x*', 'read']) },
      expect: [{ line: 30, column: 17, messageId: 'missingData' }],
    },
    {
      name: 'a nested mount',
      files: {
        'identities/org.yaml': mounts('kv: kv-v2, secret/team: kv-v2'),
        [at]: vault(['secret/team/app/x', 'read']),
      },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'missingData',
          message: /KV v2 mount "secret\/team".*write "secret\/team\/data\/app\/x"/,
        },
      ],
    },
    {
      name: 'an active elevation',
      now: ACTIVE,
      files: { [at]: elevated(vault(BASE), ['kv/payments/replay', 'read']) },
      expect: [{ line: 38, column: 21, messageId: 'missingData' }],
    },
    {
      name: 'an elevation before its window opens',
      files: { [at]: window(vault(BASE), ...FUTURE, ['kv/payments/replay', 'read']) },
      expect: [{ line: 38, column: 21, messageId: 'missingData' }],
    },
    {
      name: 'a suspended identity is still checked',
      files: { [at]: status(vault(['kv/payments/x', 'read']), 'suspended') },
      expect: [{ line: 29, column: 17, messageId: 'missingData' }],
    },
  ],
});
