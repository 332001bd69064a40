import { edit, ruleTable } from '../harness.js';
import { named, p, r, tombstone, toRisk } from './fixture.js';

const delivered = (text: string, delivery: string) =>
  edit(text, '  access:\n', `  rotation:\n    period: 30d\n  delivery:\n${delivery}  access:\n`);
/** An AppRole identity whose secret-id idac writes to kv/data/payments/<name>/secret-id. */
const keeper = (name: string) =>
  delivered(
    `${named(name)}    vault:
      auth: approle
      paths:
        - path: kv/data/payments/${name}/config
          capabilities: [read]
`,
    `    vaultPath: kv/data/payments/${name}/secret-id\n`,
  );
/** Access keys delivered as the Kubernetes secret prod-eu/payments/<name>-keys. */
const keyHolder = (name: string) =>
  delivered(
    `${edit(named(name), 'principal: role', 'principal: user')}    kubernetes:
      cluster: prod-eu
      namespace: payments
`,
    `    kubernetesSecret: { namespace: payments, name: ${name}-keys }\n`,
  );
const vaultReader = (name: string, path: string, caps = 'read') => `${named(name)}    vault:
      auth: kubernetes
      paths:
        - path: ${path}
          capabilities: [${caps}]
`;
const secretReader = (name: string, verbs: string, names?: string) => `${named(name)}    kubernetes:
      cluster: prod-eu
      namespace: payments
      rules:
        - apiGroups: [""]
          resources: [secrets]
${names ? `          resourceNames: [${names}]\n` : ''}          verbs: [${verbs}]
`;
const elevated = (text: string, from: string, until: string) => `${text}  elevations:
    - reason: INC-4711 debug a stuck job
      approvedBy: sec@example.com
      from: ${from}
      until: ${until}
      access:
        vault:
          paths:
            - path: kv/data/payments/keeper/*
              capabilities: [read]
`;

ruleTable('reuse/delivered-credential-readable', {
  good: [
    {
      name: 'an identity reading its own delivered secret-id',
      files: { [p('keeper')]: edit(keeper('keeper'), 'kv/data/payments/keeper/config', 'kv/data/payments/keeper/*') },
    },
    {
      name: 'a reader of a sibling path',
      files: { [p('keeper')]: keeper('keeper'), [p('reader')]: vaultReader('reader', 'kv/data/payments/reader/*') },
    },
    {
      name: 'list shows names, not values',
      files: { [p('keeper')]: keeper('keeper'), [p('reader')]: vaultReader('reader', 'kv/data/payments/*', 'list') },
    },
    {
      name: 'a deny on the same path wins',
      files: {
        [p('keeper')]: keeper('keeper'),
        [p('reader')]:
          `${vaultReader('reader', 'kv/data/payments/*')}        - path: kv/data/payments/*\n          ` +
          `capabilities: [deny]\n`,
      },
    },
    {
      name: 'an elevation that is not active now',
      files: {
        [p('keeper')]: keeper('keeper'),
        [p('reader')]: elevated(
          vaultReader('reader', 'kv/data/payments/reader/*'),
          '2026-11-24T08:00:00Z',
          '2026-11-24T12:00:00Z',
        ),
      },
    },
    {
      name: 'a revoked (decommissioned) credential',
      files: {
        [p('keeper')]: tombstone(keeper('keeper')),
        [r('auditor')]: toRisk(vaultReader('auditor', 'kv/data/payments/*')),
      },
    },
    {
      name: 'secrets named in resourceNames that are not the delivered one',
      files: { [p('holder')]: keyHolder('holder'), [p('reader')]: secretReader('reader', 'get', 'reader-config') },
    },
    {
      name: 'secrets in another namespace',
      files: {
        [p('holder')]: keyHolder('holder'),
        [p('reader')]: edit(secretReader('reader', 'get'), '      namespace: payments\n', '      namespace: risk\n'),
      },
    },
  ],
  bad: [
    {
      name: 'a team-wide read from another team folder',
      files: { [p('keeper')]: keeper('keeper'), [r('auditor')]: toRisk(vaultReader('auditor', 'kv/data/payments/*')) },
      expect: [
        {
          file: r('auditor'),
          line: 28,
          column: 17,
          messageId: 'readsOne',
          message: new RegExp(
            String.raw`^read on Vault path "kv\/data\/payments\/\*" reaches the credential of ` +
              String.raw`"identities\/payments\/keeper\.yaml" \(delivered to ` +
              String.raw`"kv\/data\/payments\/keeper\/secret-id"\); only the identity a credential belongs to ` +
              String.raw`may read it$`,
          ),
        },
      ],
    },
    {
      name: 'a + segment',
      files: { [p('keeper')]: keeper('keeper'), [p('reader')]: vaultReader('reader', 'kv/data/+/keeper/secret-id') },
      expect: [{ file: p('reader'), line: 28, column: 17, messageId: 'readsOne' }],
    },
    {
      name: "a prefix glob over-matching into another identity's folder",
      files: {
        [p('keeper')]: keeper('keeper'),
        [p('keeper-two')]: vaultReader('keeper-two', 'kv/data/payments/keeper*'),
      },
      expect: [
        {
          file: p('keeper-two'),
          line: 28,
          column: 17,
          messageId: 'readsOne',
          message: /"identities\/payments\/keeper\.yaml"/,
        },
      ],
    },
    {
      name: "two AppRoles sharing each other's secret-ids, and a third reader",
      files: {
        [p('keeper')]: edit(keeper('keeper'), 'kv/data/payments/keeper/config', 'kv/data/payments/*'),
        [p('keeper-two')]: edit(keeper('keeper-two'), 'kv/data/payments/keeper-two/config', 'kv/data/payments/*'),
        [r('auditor')]: toRisk(vaultReader('auditor', 'kv/data/payments/*')),
      },
      expect: [
        {
          file: p('keeper-two'),
          line: 32,
          column: 17,
          messageId: 'readsOne',
          message: /the credential of "identities\/payments\/keeper\.yaml"/,
        },
        {
          file: p('keeper'),
          line: 32,
          column: 17,
          messageId: 'readsOne',
          message: /the credential of "identities\/payments\/keeper-two\.yaml"/,
        },
        {
          file: r('auditor'),
          line: 28,
          column: 17,
          messageId: 'readsMany',
          message: new RegExp(
            String.raw`the credentials of "identities\/payments\/keeper-two\.yaml", ` +
              String.raw`"identities\/payments\/keeper\.yaml" \(delivered to ` +
              String.raw`"kv\/data\/payments\/keeper-two\/secret-id", …\)`,
          ),
        },
      ],
    },
    {
      name: 'an active elevation',
      files: {
        [p('keeper')]: keeper('keeper'),
        [p('reader')]: elevated(
          vaultReader('reader', 'kv/data/payments/reader/*'),
          '2026-11-22T20:00:00Z',
          '2026-11-23T04:00:00Z',
        ),
      },
      expect: [{ file: p('reader'), line: 38, column: 21, messageId: 'readsOne' }],
    },
    {
      name: 'listing the secrets of the namespace a key is delivered to',
      files: { [p('holder')]: keyHolder('holder'), [r('spy')]: toRisk(secretReader('spy', 'list')) },
      expect: [
        {
          file: r('spy'),
          line: 31,
          column: 19,
          messageId: 'readsOne',
          message: new RegExp(
            String.raw`^reading secrets in "prod-eu\/payments" reaches the credential of ` +
              String.raw`"identities\/payments\/holder\.yaml" \(delivered to "prod-eu\/payments\/holder-keys"\)`,
          ),
        },
      ],
    },
    {
      name: 'get on the delivered secret by name, reported once for two verbs',
      files: {
        [p('holder')]: keyHolder('holder'),
        [p('reader')]: secretReader('reader', 'get, watch', 'reader-config, holder-keys'),
      },
      expect: [
        { file: p('reader'), line: 32, column: 19, messageId: 'readsOne' },
        { file: p('reader'), line: 32, column: 24, messageId: 'readsOne' },
      ],
    },
  ],
});
