// How an identity logs in, for the report's federated-against-static counts: static wins over
// anything federated; federated only when someone is trusted to become it; else neither.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import { loginOf } from '../../src/features/report/inventory.js';
import { edit, IDENTITY } from '../rules/harness.js';

const K8S_TRUST = '      trust:\n        kubernetes: { cluster: prod-eu, namespace: payments, serviceAccount: app }\n';
const VAULT = (auth: string) =>
  `    vault:\n${auth}      paths:\n        - path: kv/data/app/*\n          capabilities: [read]\n`;
const id = (text: string) => parse(text) as MachineIdentity;

const rows: [string, string, ReturnType<typeof loginOf>][] = [
  ['a role trusted by a service account', IDENTITY, 'federated'],
  ['a role nobody is trusted to assume', edit(IDENTITY, K8S_TRUST, ''), 'none'],
  ['static keys', edit(IDENTITY, 'principal: role\n' + K8S_TRUST, 'principal: user\n'), 'static'],
  [
    'a role trusted by GitLab',
    edit(
      IDENTITY,
      K8S_TRUST,
      '      trust:\n        oidc: { provider: gitlab, audience: a, subject: "project_path:a/b:ref:main" }\n',
    ),
    'federated',
  ],
  ['a trusted role that also holds an AppRole secret-id', IDENTITY + VAULT('      auth: approle\n'), 'static'],
  [
    'Vault JWT login only',
    edit(IDENTITY, K8S_TRUST, '') +
      VAULT('      auth: jwt\n      jwt: { mount: jwt, audience: v, claims: { project_path: a/b, ref: main } }\n'),
    'federated',
  ],
  [
    'suspended: counted as declared',
    edit(IDENTITY, '  expires: 2027-05-31\n', '  expires: 2027-05-31\n  status: suspended\n'),
    'federated',
  ],
];

describe('loginOf', () => {
  it.each(rows)('%s', (_, text, login) => {
    expect(loginOf(id(text))).toBe(login);
  });
});
