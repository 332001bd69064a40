// Property test (THREATS.md §A, issue 3): mutated manifests never make the loader throw, the fast
// and full paths give the same findings, and a secret planted anywhere never appears in any
// output format — not whole, and not as any 12-character stretch of it.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orgModel } from '../../src/model/org.js';
import type { Organization } from '../../src/manifest/organization.generated.js';
import { checkFile } from '../../src/rules/engine.js';
import { ruleById } from '../../src/rules/index.js';
import { renderGithub } from '../../src/render/findings-github.js';
import { renderJson } from '../../src/render/findings-json.js';
import { renderSarif } from '../../src/render/findings-sarif.js';
import { renderText } from '../../src/render/findings-text.js';
import { parseYaml } from '../../src/manifest/parse.js';
import { parseInstant } from '../../src/common/time.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (p: string) => readFileSync(`${root}/examples/acme/identities/${p}`, 'utf8');
const bases = [
  'payments/settlement-reader.yaml',
  'payments/ledger-writer.yaml',
  'platform/ci-deployer.yaml',
  'data/report-exporter.yaml',
].map((p) => ({ path: `identities/${p}`, text: read(p) }));
const org = orgModel(parseYaml(read('org.yaml')).data as Organization);
const now = parseInstant('2026-11-23')!;

// Built at run time from parts, so no credential-shaped literal sits in the repository.
const secrets = [
  'AKIA' + 'Q3EXJ7ZR2WKP5TYN',
  'ghp_' + 'k9Xv2LmQ8rTn4Wz7Yb1Hc6Jd3Fg5Sa0PeUi8',
  '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA' +
    'x7Kp2Lm9Qr4Tn8Wz'.repeat(5) +
    '\n-----END RSA PRIVATE KEY-----',
];

type Mutation = (t: string) => string;
const lines = (t: string) => t.split('\n');
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((k) => (t: string) => {
    const l = lines(t);
    l.splice(k % l.length, 1);
    return l.join('\n');
  }),
  fc
    .tuple(fc.nat(), fc.constantFrom('[x]', '{a: b}', '123', '~', 'yes', '""', '- a', '0o17', '2027-02-30'))
    .map(([k, v]) => (t: string) => {
      const l = lines(t);
      const i = k % l.length;
      l[i] = l[i]!.replace(/: .*$/, `: ${v}`);
      return l.join('\n');
    }),
  fc
    .tuple(
      fc.nat(),
      fc.constantFrom(
        '\u202e',
        '\u200b',
        '\u0000',
        '\t',
        '&a ',
        '*a',
        '!!binary ',
        '%YAML 1.1\n',
        '---\n',
        '"',
        "'",
        '[',
        '{',
        '#',
        ':',
        '- ',
        '\n   ',
        'é',
        '\\',
        '<<: ',
      ),
    )
    .map(([k, c]) => (t: string) => {
      const i = k % (t.length + 1);
      return t.slice(0, i) + c + t.slice(i);
    }),
  fc.nat().map((k) => (t: string) => t.slice(0, k % (t.length + 1))),
);
const plant = fc
  .tuple(fc.nat(secrets.length - 1), fc.nat(), fc.constantFrom('value', 'comment', 'key', 'raw'))
  .map(([s, k, where]) => ({ secret: secrets[s]!, k, where }));

function planted(text: string, p: { secret: string; k: number; where: string }): string {
  const l = lines(text);
  const i = p.k % l.length;
  const oneLine = p.secret.includes('\n') ? JSON.stringify(p.secret) : p.secret;
  if (p.where === 'comment') l.splice(i, 0, `# ${oneLine}`);
  else if (p.where === 'key') l.splice(i, 0, `  ${p.secret.includes('\n') ? JSON.stringify(p.secret) : p.secret}: x`);
  else if (p.where === 'value') l.splice(i, 0, `  token: ${oneLine}`);
  else return text.slice(0, p.k % (text.length + 1)) + p.secret + text.slice(p.k % (text.length + 1));
  return l.join('\n');
}

function leaks(out: string, secret: string): boolean {
  for (const part of secret.split('\n')) {
    for (let i = 0; i + 12 <= part.length; i++) if (out.includes(part.slice(i, i + 12))) return true;
  }
  return false;
}

describe('loader under mutation', () => {
  it('never throws, fast ≡ full, and never shows a planted secret (2,000 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(bases.length - 1),
        fc.array(mutation, { maxLength: 3 }),
        fc.option(plant, { nil: undefined }),
        async (b, muts, p) => {
          const base = bases[b]!;
          let text = muts.reduce((t, m) => m(t), base.text);
          if (p) text = planted(text, p);
          const bytes = new TextEncoder().encode(text);
          const full = await checkFile(base.path, bytes, 'MachineIdentity', { org, now, fast: false });
          const fast = await checkFile(base.path, bytes, 'MachineIdentity', { org, now, fast: true });
          expect(fast.findings).toEqual(full.findings);
          const report = { identities: 1, findings: full.findings };
          const outputs = [
            renderJson(report, { docs: () => 'https://example.com/docs' }),
            renderText(report, { color: false, meta: (id) => ruleById.get(id)?.meta }),
            renderGithub(report, { gitPrefix: 'sub/' }),
            renderSarif(
              report,
              { version: 'test', informationUri: 'https://example.com' },
              { docs: () => 'https://example.com/docs', gitPrefix: 'sub/' },
            ),
          ];
          if (p) {
            expect(full.findings.some((f) => f.rule.startsWith('secret/'))).toBe(true);
            for (const out of outputs) expect(leaks(out, p.secret), out).toBe(false);
          }
        },
      ),
      { numRuns: 2000, seed: 20261123 },
    );
  }, 300_000);
});
