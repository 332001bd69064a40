import { ruleTable } from '../harness.js';
import { ACTIVE, at, BASE, elevated, ENDED, FUTURE, status, vault, window } from './fixture.js';

ruleTable('vault/glob-mid-path', {
  good: [
    {
      name: 'a segment wildcard and a trailing glob',
      files: {
        [at]: vault(['kv/data/+/config', 'read'], ['kv/data/payments/*', 'read'], ['kv/data/payments/app*', 'read']),
      },
    },
    { name: 'an ended elevation', files: { [at]: window(vault(BASE), ...ENDED, ['kv/data/*/config', 'read']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['kv/data/*/config', 'read']), 'decommissioned') } },
  ],
  bad: [
    {
      name: 'a whole-segment *',
      files: { [at]: vault(['kv/data/*/config', 'read']) },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'oneSegment',
          message: new RegExp(
            String.raw`Vault reads the \* inside "kv\/data\/\*\/config" as a literal character, not a ` +
              String.raw`wildcard, so this path grants nothing where a wildcard was meant; for one segment write ` +
              String.raw`"kv\/data\/\+\/config"$`,
          ),
        },
      ],
    },
    {
      name: 'two of them and a trailing glob',
      files: { [at]: vault(BASE, ['kv/*/payments/*/x*', 'read']) },
      expect: [{ line: 30, column: 17, messageId: 'oneSegment', message: /write "kv\/\+\/payments\/\+\/x\*"$/ }],
    },
    {
      name: 'a * inside a segment',
      files: { [at]: vault(['kv/data/app*/config', 'read']) },
      expect: [{ line: 28, column: 17, messageId: 'partSegment', message: /use \+ for one whole segment$/ }],
    },
    {
      name: 'an active elevation',
      now: ACTIVE,
      files: { [at]: elevated(vault(BASE), ['kv/data/*/replay', 'read']) },
      expect: [{ line: 38, column: 21, messageId: 'oneSegment' }],
    },
    {
      name: 'an elevation before its window opens',
      files: { [at]: window(vault(BASE), ...FUTURE, ['kv/data/*/replay', 'read']) },
      expect: [{ line: 38, column: 21, messageId: 'oneSegment' }],
    },
    {
      name: 'a suspended identity is still checked',
      files: { [at]: status(vault(['kv/data/*/config', 'read']), 'suspended') },
      expect: [{ line: 29, column: 17, messageId: 'oneSegment' }],
    },
  ],
});
