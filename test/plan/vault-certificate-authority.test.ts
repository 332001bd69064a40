// A Vault cert auth role embeds the CA certificate org.yaml names, so each side of a plan compiles
// with the CA file of its own revision: switching an identity to cert auth creates the role, a
// changed CA file alone updates every role that embeds it, and a CA file that goes missing is an
// error of the plan (org/certificate-authority-file on org.yaml).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planOf, READER, type Change } from '../rules/plan/harness.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/rules/org/certificate-authority-file/${name}`, import.meta.url), 'utf8');

const ORG = 'identities/org.yaml';
const CA_FILE = 'certificates/factory-ca.pem';
const CERT_ROLE = 'vault:index/certAuthBackendRole:CertAuthBackendRole';

/** examples/acme's org.yaml declares the cert auth mount and the factory CA; its file is the fixture's. */
const declareCa: Change = (f) => {
  f.write(CA_FILE, fixture('factory-ca.pem'));
};

/** settlement-reader logs into Vault with its certificate instead of its service account. */
const readerOnCert: Change = (f) =>
  f.edit(READER, '      auth: kubernetes\n', '      auth: cert\n      cert: { mount: cert, ca: factory-ca }\n');

describe('plan with Vault cert auth', () => {
  it('switching to cert auth creates the cert role in place of the Kubernetes one', async () => {
    const plan = await planOf(readerOnCert, { base: declareCa });
    expect(plan.resources.create.map((r) => [r.type, r.name])).toContainEqual([
      CERT_ROLE,
      'settlement-reader.vault.auth-role',
    ]);
    expect(plan.resources.delete.map((r) => r.type)).toContain('vault:kubernetes/authBackendRole:AuthBackendRole');
    expect(plan.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a new CA file alone updates the certificate of every role that embeds it', async () => {
    const plan = await planOf((f) => f.write(CA_FILE, fixture('other-ca.pem')), {
      base: (f) => {
        declareCa(f);
        readerOnCert(f);
      },
    });
    // press-17, acme's device, logs in under the same CA.
    expect(plan.resources.update).toEqual([
      expect.objectContaining({ type: CERT_ROLE, name: 'press-17.vault.auth-role', inputs: ['certificate'] }),
      expect.objectContaining({ type: CERT_ROLE, name: 'settlement-reader.vault.auth-role', inputs: ['certificate'] }),
    ]);
    expect(plan.resources.create).toEqual([]);
    expect(plan.resources.delete).toEqual([]);
  });

  it('the same certificate with a comment and CRLF line ends is no change to the role', async () => {
    const rewritten = `# factory CA, rotated 2031\n${fixture('factory-ca.pem')}`.replace(/\n/g, '\r\n');
    const plan = await planOf((f) => f.write(CA_FILE, rewritten), {
      base: (f) => {
        declareCa(f);
        readerOnCert(f);
      },
    });
    expect(plan.resources.update).toEqual([]);
  });

  it('a CA file that goes missing is an error on org.yaml', async () => {
    const plan = await planOf((f) => f.remove(CA_FILE), {
      base: (f) => {
        declareCa(f);
        readerOnCert(f);
      },
    });
    expect(
      plan.findings.filter((f) => f.rule === 'org/certificate-authority-file').map((f) => [f.file, f.messageId]),
    ).toEqual([[ORG, 'missing']]);
  });
});
