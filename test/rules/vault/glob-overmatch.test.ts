import { ruleTable } from '../harness.js';
import { ACTIVE, at, BASE, elevated, ENDED, FUTURE, status, vault, window } from './fixture.js';

ruleTable('vault/glob-overmatch', {
  good: [
    { name: 'a folder glob', files: { [at]: vault(BASE, ['kv/data/payments/app', 'read']) } },
    { name: "a root glob is vault/no-root-glob's", files: { [at]: vault(['*', 'read']) } },
    { name: 'an ended elevation', files: { [at]: window(vault(BASE), ...ENDED, ['kv/data/payments/rep*', 'read']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['kv/data/payments/app*', 'read']), 'decommissioned') } },
  ],
  bad: [
    {
      name: 'a string prefix',
      files: { [at]: vault(['kv/data/payments/app*', 'read']) },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'stringPrefix',
          message: new RegExp(
            String.raw`Vault path "kv\/data\/payments\/app\*" is a string prefix: it also matches ` +
              String.raw`"kv\/data\/payments\/app-other" and "kv\/data\/payments\/appx\/…"; end it with "\/\*" ` +
              String.raw`\("kv\/data\/payments\/app\/\*"\)`,
          ),
        },
      ],
    },
    {
      name: 'a prefix on the mount',
      files: { [at]: vault(BASE, ['k*', 'read']) },
      expect: [{ line: 30, column: 17, messageId: 'stringPrefix' }],
    },
    {
      name: 'an active elevation',
      now: ACTIVE,
      files: { [at]: elevated(vault(BASE), ['kv/data/payments/rep*', 'read']) },
      expect: [{ line: 38, column: 21, messageId: 'stringPrefix' }],
    },
    {
      name: 'an elevation before its window opens',
      files: { [at]: window(vault(BASE), ...FUTURE, ['kv/data/payments/rep*', 'read']) },
      expect: [{ line: 38, column: 21, messageId: 'stringPrefix' }],
    },
    {
      name: 'a suspended identity is still checked',
      files: { [at]: status(vault(['kv/data/payments/app*', 'read']), 'suspended') },
      expect: [{ line: 29, column: 17, messageId: 'stringPrefix' }],
    },
  ],
});
