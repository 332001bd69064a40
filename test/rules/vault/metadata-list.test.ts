import { ruleTable } from '../harness.js';
import { ACTIVE, at, BASE, elevated, mounts, status, vault } from './fixture.js';

ruleTable('vault/metadata-list', {
  good: [
    { name: 'reading metadata', files: { [at]: vault(BASE, ['kv/metadata/payments/*', 'read']) } },
    { name: 'list on data/ shows nothing', files: { [at]: vault(['kv/data/payments/*', 'list']) } },
    {
      name: 'a KV v1 mount',
      files: { 'identities/org.yaml': mounts('kv: kv, pki: pki'), [at]: vault(['kv/metadata/payments/*', 'list']) },
    },
    {
      name: 'list denied on the same path',
      files: { [at]: vault(['kv/metadata/payments/*', 'list'], ['kv/metadata/payments/*', 'deny']) },
    },
    {
      name: 'without org.yaml',
      files: { 'identities/org.yaml': null, [at]: vault(['kv/metadata/payments/*', 'list']) },
    },
    {
      name: 'an elevation outside its window',
      files: { [at]: elevated(vault(BASE), ['kv/metadata/payments/*', 'list']) },
    },
    { name: 'a tombstone', files: { [at]: status(vault(['kv/metadata/payments/*', 'list']), 'decommissioned') } },
  ],
  bad: [
    {
      name: 'list on metadata, at the capability',
      files: { [at]: vault(['kv/metadata/payments/*', 'read, list']) },
      expect: [
        {
          line: 29,
          column: 32,
          messageId: 'listsNames',
          message: new RegExp(
            String.raw`list on Vault path "kv\/metadata\/payments\/\*" \(KV v2 mount "kv"\) shows the name of ` +
              String.raw`every secret below it, readable or not: Vault does not filter list results by policy`,
          ),
        },
      ],
    },
    {
      name: 'a glob over the whole mount',
      files: { [at]: vault(BASE, ['kv/*', 'list']) },
      expect: [{ line: 31, column: 26, messageId: 'listsNames' }],
    },
    {
      name: 'a segment wildcard',
      files: { [at]: vault(['kv/+/payments/', 'list']) },
      expect: [{ line: 29, column: 26, messageId: 'listsNames' }],
    },
    {
      name: 'an active elevation',
      now: ACTIVE,
      files: { [at]: elevated(vault(BASE), ['kv/metadata/payments/*', 'read, list']) },
      expect: [{ line: 39, column: 36, messageId: 'listsNames' }],
    },
    {
      name: 'a suspended identity is still checked',
      files: { [at]: status(vault(['kv/metadata/payments/*', 'list']), 'suspended') },
      expect: [{ line: 30, column: 26, messageId: 'listsNames' }],
    },
  ],
});
