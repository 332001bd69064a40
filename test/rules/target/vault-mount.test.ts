import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const vault = (path: string) => `${IDENTITY}    vault:
      auth: kubernetes
      paths:
        - path: ${path}
          capabilities: [read]
`;
const certs = (mount: string) => `${IDENTITY}    vault:
      auth: kubernetes
      certificates:
        - mount: ${mount}
          commonNames: [app.payments.svc.cluster.local]
          ttl: 72h
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
              capabilities: [read]
`;
const delivered = (text: string, path: string) =>
  edit(text, '\n  access:\n', `\n  delivery:\n    vaultPath: ${path}\n  access:\n`);
const mounts = (list: string) => edit(ORG, 'mounts: { kv: kv-v2, pki: pki }', `mounts: { ${list} }`);
const noTargets = edit(ORG, ORG.slice(ORG.indexOf('  targets:\n'), ORG.indexOf('  limits:\n')), '');

ruleTable('target/vault-mount', {
  good: [
    {
      name: 'paths, elevation and delivery on a declared mount',
      files: {
        [at]: delivered(
          elevated(vault('kv/data/payments/app/*'), 'kv/data/payments/replay/*'),
          'kv/data/payments/app/creds',
        ),
      },
    },
    {
      name: 'a mount name with a slash',
      files: {
        'identities/org.yaml': mounts('kv: kv-v2, pki: pki, secret/payments: kv'),
        [at]: vault('secret/payments/app'),
      },
    },
    { name: 'a certificate from a pki mount', files: { [at]: certs('pki') } },
    {
      name: "Vault's own paths (sys/, auth/, identity/, cubbyhole/) are not declared mounts",
      files: { [at]: vault('auth/token/lookup-self') },
    },
    { name: 'sys/ is judged by the vault/* rules, not as a mount', files: { [at]: vault('sys/leases/renew') } },
    {
      name: 'a nested pki mount',
      files: { 'identities/org.yaml': mounts('kv: kv-v2, pki/devices: pki'), [at]: certs('pki/devices') },
    },
    { name: 'without org.yaml', files: { 'identities/org.yaml': null, [at]: vault('secret/app') } },
    {
      name: 'a tombstone is skipped',
      files: {
        [at]: edit(vault('secret/app'), '  expires: 2027-05-31\n', '  expires: 2027-05-31\n  status: decommissioned\n'),
      },
    },
  ],
  bad: [
    {
      name: 'an undeclared mount',
      files: { [at]: vault('secret/data/app') },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'undeclaredPath',
          message: /Vault path "secret\/data\/app" is not under a mount declared in org.yaml targets.vault.mounts/,
        },
      ],
    },
    {
      name: 'a name that only starts like a mount',
      files: { [at]: vault('kvx/data/app') },
      expect: [{ line: 28, column: 17, messageId: 'undeclaredPath' }],
    },
    {
      name: 'a glob reaching across mounts',
      files: { [at]: vault('kv*') },
      expect: [{ line: 28, column: 17, messageId: 'undeclaredPath' }],
    },
    {
      name: 'a segment wildcard as the mount',
      files: { [at]: vault('+/data/app') },
      expect: [{ line: 28, column: 17, messageId: 'undeclaredPath' }],
    },
    {
      name: 'the longest mount must be declared as a whole',
      files: { 'identities/org.yaml': mounts('kv: kv-v2, secret/payments: kv'), [at]: vault('secret/risk/app') },
      expect: [{ line: 28, column: 17, messageId: 'undeclaredPath' }],
    },
    {
      name: 'an elevation on an undeclared mount',
      files: { [at]: elevated(vault('kv/data/payments/app/*'), 'secret/app') },
      expect: [{ line: 38, column: 21, messageId: 'undeclaredPath', message: /"secret\/app"/ }],
    },
    {
      name: 'a delivery on an undeclared mount',
      files: { [at]: delivered(IDENTITY, 'secret/app') },
      expect: [{ line: 17, column: 16, messageId: 'undeclaredPath', message: /"secret\/app"/ }],
    },
    {
      name: 'no targets at all',
      files: { 'identities/org.yaml': noTargets, [at]: vault('kv/data/payments/app') },
      expect: [{ line: 28, column: 17, messageId: 'undeclaredPath' }],
    },
    {
      name: 'an undeclared certificate mount',
      files: { [at]: certs('pki-int') },
      expect: [
        { line: 28, column: 18, messageId: 'undeclaredMount', message: /certificate mount "pki-int" is not declared/ },
      ],
    },
    {
      name: 'a certificate mount of another type',
      files: { [at]: certs('kv') },
      expect: [
        { line: 28, column: 18, messageId: 'notPki', message: /certificate mount "kv" is of type kv-v2, not pki/ },
      ],
    },
  ],
});
