import { IDENTITY, ORG, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';

ruleTable('org/missing', {
  good: [
    { name: 'org.yaml present', files: { 'identities/org.yaml': ORG, [at]: IDENTITY } },
    {
      name: 'org.yaml present but broken: its own findings say why, not this rule',
      files: { 'identities/org.yaml': 'apiVersion: idac/v1\n', [at]: IDENTITY },
    },
    { name: 'org.yaml present but empty', files: { 'identities/org.yaml': '', [at]: IDENTITY } },
  ],
  bad: [
    {
      name: 'no identities/org.yaml: reported at identities/org.yaml:1:1',
      files: { 'identities/org.yaml': null, [at]: IDENTITY },
      expect: [
        {
          file: 'identities/org.yaml',
          line: 1,
          column: 1,
          messageId: 'missing',
          message: /^identities\/org\.yaml is missing: teams, members, boundaries and limits cannot be checked$/,
        },
      ],
    },
    {
      name: 'org.yml instead of org.yaml',
      files: { 'identities/org.yaml': null, 'identities/org.yml': ORG, [at]: IDENTITY },
      expect: [
        {
          file: 'identities/org.yaml',
          line: 1,
          column: 1,
          messageId: 'missing',
          message: /; found identities\/org\.yml: rename it to identities\/org\.yaml$/,
        },
      ],
    },
  ],
});
