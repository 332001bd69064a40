import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  certificateAuthorityPems,
  pemCertificates,
  readCertificateAuthorities,
} from '../../../src/check/certificate-authorities.js';
import { MemorySource } from '../../../src/manifest/memory-source.js';
import type { Organization } from '../../../src/manifest/organization.generated.js';
import { edit, IDENTITY, ORG, ruleTable, run } from '../harness.js';
import { at, orgFile } from './fixture.js';

/** A real self-signed CA certificate (openssl, P-256), public by nature. */
const CA = readFileSync(
  new URL('../../fixtures/rules/org/certificate-authority-file/factory-ca.pem', import.meta.url),
  'utf8',
);
// Built at run time so no scanner mistakes the fixture for a leaked key; only the armour matters here.
const ARMOUR = ['PRIVATE', 'KEY'].join(' ');
const KEY = `-----BEGIN ${ARMOUR}-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49\n-----END ${ARMOUR}-----\n`;

/** ORG with targets.vault.certificateAuthorities (name → path); the first entry's value is on line 22, column 21. */
const withCas = (cas: Record<string, string>): string =>
  edit(
    ORG,
    '      mounts: { kv: kv-v2, pki: pki }\n',
    `      mounts: { kv: kv-v2, pki: pki }\n      certificateAuthorities:\n${Object.entries(cas)
      .map(([k, v]) => `        ${k}: ${v}\n`)
      .join('')}`,
  );

const ORG_ONE = withCas({ 'factory-ca': 'pki/factory-ca.pem' });

ruleTable('org/certificate-authority-file', {
  good: [
    { name: 'a CA certificate in the repository', files: { [orgFile]: ORG_ONE, 'pki/factory-ca.pem': CA } },
    {
      name: 'a bundle of two, with text around them',
      files: { [orgFile]: ORG_ONE, 'pki/factory-ca.pem': `factory CA, 2026\n${CA}\n# old root\n${CA}` },
    },
    {
      name: './ in front is the same path',
      files: { [orgFile]: withCas({ 'factory-ca': './pki/factory-ca.pem' }), 'pki/factory-ca.pem': CA },
    },
    { name: 'no certificate authorities declared', files: { [orgFile]: ORG } },
    {
      name: 'valid through its last day',
      files: { [orgFile]: ORG_ONE, 'pki/factory-ca.pem': CA },
      now: '2126-11-09T07:48:48Z',
    },
  ],
  bad: [
    {
      name: 'the file is missing',
      files: { [orgFile]: ORG_ONE },
      expect: [
        {
          file: orgFile,
          line: 22,
          column: 21,
          messageId: 'missing',
          message: /"factory-ca": "pki\/factory-ca.pem" does not/,
        },
      ],
    },
    {
      name: 'the path climbs out of the repository',
      files: { [orgFile]: withCas({ 'factory-ca': '../ca.pem' }), '../ca.pem': CA },
      expect: [{ file: orgFile, line: 22, column: 21, messageId: 'outside' }],
    },
    {
      // An absolute path is already a schema error; `..` in the middle passes the schema.
      name: 'a path that climbs out in the middle',
      files: { [orgFile]: withCas({ 'factory-ca': 'pki/../../ca.pem' }) },
      expect: [{ file: orgFile, line: 22, column: 21, messageId: 'outside' }],
    },
    {
      name: 'not a certificate',
      files: { [orgFile]: ORG_ONE, 'pki/factory-ca.pem': 'factory CA: ask the plant team\n' },
      expect: [{ file: orgFile, line: 22, column: 21, messageId: 'notPem' }],
    },
    {
      name: 'a certificate block that does not parse',
      files: {
        [orgFile]: ORG_ONE,
        'pki/factory-ca.pem': '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n',
      },
      expect: [{ file: orgFile, line: 22, column: 21, messageId: 'notPem' }],
    },
    {
      name: 'the CA with its private key',
      files: { [orgFile]: ORG_ONE, 'pki/factory-ca.pem': `${CA}${KEY}` },
      expect: [{ file: orgFile, line: 22, column: 21, messageId: 'privateKey', message: /holds a private key/ }],
    },
    {
      // The fixture CA is valid until 2126-11-09.
      name: 'every certificate of the CA has expired',
      files: { [orgFile]: ORG_ONE, 'pki/factory-ca.pem': CA },
      now: '2127-01-01',
      expect: [{ file: orgFile, line: 22, column: 21, messageId: 'expired', message: /the last on 2126-11-09T/ }],
    },
    {
      name: 'each bad CA on its own line, the good one silent',
      files: {
        [orgFile]: withCas({ 'a-ca': 'pki/a.pem', 'b-ca': 'pki/b.pem', 'c-ca': 'pki/c.pem' }),
        'pki/b.pem': CA,
        'pki/c.pem': 'x',
      },
      expect: [
        { file: orgFile, line: 22, column: 15, messageId: 'missing' },
        { file: orgFile, line: 24, column: 15, messageId: 'notPem' },
      ],
    },
  ],
});

describe('when org/certificate-authority-file speaks', () => {
  it('a run over one identity file says nothing of org.yaml', async () => {
    const { validate } = await import('../../../src/check/validate.js');
    const { parseInstant } = await import('../../../src/common/time.js');
    const source = new MemorySource({ [orgFile]: ORG_ONE, [at]: IDENTITY });
    const result = await validate(source, { paths: [at], now: parseInstant('2026-11-23')! });
    expect(result.ok && result.value.findings.filter((f) => f.rule === 'org/certificate-authority-file')).toEqual([]);
  });

  it('a whole-folder run does', async () => {
    const findings = await run({ files: { [orgFile]: ORG_ONE, [at]: IDENTITY } });
    expect(findings.filter((f) => f.rule === 'org/certificate-authority-file').map((f) => f.messageId)).toEqual([
      'missing',
    ]);
  });

  it('a private key is never echoed', async () => {
    const findings = await run({ files: { [orgFile]: ORG_ONE, 'pki/factory-ca.pem': `${CA}${KEY}` } });
    expect(JSON.stringify(findings)).not.toContain('MIGHAgEAMBMGByqGSM49');
  });
});

describe('readCertificateAuthorities (the edge compile reads CAs through)', () => {
  const org = (cas: Record<string, string>): Organization =>
    ({ spec: { teams: {}, targets: { vault: { certificateAuthorities: cas } } } }) as unknown as Organization;

  it('reads relative to the repository of org.yaml, sorted by name; compile gets only the usable ones', async () => {
    const source = new MemorySource({ 'repo/pki/ca.pem': `note\n${CA}`, 'repo/identities/org.yaml': '' });
    const read = await readCertificateAuthorities(
      source,
      org({ z: 'pki/ca.pem', a: 'pki/none.pem' }),
      'repo/identities/org.yaml',
    );
    expect([...read.keys()]).toEqual(['a', 'z']);
    expect(read.get('a')).toEqual({ ok: false, file: 'repo/pki/none.pem', problem: 'missing' });
    const pems = certificateAuthorityPems(read);
    expect([...pems.keys()]).toEqual(['z']);
    expect(pems.get('z')).toBe(CA);
  });

  it('nothing declared, or no org: nothing read', async () => {
    const source = new MemorySource({});
    expect((await readCertificateAuthorities(source, null)).size).toBe(0);
    expect((await readCertificateAuthorities(source, org({}))).size).toBe(0);
  });

  const NOT_AFTER = Date.parse('2126-11-09T07:48:48Z');
  it.each([
    ['only certificates reach Vault', `# c\n${CA}`, { pem: CA, notAfter: NOT_AFTER }],
    ['CRLF line ends become LF', CA.replace(/\n/g, '\r\n'), { pem: CA, notAfter: NOT_AFTER }],
    ['an empty file', '', { problem: 'not-pem' }],
    ['a key with the certificate', `${KEY}${CA}`, { problem: 'private-key' }],
  ])('pemCertificates: %s', (_, text, want) => {
    expect(pemCertificates(text)).toEqual(want);
  });
});
