import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const vault = (path: string) => `${IDENTITY}    vault:
      auth: kubernetes
      paths:
        - path: ${path}
          capabilities: [read]
`;
const elevated = (text: string, path: string) => `${text}  elevations:
    - reason: INC-1 replay failed settlements
      approvedBy: dave@example.com
      from: 2026-11-23T08:00:00Z
      until: 2026-11-23T16:00:00Z
      access:
        vault:
          paths:
            - path: ${path}
              capabilities: [read, update]
`;
const delivered = (text: string, path: string) =>
  edit(text, '\n  access:\n', `\n  delivery:\n    vaultPath: ${path}\n  access:\n`);
const boundary = (list: string) => edit(ORG, 'paths: ["kv/data/payments/*"]', `paths: [${list}]`);

ruleTable('boundary/vault-path', {
  good: [
    { name: 'a glob below the boundary', files: { [at]: vault('kv/data/payments/app/*') } },
    { name: 'one path below the boundary', files: { [at]: vault('kv/data/payments/x') } },
    { name: 'a segment wildcard below the boundary', files: { [at]: vault('kv/data/payments/+/config') } },
    { name: 'the boundary itself', files: { [at]: vault('kv/data/payments/*') } },
    {
      name: 'elevation and delivery inside',
      files: {
        [at]: delivered(
          elevated(vault('kv/data/payments/app/*'), 'kv/data/payments/replay/*'),
          'kv/data/payments/app/creds',
        ),
      },
    },
    {
      name: 'inside the second of several boundaries',
      files: {
        'identities/org.yaml': boundary('"kv/data/payments/*", "kv/metadata/payments/*"'),
        [at]: vault('kv/metadata/payments/app/*'),
      },
    },
    {
      name: 'no boundaries.vault.paths: no boundary',
      files: { 'identities/org.yaml': edit(ORG, 'paths: ["kv/data/payments/*"], ', ''), [at]: vault('kv/data/*') },
    },
    { name: 'without org.yaml', files: { 'identities/org.yaml': null, [at]: vault('kv/data/*') } },
    {
      name: 'a tombstone is skipped',
      files: {
        [at]: edit(vault('kv/data/*'), '  expires: 2027-05-31\n', '  expires: 2027-05-31\n  status: decommissioned\n'),
      },
    },
  ],
  bad: [
    {
      name: 'a prefix glob that reaches sibling folders',
      files: { [at]: vault('kv/data/pay*') },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'outside',
          message: /Vault path "kv\/data\/pay\*" reaches outside team payments's boundary/,
        },
      ],
    },
    {
      name: 'a sibling that shares the prefix',
      files: { [at]: vault('kv/data/paymentsX') },
      expect: [{ line: 28, column: 17, messageId: 'outside' }],
    },
    {
      name: 'the folder itself (no trailing slash)',
      files: { [at]: vault('kv/data/payments') },
      expect: [{ line: 28, column: 17, messageId: 'outside' }],
    },
    {
      name: 'the folder as a prefix glob',
      files: { [at]: vault('kv/data/payments*') },
      expect: [{ line: 28, column: 17, messageId: 'outside' }],
    },
    {
      name: 'a segment wildcard in place of the team folder',
      files: { [at]: vault('kv/data/+/x') },
      expect: [{ line: 28, column: 17, messageId: 'outside' }],
    },
    {
      name: 'case matters in Vault',
      files: { [at]: vault('kv/data/Payments/x') },
      expect: [{ line: 28, column: 17, messageId: 'outside' }],
    },
    {
      name: 'an elevation outside',
      files: { [at]: elevated(vault('kv/data/payments/app/*'), 'kv/data/risk/*') },
      expect: [{ line: 38, column: 21, messageId: 'outside', message: /"kv\/data\/risk\/\*"/ }],
    },
    {
      name: 'a delivery outside',
      files: { [at]: delivered(vault('kv/data/payments/app/*'), 'kv/data/risk/app') },
      expect: [{ line: 17, column: 16, messageId: 'outside', message: /"kv\/data\/risk\/app"/ }],
    },
    {
      name: 'an exact boundary allows only itself',
      files: { 'identities/org.yaml': boundary('"kv/data/payments/app"'), [at]: vault('kv/data/payments/app/*') },
      expect: [{ line: 28, column: 17, messageId: 'outside' }],
    },
    {
      name: 'an empty list allows nothing',
      files: { 'identities/org.yaml': boundary(''), [at]: vault('kv/data/payments/app') },
      expect: [{ line: 28, column: 17, messageId: 'outside' }],
    },
  ],
});
