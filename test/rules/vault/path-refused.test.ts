import { ruleTable } from '../harness.js';
import { at, BASE, ENDED, status, vault, window } from './fixture.js';

ruleTable('vault/path-refused', {
  good: [
    {
      name: 'a segment wildcard, a trailing glob and a + then /*',
      files: { [at]: vault(['kv/data/+/config', 'read'], ['kv/data/payments/*', 'read'], ['kv/data/+/*', 'read']) },
    },
    { name: 'an ended elevation', files: { [at]: window(vault(BASE), ...ENDED, ['kv/data/+*', 'read']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['kv/data/+*', 'read']), 'decommissioned') } },
  ],
  bad: [
    {
      name: '+* at the end',
      files: { [at]: vault(['kv/data/payments/+*', 'read']) },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'refused',
          message: new RegExp(
            String.raw`^"kv\/data\/payments\/\+\*": '\+\*' is forbidden: Vault refuses the whole policy, so ` +
              String.raw`apply would fail and none of this identity's paths would be granted$`,
          ),
        },
      ],
    },
    {
      name: '+* inside a path',
      files: { [at]: vault(BASE, ['kv/+*/x', 'read']) },
      expect: [{ line: 30, column: 17, messageId: 'refused', message: /^"kv\/\+\*\/x": '\+\*' is forbidden/ }],
    },
  ],
});
