// The README shows a newcomer real files and real commands: its example org.yaml and manifest are
// examples/acme's (only the `$schema` line differs: the README's is for an identity repository
// holding a copy of schema/) and validate clean, and every example command run on the bundled
// examples runs (exit 0, or 1 for findings), through the built CLI.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { idac, repo, root, STACK_TRACE } from './cli.js';
import { ACME_CA } from './acme.js';

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = (lang: string) =>
  [...readme.matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((m) => m[1]!);
const withoutFirstLine = (text: string) => text.slice(text.indexOf('\n') + 1);

describe('README: the complete example', () => {
  const example = (schema: string) => {
    const found = blocks('yaml').filter((b) => b.startsWith(`# yaml-language-server: $schema=${schema}\n`));
    expect(found, `one yaml block starting with the ${schema} line`).toHaveLength(1);
    return found[0]!;
  };
  const org = example('../schema/organization.schema.json');
  const manifest = example('../../schema/machine-identity.schema.json');

  it('is examples/acme, verbatim below the $schema line', () => {
    expect(withoutFirstLine(org)).toBe(
      withoutFirstLine(readFileSync(join(root, 'examples/acme/identities/org.yaml'), 'utf8')),
    );
    expect(withoutFirstLine(manifest)).toBe(
      withoutFirstLine(readFileSync(join(root, 'examples/acme/identities/payments/settlement-reader.yaml'), 'utf8')),
    );
  });

  it('validates clean as a repository of its own, at the README clock', () => {
    const dir = repo({
      ...ACME_CA,
      'identities/org.yaml': org,
      'identities/payments/settlement-reader.yaml': manifest,
    });
    const r = idac(['validate', '--dir', dir, '--now', '2026-11-23', '--format', 'json']);
    expect(JSON.parse(r.stdout)).toEqual({ identities: 1, findings: [] });
    expect(r.code).toBe(0);
  });

  it('a broken example would fail: a typo in the manifest is a finding', () => {
    const dir = repo({
      ...ACME_CA,
      'identities/org.yaml': org,
      'identities/payments/settlement-reader.yaml': manifest
        .replace('  rotation', '  rotaton')
        .replace('criticality: high', 'criticalty: high'),
    });
    const r = idac(['validate', '--dir', dir, '--now', '2026-11-23', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { rule: string }) => f.rule)).toContain('schema/unknown-key');
  });
});

describe('README: example commands on the bundled examples', () => {
  const commands = blocks('sh')
    .flatMap((b) => b.split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line.startsWith('npx idac ') && line.includes('--dir examples/'));

  it('there are some', () => expect(commands.length).toBeGreaterThanOrEqual(10));

  it.each(commands)('%s', (line) => {
    // Run from a temp dir so an --out file lands there; the examples are named by absolute path.
    const cwd = mkdtempSync(join(tmpdir(), 'idac-readme-'));
    const args = line
      .slice('npx idac '.length)
      .split(/ +/)
      .map((a) => a.replace(/^'(.*)'$/, '$1').replace(/^examples\//, join(root, 'examples/')));
    const r = idac(args, { cwd });
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect([0, 1], `${line}\n${r.stderr}`).toContain(r.code);
    const out = args.indexOf('--out');
    expect(out === -1 ? r.stdout + r.stderr : readFileSync(join(cwd, args[out + 1]!), 'utf8')).not.toBe('');
  });
});
