import { ruleTable } from '../harness.js';
import { ACTIVE, at, BASE, elevated, ENDED, FUTURE, status, vault, window } from './fixture.js';

ruleTable('vault/templated-name', {
  good: [
    {
      name: 'templated on ids',
      files: {
        [at]: vault(
          ['kv/data/payments/{{identity.entity.id}}/*', 'read'],
          ['kv/data/payments/{{identity.entity.aliases.auth_kubernetes_1a2b3c4d.id}}/*', 'read'],
        ),
      },
    },
    {
      name: 'an ended elevation',
      files: { [at]: window(vault(BASE), ...ENDED, ['kv/data/payments/{{identity.entity.name}}/*', 'read']) },
    },
    {
      name: 'a tombstone',
      files: { [at]: status(vault(['kv/data/payments/{{identity.entity.name}}/*', 'read']), 'decommissioned') },
    },
  ],
  bad: [
    {
      name: 'the entity name',
      files: { [at]: vault(['kv/data/payments/{{identity.entity.name}}/*', 'read']) },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'nameTemplate',
          message: new RegExp(
            String.raw`Vault path "kv\/data\/payments\/\{\{identity.entity.name\}\}\/\*" is templated on ` +
              String.raw`"\{\{identity.entity.name\}\}": names can change or be taken over by another entity`,
          ),
        },
      ],
    },
    {
      name: 'an alias name',
      files: {
        [at]: vault(BASE, ['kv/data/payments/{{identity.entity.aliases.auth_kubernetes_1a2b3c4d.name}}', 'read']),
      },
      expect: [{ line: 30, column: 17, messageId: 'nameTemplate', message: /aliases.auth_kubernetes_1a2b3c4d.name/ }],
    },
    {
      name: 'a group name',
      files: { [at]: vault(['kv/data/payments/{{identity.groups.names.payments.id}}/*', 'read']) },
      expect: [{ line: 28, column: 17, messageId: 'nameTemplate' }],
    },
    {
      name: 'an active elevation',
      now: ACTIVE,
      files: { [at]: elevated(vault(BASE), ['kv/data/payments/{{identity.entity.name}}', 'read']) },
      expect: [{ line: 38, column: 21, messageId: 'nameTemplate' }],
    },
    {
      name: 'an elevation before its window opens',
      files: { [at]: window(vault(BASE), ...FUTURE, ['kv/data/payments/{{identity.entity.name}}', 'read']) },
      expect: [{ line: 38, column: 21, messageId: 'nameTemplate' }],
    },
    {
      name: 'a suspended identity is still checked',
      files: { [at]: status(vault(['kv/data/payments/{{identity.entity.name}}', 'read']), 'suspended') },
      expect: [{ line: 29, column: 17, messageId: 'nameTemplate' }],
    },
  ],
});
