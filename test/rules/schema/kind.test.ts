import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';

ruleTable('schema/kind', {
  good: [
    {
      name: 'MachineIdentity in a team folder, Organization in org.yaml',
      files: { 'identities/org.yaml': ORG, [at]: IDENTITY },
    },
  ],
  bad: [
    {
      name: 'kind: Organization in a team folder',
      files: { [at]: edit(IDENTITY, 'kind: MachineIdentity', 'kind: Organization') },
      expect: [
        {
          line: 2,
          column: 7,
          messageId: 'organizationElsewhere',
          message: /^kind: Organization belongs in identities\/org\.yaml only/,
        },
      ],
    },
    {
      name: 'kind: MachineIdentity in org.yaml',
      files: { 'identities/org.yaml': IDENTITY },
      expect: [
        {
          file: 'identities/org.yaml',
          line: 2,
          column: 7,
          messageId: 'identityInOrgFile',
          message: /^identities\/org\.yaml must hold kind: Organization/,
        },
      ],
    },
    {
      name: 'no kind: at the document root',
      files: { [at]: edit(IDENTITY, 'kind: MachineIdentity\n', '') },
      expect: [
        {
          line: 1,
          column: 1,
          messageId: 'missingKind',
          message: /^the document is missing the required key "kind" \(MachineIdentity\)$/,
        },
      ],
    },
    {
      name: 'no kind in org.yaml',
      files: { 'identities/org.yaml': edit(ORG, 'kind: Organization\n', '') },
      expect: [
        {
          file: 'identities/org.yaml',
          line: 1,
          column: 1,
          messageId: 'missingKind',
          message: /"kind" \(Organization\)/,
        },
      ],
    },
    {
      name: 'kind in the wrong case',
      files: { [at]: edit(IDENTITY, 'kind: MachineIdentity', 'kind: machineidentity') },
      expect: [
        { line: 2, column: 7, messageId: 'wrongCase', message: /^kind must be written exactly MachineIdentity$/ },
      ],
    },
    {
      name: 'an unknown kind',
      files: { [at]: edit(IDENTITY, 'kind: MachineIdentity', 'kind: Workload') },
      expect: [
        {
          line: 2,
          column: 7,
          messageId: 'wrongKind',
          message: /^kind must be MachineIdentity in a team folder \(one identity per file\), not "Workload"$/,
        },
      ],
    },
    {
      name: 'kind is a list',
      files: { [at]: edit(IDENTITY, 'kind: MachineIdentity', 'kind: [MachineIdentity]') },
      expect: [{ line: 2, column: 7, messageId: 'wrongKind', message: /not a value of another type/ }],
    },
  ],
});
