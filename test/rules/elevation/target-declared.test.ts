import { ruleTable } from '../harness.js';
import { at, item, withElevations } from './fixture.js';

const elevate = (access: string) => withElevations(item({ access }));

ruleTable('elevation/target-declared', {
  good: [
    {
      name: "an elevation on the identity's own AWS role",
      files: {
        [at]: elevate(
          '        aws:\n          permissions:\n            - actions: [s3:PutObject]\n              ' +
            'resources: [arn:aws:s3:::bank-drop/replay/*]\n',
        ),
      },
    },
  ],
  bad: [
    {
      name: 'Kubernetes rules without spec.access.kubernetes',
      files: {
        [at]: elevate(
          '        kubernetes:\n          rules:\n            - apiGroups: [""]\n              resources: ' +
            '[configmaps]\n              verbs: [get]\n',
        ),
      },
      expect: [
        {
          line: 31,
          column: 9,
          messageId: 'noTarget',
          message: /adds kubernetes access, but spec\.access has no kubernetes/,
        },
      ],
    },
    {
      name: 'Vault paths without spec.access.vault',
      files: {
        [at]: elevate(
          '        vault:\n          paths:\n            - path: kv/data/payments/replay/*\n              ' +
            'capabilities: [read]\n',
        ),
      },
      expect: [{ line: 31, column: 9, messageId: 'noTarget' }],
    },
  ],
});
