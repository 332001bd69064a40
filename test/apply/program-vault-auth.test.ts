// The real Pulumi program under mocks for the Vault auth roles of issue 17 (jwt, aws, cert): each
// registers as its own SDK class, on the Vault provider, with exactly the compiled inputs; the CA
// certificate reaches the cert role as compiled, and no auth method leaves a secret-id behind.
// auth: aws has no real-server test (OpenBao ships no AWS auth method), so this is where its
// resource is checked end to end.

import { describe, expect, it } from 'vitest';
import { stacksFor } from '../../src/apply/stacks.js';
import { compileIdentity } from '../../src/compile/index.js';
import type { DesiredResource } from '../../src/compile/types.js';
import { messageOf } from '../../src/common/result.js';
import { ACME_ORG, at } from '../compile/aws-fixture.js';
import { vaultIdentity } from '../compile/vault-fixture.js';
import { runProgram, unwrapSecrets } from './mocks.js';

const NOW = '2026-06-01T00:00:00Z';
const PEM = '-----BEGIN CERTIFICATE-----\nMIIBgjCCASegAwIBAgIU\n-----END CERTIFICATE-----\n';

const IDENTITIES = [
  vaultIdentity('ledger-ci', {
    auth: 'jwt',
    jwt: {
      mount: 'jwt-gitlab',
      audience: 'https://vault.example.com',
      claims: { project_path: 'acme/ledger', ref: ['main', 'release-*'] },
    },
  }),
  vaultIdentity('ledger-worker', { auth: 'aws', aws: { mount: 'aws' } }),
  vaultIdentity('press-17', {
    auth: 'cert',
    cert: { mount: 'cert', ca: 'factory-ca' },
    certificates: [{ mount: 'pki', commonNames: ['press-17.payments.svc.cluster.local'], ttl: '72h' }],
  }),
];

describe('Pulumi program: Vault jwt, aws and cert auth roles', () => {
  it('registers each auth role as its SDK class with exactly the compiled inputs, on the Vault provider', async () => {
    const ctx = { ...at(NOW), certificateAuthorities: new Map([['factory-ca', PEM]]) };
    const desired: DesiredResource[] = IDENTITIES.flatMap((d) => compileIdentity(d, ctx));
    const stacks = stacksFor(desired, ['payments'], ACME_ORG);
    if (!stacks.ok) throw new Error(messageOf(stacks));
    const run = await runProgram(stacks.value[0]!);
    const vault = run.registrations.filter((r) => r.name.includes('.vault.'));
    expect(vault.map((r) => r.name).sort()).toEqual(
      desired
        .filter((d) => d.provider === 'vault')
        .map((d) => d.name)
        .sort(),
    );

    const auth = vault.filter((r) => r.name.endsWith('.vault.auth-role')).sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(auth.map((r) => [r.name, r.type, r.provider])).toEqual([
      ['ledger-ci.vault.auth-role', 'vault:jwt/authBackendRole:AuthBackendRole', 'vault'],
      ['ledger-worker.vault.auth-role', 'vault:aws/authBackendRole:AuthBackendRole', 'vault'],
      ['press-17.vault.auth-role', 'vault:index/certAuthBackendRole:CertAuthBackendRole', 'vault'],
    ]);
    for (const r of auth) {
      const d = desired.find((x) => x.name === r.name)!;
      expect(unwrapSecrets(r.inputs), r.name).toEqual(d.inputs);
    }
    expect(auth.map((r) => r.inputs)).toEqual([
      expect.objectContaining({
        boundClaims: { project_path: 'acme/ledger', ref: 'main,release-*' },
        boundClaimsType: 'glob',
        boundAudiences: ['https://vault.example.com'],
      }),
      expect.objectContaining({
        authType: 'iam',
        boundIamPrincipalArns: ['arn:aws:iam::123456789012:role/idac/payments/ledger-worker'],
      }),
      expect.objectContaining({ certificate: PEM, allowedCommonNames: ['press-17.payments.svc.cluster.local'] }),
    ]);
    // Federation: nothing static to generate, rotate or deliver.
    expect(run.registrations.some((r) => r.type.startsWith('vault:appRole/'))).toBe(false);
    expect(run.registrations.some((r) => r.type === 'vault:kv/secretV2:SecretV2')).toBe(false);
  });
});
