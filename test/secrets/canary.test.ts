// Canary credentials (THREATS.md items 26, 63, 66): every format is planted in realistic manifests —
// a copy of examples/acme — in the places a secret ends up by accident (a value, a key, a comment,
// an unknown key, a duplicate key, a line that breaks the YAML, metadata.name, org.yaml), and the
// built CLI runs in every output format. The secret must be found at its line, and no output stream
// may carry it, any 12 characters of it, or a stack trace.
//
// Runs dist/cli.js: `npm test` builds it first; alone, run `npx tsc -p .` before this file.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDENTIALS, type Credential } from './credentials.js';
import { fake } from './fakes.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(root, 'dist/cli.js');
const FORMATS = ['text', 'json', 'github', 'sarif'] as const;

interface Planted {
  file: string;
  /** The text whose first line the finding must be on. */
  at: string;
  rule: string;
  /** The secret planted there, when it is not the credential's own (the one-line key form). */
  secret?: string;
}

const read = (dir: string, f: string) => readFileSync(join(dir, 'identities', f), 'utf8');
const write = (dir: string, f: string, text: string) => writeFileSync(join(dir, 'identities', f), text);
function change(dir: string, f: string, from: string, to: string): void {
  const text = read(dir, f);
  if (!text.includes(from)) throw new Error(`${f} no longer contains ${JSON.stringify(from)}: update the canary`);
  write(dir, f, text.replace(from, to));
}
const indent = (s: string, by: string) =>
  s
    .split('\n')
    .map((l) => by + l)
    .join('\n');
/** A double-quoted YAML string on one line. */
const oneLine = (s: string) => `"${s.replace(/\n/g, '\\n')}"`;

/** Plants the credential in a copy of examples/acme and says where each finding must be. */
function plantAll(dir: string, c: Credential): Planted[] {
  const s = c.secret;
  const inline = (c.inline ?? ((x: string) => x))(s);
  const out: Planted[] = [];
  const mark = (file: string, at: string, rule = c.rule, secret?: string) =>
    out.push({ file: `identities/${file}`, at, rule, ...(secret ? { secret } : {}) });

  if (c.multiline) {
    // A key spans lines: every placement is a block, a comment, or the one-line escaped form.
    const ssh = fake.opensshKey();
    const begin = s.split('\n')[0]!;
    change(
      dir,
      'payments/ledger-writer.yaml',
      '  name: ledger-writer\n',
      `  name: ledger-writer\n  labels:\n    tls: |\n${indent(s, '      ')}\n`,
    );
    mark('payments/ledger-writer.yaml', begin);
    write(
      dir,
      'platform/ci-deployer.yaml',
      `${read(dir, 'platform/ci-deployer.yaml')}# old deploy key:\n${indent(s, '# ')}\n`,
    );
    mark('platform/ci-deployer.yaml', `# ${begin}`);
    change(dir, 'platform/release-bot.yaml', '  type: bot\n', `  type: bot\n  ${oneLine(ssh)}: enabled\n`);
    mark('platform/release-bot.yaml', oneLine(ssh), c.rule, ssh);
    change(
      dir,
      'data/report-exporter.yaml',
      '  name: report-exporter\n',
      `  name: report-exporter\n  ${oneLine(ssh)}: a\n  ${oneLine(ssh)}: b\n`,
    );
    mark('data/report-exporter.yaml', oneLine(ssh), c.rule, ssh);
    change(
      dir,
      'data/legacy-etl.yaml',
      '  purpose: Nightly',
      `  purpose: "Nightly\n  key: |\n${indent(s, '    ')}\n  x: Nightly`,
    );
    mark('data/legacy-etl.yaml', begin);
    write(dir, 'org.yaml', `${read(dir, 'org.yaml')}# break-glass key:\n${indent(s, '#   ')}\n`);
    mark('org.yaml', `#   ${begin}`);
    return out;
  }

  const bare = c.bare === undefined ? c.rule : c.bare;
  change(
    dir,
    'payments/ledger-writer.yaml',
    '  name: ledger-writer\n',
    `  name: ledger-writer\n  labels:\n    note: "${inline}"\n`,
  );
  mark('payments/ledger-writer.yaml', inline.includes(s) ? s : inline);
  write(dir, 'platform/ci-deployer.yaml', `${read(dir, 'platform/ci-deployer.yaml')}# deploy with ${inline}\n`);
  mark('platform/ci-deployer.yaml', `# deploy with ${inline}`);
  change(dir, 'data/legacy-etl.yaml', '  purpose: Nightly ETL', `  purpose: "${inline}\n  x: Nightly ETL`);
  mark('data/legacy-etl.yaml', `  purpose: "${inline}`);
  change(dir, 'org.yaml', 'securityOwners: [dave@acme.example]', `securityOwners: [dave@acme.example, "${inline}"]`);
  mark('org.yaml', 'securityOwners: [dave@acme.example,');
  if (bare !== null) {
    change(
      dir,
      'payments/settlement-reader.yaml',
      '  name: settlement-reader\n',
      `  name: settlement-reader\n  labels:\n    ${s}: "true"\n`,
    );
    mark('payments/settlement-reader.yaml', `    ${s}: "true"`, bare);
    change(dir, 'platform/release-bot.yaml', '  type: bot\n', `  type: bot\n  ${s}: enabled\n`);
    mark('platform/release-bot.yaml', `  ${s}: enabled`, bare);
    change(
      dir,
      'data/report-exporter.yaml',
      '  name: report-exporter\n',
      `  name: report-exporter\n  ${s}: a\n  ${s}: b\n`,
    );
    mark('data/report-exporter.yaml', `  ${s}: a`, bare);
  }
  if (bare === c.rule && c.rule !== 'secret/high-entropy') {
    // metadata.name is echoed by name rules and in the JSON `identity` field: only a format known
    // on its own (not by the key it sits under) can be recognised there.
    change(dir, 'platform/edge-gateway.yaml', '  name: edge-gateway\n', `  name: ${s}\n`);
    mark('platform/edge-gateway.yaml', `  name: ${s}`);
  }
  return out;
}

function lineOf(text: string, needle: string): number {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`canary: ${JSON.stringify(needle.slice(0, 20))}… not in the file`);
  return text.slice(0, i).split('\n').length;
}

/** Every 12-character window of the secret (of each line, for keys). */
function windows(secret: string): string[] {
  const out = new Set<string>();
  for (const line of secret.split('\n')) for (let i = 0; i + 12 <= line.length; i++) out.add(line.slice(i, i + 12));
  return [...out];
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `npx tsc -p .` (npm test builds it)');
});

describe.each(CREDENTIALS.map((c) => [c.name, c] as const))('canary: %s', (_name, c) => {
  let dir = '';
  let planted: Planted[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'idac-canary-'));
    cpSync(join(root, 'examples/acme/identities'), join(dir, 'identities'), { recursive: true });
    planted = plantAll(dir, c);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(FORMATS)('--format %s: found, exit 1, never echoed, no stack trace', (format) => {
    const r = spawnSync(process.execPath, [CLI, 'validate', '--dir', dir, '--now', '2026-11-23', '--format', format], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    const streams = { stdout: r.stdout, stderr: r.stderr };
    expect(r.status, r.stderr).toBe(1);
    for (const [stream, out] of Object.entries(streams)) {
      const leaked = [c.secret, ...planted.flatMap((p) => p.secret ?? [])]
        .flatMap(windows)
        .filter((w) => out.includes(w));
      // On failure, show the lines that leak (the secrets are fakes; the windows are marked ⟦…⟧).
      const lines = out
        .split('\n')
        .filter((l) => leaked.some((w) => l.includes(w)))
        .map((l) => leaked.reduce((a, w) => a.split(w).join(`⟦${w}⟧`), l));
      expect(lines, `${stream} holds (part of) the secret`).toEqual([]);
      expect(out, `${stream} holds a stack trace`).not.toMatch(/^ {4}at /m);
    }
    if (format !== 'json') return;
    const findings = (JSON.parse(r.stdout) as { findings: { rule: string; file: string; line: number }[] }).findings;
    for (const p of planted) {
      const text = readFileSync(join(dir, p.file), 'utf8');
      const line = lineOf(text, p.at);
      expect(
        findings.filter((f) => f.file === p.file && f.rule === p.rule).map((f) => f.line),
        `${p.rule} in ${p.file}`,
      ).toContain(line);
    }
  });
});
