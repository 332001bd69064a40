import { ruleTable } from '../harness.js';
import { ACTIVE, at, BASE, elevated, status, vault } from './fixture.js';

ruleTable('vault/no-root-generation', {
  good: [
    {
      name: 'seal status and attempt status are reads',
      files: {
        [at]: vault(['sys/seal-status', 'read'], ['sys/generate-root/attempt', 'read'], ['sys/rekey/init', 'read']),
      },
    },
    { name: "sys/* is vault/no-sys-path's", files: { [at]: vault(['sys/*', 'update']) } },
    { name: 'an elevation outside its window', files: { [at]: elevated(vault(BASE), ['sys/seal', 'update']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['sys/seal', 'update']), 'decommissioned') } },
  ],
  bad: [
    {
      name: 'seal the cluster',
      files: { [at]: vault(['sys/seal', 'update']) },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'clusterControl',
          message: /Vault path "sys\/seal" grants update on sys\/seal: root token generation, rekey, seal or step-down/,
        },
      ],
    },
    {
      name: 'step down',
      files: { [at]: vault(BASE, ['sys/step-down', 'update, sudo']) },
      expect: [{ line: 30, column: 17, messageId: 'clusterControl', message: /on sys\/step-down:/ }],
    },
    {
      name: 'generate a root token',
      files: { [at]: vault(['sys/generate-root/*', 'update, delete']) },
      expect: [{ line: 28, column: 17, messageId: 'clusterControl', message: /on sys\/generate-root\*:/ }],
    },
    {
      name: 'rekey the recovery key',
      files: { [at]: vault(['sys/rekey-recovery-key/init', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'clusterControl', message: /on sys\/rekey\*:/ }],
    },
    {
      name: 'rotate the keyring',
      files: { [at]: vault(['sys/rotate', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'clusterControl', message: /on sys\/rotate:/ }],
    },
    {
      name: 'a generated recovery token',
      files: { [at]: vault(['sys/generate-recovery-token/attempt', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'clusterControl' }],
    },
    {
      name: 'an active elevation',
      now: ACTIVE,
      files: { [at]: elevated(vault(BASE), ['sys/seal', 'update']) },
      expect: [{ line: 38, column: 21, messageId: 'clusterControl' }],
    },
    {
      name: 'a suspended identity is still checked',
      files: { [at]: status(vault(['sys/step-down', 'update']), 'suspended') },
      expect: [{ line: 29, column: 17, messageId: 'clusterControl' }],
    },
  ],
});
