// Shared fixtures for the trust and auth rules of issue 17: an org.yaml declaring every federation
// target (an EKS cluster, a GitLab OIDC provider, a trust anchor, trusted accounts, Vault auth mounts
// and a CA), and the harness identity with its trust block or Vault access replaced.

import { edit, IDENTITY, ORG } from './harness.js';
import { K8S_TRUST } from './aws/fixture.js';

export { at } from './aws/fixture.js';

const PROVIDERS_LINE =
  '"123456789012": { region: eu-west-1, oidcProviders: { prod-eu: oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE } }\n';

export const FED_ORG = edit(
  edit(
    edit(
      ORG,
      PROVIDERS_LINE,
      '"123456789012":\n' +
        '        region: eu-west-1\n' +
        '        oidcProviders:\n' +
        '          prod-eu: oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE\n' +
        '          gitlab: gitlab.example.com\n' +
        '        trustAnchors: { factory-ca: "arn:aws:rolesanywhere:eu-west-1:123456789012:trust-anchor/abc-123" }\n' +
        '      "444455556666": { region: eu-west-1 }\n',
    ),
    '      prod-eu: {}\n',
    '      prod-eu: { eks: { account: "123456789012", region: eu-west-1, name: prod-eu-1 } }\n' + '      onprem: {}\n',
  ),
  '      mounts: { kv: kv-v2, pki: pki }\n',
  '      mounts: { kv: kv-v2, pki: pki }\n' +
    '      auth: { jwt-gitlab: jwt, aws: aws, cert: cert, kubernetes: kubernetes }\n' +
    '      certificateAuthorities: { factory-ca: ca/factory.pem }\n' +
    '  trustedAccounts:\n' +
    '    "210987654321": { name: partner, thirdParty: true }\n' +
    '    "777788889999": { name: acme-legacy }\n',
);

/** The harness identity with its trust (line 21 onward, 8 spaces in) replaced by these lines. */
export const trusting = (...lines: string[]): string =>
  edit(IDENTITY, K8S_TRUST, lines.map((l) => `        ${l}\n`).join(''));

/**
 * The harness identity with a Vault block appended: `vault:` on line 25, the given lines from 26
 * (6 spaces in), then one readable path.
 */
export const vaulting = (...lines: string[]): string =>
  `${IDENTITY}    vault:\n${lines.map((l) => `      ${l}\n`).join('')}      paths:\n` +
  '        - path: kv/data/payments/app/*\n          capabilities: [read]\n';

/** Every row of a table with FED_ORG as its org.yaml. */
export const fed = (file: string): Record<string, string> => ({
  'identities/org.yaml': FED_ORG,
  'identities/payments/app.yaml': file,
});
