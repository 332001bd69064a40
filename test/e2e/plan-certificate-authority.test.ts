// Vault cert auth's CA through the built CLI on a real git repository: plan reads the CA file of each
// revision from git (not the worktree), so a commit that only replaces the CA file plans an update of
// the cert auth role; validate and plan report a CA file that is gone (org/certificate-authority-file).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { idac, root, STACK_TRACE } from './cli.js';
import { GitRepo } from './git.js';

const NOW = '2026-11-23';
const ORG = 'identities/org.yaml';
const READER = 'identities/payments/settlement-reader.yaml';
const CA_FILE = 'certificates/factory-ca.pem';
const fixture = (name: string): string =>
  readFileSync(join(root, 'test/fixtures/rules/org/certificate-authority-file', name), 'utf8');

interface Json {
  findings: { rule: string; file: string }[];
  resources: Record<'create' | 'update' | 'replace' | 'delete', { type: string; name: string; inputs?: string[] }[]>;
}

let repo: GitRepo;
const sha: Record<'cert' | 'newCa' | 'noCa', string> = { cert: '', newCa: '', noCa: '' };

beforeAll(() => {
  repo = GitRepo.fromFolder(join(root, 'examples/acme'));
  // examples/acme's org.yaml declares the cert auth mount and the factory CA at CA_FILE.
  repo
    .write(CA_FILE, fixture('factory-ca.pem'))
    .edit(READER, '      auth: kubernetes\n', '      auth: cert\n      cert: { mount: cert, ca: factory-ca }\n');
  sha.cert = repo.commit('settlement-reader logs into Vault with its certificate');
  sha.newCa = repo.write(CA_FILE, fixture('other-ca.pem')).commit('new factory CA');
  sha.noCa = repo.remove(CA_FILE).commit('CA file removed');
  // The worktree holds yet another state: plan must read each revision's own CA, not this one.
  repo.write(CA_FILE, 'not a certificate\n');
});

function plan(base: string, head: string): { code: number; json: Json } {
  const r = idac(['plan', '--dir', repo.dir, '--base', base, '--head', head, '--now', NOW, '--format', 'json']);
  expect(r.stderr).not.toMatch(STACK_TRACE);
  if (r.code === 2) throw new Error(r.stderr);
  return { code: r.code, json: JSON.parse(r.stdout) as Json };
}

describe('plan and validate with a Vault CA file', () => {
  it('a commit that only replaces the CA file updates the certificate of the cert auth role', () => {
    const { code, json } = plan(sha.cert, sha.newCa);
    expect(code).toBe(0);
    // press-17, acme's device, logs in under the same CA.
    expect(json.resources.update).toEqual([
      expect.objectContaining({
        type: 'vault:index/certAuthBackendRole:CertAuthBackendRole',
        name: 'press-17.vault.auth-role',
        inputs: ['certificate'],
      }),
      expect.objectContaining({
        type: 'vault:index/certAuthBackendRole:CertAuthBackendRole',
        name: 'settlement-reader.vault.auth-role',
        inputs: ['certificate'],
      }),
    ]);
    expect(json.findings.filter((f) => f.rule === 'org/certificate-authority-file')).toEqual([]);
  });

  it('a commit that removes the CA file is an error of the plan, on org.yaml', () => {
    const { code, json } = plan(sha.newCa, sha.noCa);
    expect(code).toBe(1);
    expect(json.findings.filter((f) => f.rule === 'org/certificate-authority-file').map((f) => f.file)).toEqual([ORG]);
  });

  it('validate reports the worktree CA file that is not a certificate', () => {
    const r = idac(['validate', '--dir', repo.dir, '--now', NOW, '--format', 'json']);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.stdout) as { findings: { rule: string; file: string; message: string }[] }).findings;
    expect(findings.filter((f) => f.rule === 'org/certificate-authority-file')).toEqual([
      expect.objectContaining({ file: ORG, message: expect.stringMatching(/holds no PEM certificate/) as unknown }),
    ]);
  });
});
