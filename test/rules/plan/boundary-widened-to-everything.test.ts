import { fake } from '../../secrets/fakes.js';
import { ORG, planTable, type Editable } from './harness.js';

const TAIL =
  "; a boundary is the most a team's identities may ever reach — if this is intended, have a security owner " +
  'approve it, else list only what the team needs';
const PAYMENTS_VAULT = 'vault: { paths: ["kv/data/payments/*", "kv/metadata/payments/*"]';
const org =
  (from: string, to: string) =>
  (f: Editable): void =>
    void f.edit(ORG, from, to);

planTable('plan/boundary-widened-to-everything', 'warning', {
  good: [
    {
      name: 'a Vault path added that is not everything',
      change: org(
        PAYMENTS_VAULT,
        'vault: { paths: ["kv/data/payments/*", "kv/metadata/payments/*", "kv/data/shared/*"]',
      ),
    },
    {
      name: 'a boundary narrowed',
      change: org('namespaces: ["prod-eu/platform", "prod-eu/releases"]', 'namespaces: ["prod-eu/platform"]'),
    },
    {
      name: 'a boundary list added where there was none',
      change: org(
        'vault: { paths: ["kv/data/data/*"] }',
        'vault: { paths: ["kv/data/data/*"], domains: ["data.acme.example"] }',
      ),
    },
    {
      name: 'a new team with narrow boundaries',
      change: org(
        '    data:\n',
        '    risk:\n      members: [dave@acme.example]\n      boundaries:\n        vault: { paths: ' +
          '["kv/data/risk/*"] }\n    data:\n',
      ),
    },
    {
      name: 'another entry beside one that already allowed everything',
      base: org(PAYMENTS_VAULT, 'vault: { paths: ["*"]'),
      change: org('vault: { paths: ["*"]', 'vault: { paths: ["*", "kv/data/shared/*"]'),
    },
    {
      name: 'a list removed that already allowed everything',
      base: org('        aws: { accounts: ["210987654321"] }\n', '        aws: { accounts: ["*"] }\n'),
      change: org('        aws: { accounts: ["*"] }\n', ''),
    },
    {
      name: 'org.yaml changed elsewhere',
      change: org('securityOwners: [dave@acme.example]', 'securityOwners: [dave@acme.example, heidi@acme.example]'),
    },
  ],
  bad: [
    {
      name: 'a Vault path "*" added',
      change: org(PAYMENTS_VAULT, 'vault: { paths: ["kv/data/payments/*", "kv/metadata/payments/*", "*"]'),
      findings: [
        {
          file: ORG,
          line: 24,
          column: 74,
          identity: null,
          messageId: 'widened',
          message: `team payments's Vault paths boundary is widened to every Vault path ("*")${TAIL}`,
        },
      ],
    },
    {
      name: 'a boundary list removed: at the boundaries it was part of',
      change: org('        aws: { accounts: ["123456789012", "210987654321"] }\n', ''),
      findings: [
        {
          file: ORG,
          line: 28,
          column: 7,
          identity: null,
          messageId: 'widened',
          message: `team platform's AWS accounts boundary is removed, so its identities may use any AWS account${TAIL}`,
        },
      ],
    },
    {
      name: 'a Kubernetes namespace widened to a whole cluster',
      change: org('namespaces: ["prod-eu/analytics"]', 'namespaces: ["prod-eu/*"]'),
      findings: [
        {
          file: ORG,
          line: 36,
          column: 36,
          identity: null,
          messageId: 'widened',
          message:
            `team data's Kubernetes namespaces boundary is widened to every namespace of cluster prod-eu ` +
            `("prod-eu/*")${TAIL}`,
        },
      ],
    },
    {
      name: 'two at once, in one team and another',
      change: (f) => {
        org('namespaces: ["prod-eu/platform", "prod-eu/releases"]', 'namespaces: ["prod-eu/platform", "prod-eu/*"]')(f);
        org('        vault: { paths: ["kv/data/data/*"] }\n', '')(f);
      },
      findings: [
        {
          file: ORG,
          line: 30,
          column: 56,
          identity: null,
          messageId: 'widened',
          message:
            `team platform's Kubernetes namespaces boundary is widened to every namespace of cluster prod-eu ` +
            `("prod-eu/*")${TAIL}`,
        },
        {
          file: ORG,
          line: 34,
          column: 7,
          identity: null,
          messageId: 'widened',
          message: `team data's Vault paths boundary is removed, so its identities may use any Vault path${TAIL}`,
        },
      ],
    },
    {
      name: 'a new team whose boundary allows everything',
      change: org(
        '    data:\n',
        '    risk:\n      members: [dave@acme.example]\n      boundaries:\n        vault: { paths: ' +
          '["kv/data/risk/*", "*"] }\n    data:\n',
      ),
      findings: [
        {
          file: ORG,
          line: 35,
          column: 44,
          identity: null,
          messageId: 'widened',
          message: `new team risk's Vault paths boundary allows every Vault path ("*")${TAIL}`,
        },
      ],
    },
    {
      name: 'org.yaml holding a secret: the warning withholds the values',
      change: (f) => {
        org(PAYMENTS_VAULT, 'vault: { paths: ["kv/data/payments/*", "kv/metadata/payments/*", "*"]')(f);
        org(
          'securityOwners: [dave@acme.example]',
          `securityOwners: [dave@acme.example]  # ${fake.github('ghp', 'boundary-plan')}`,
        )(f);
      },
      findings: [
        {
          file: ORG,
          line: 24,
          column: 74,
          identity: null,
          messageId: 'widenedWithheld',
          message:
            `team payments's boundary is widened to everything (values withheld: org.yaml holds a ` + `secret)${TAIL}`,
        },
      ],
    },
  ],
});
