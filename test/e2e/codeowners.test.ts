// idac codeowners through the built CLI: writes what examples/acme commits, --check passes there,
// and fails with a located finding when an owner changes without regenerating.

import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { idac, root, STACK_TRACE } from './cli.js';

const ACME = join(root, 'examples/acme');
const NOW = '2026-11-23';

function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'idac-co-'));
  cpSync(ACME, dir, { recursive: true });
  return dir;
}
function edit(dir: string, path: string, from: string, to: string): void {
  const text = readFileSync(join(dir, path), 'utf8');
  expect(text.split(from).length).toBe(2);
  writeFileSync(join(dir, path), text.replace(from, to));
}

describe('idac codeowners', () => {
  it('a linked .github folder is neither written through nor read: exit 2 saying so', () => {
    const dir = copy();
    const elsewhere = mkdtempSync(join(tmpdir(), 'idac-co-elsewhere-'));
    cpSync(join(dir, '.github'), elsewhere, { recursive: true });
    rmSync(join(dir, '.github'), { recursive: true });
    symlinkSync(elsewhere, join(dir, '.github'));
    const before = readFileSync(join(elsewhere, 'CODEOWNERS'), 'utf8');
    writeFileSync(join(elsewhere, 'CODEOWNERS'), `${before}# changed elsewhere\n`);
    const why =
      'the folder .github on its path is a symbolic link, which idac does not follow (replace the link with ' +
      'the folder itself)';
    expect(idac(['codeowners', '--dir', dir, '--now', NOW])).toEqual({
      code: 2,
      stdout: '',
      stderr: `idac: cannot write .github/CODEOWNERS: ${why}; nothing was changed\n`,
    });
    expect(readFileSync(join(elsewhere, 'CODEOWNERS'), 'utf8')).toBe(`${before}# changed elsewhere\n`);
    writeFileSync(join(elsewhere, 'CODEOWNERS'), before);
    expect(idac(['codeowners', '--check', '--dir', dir, '--now', NOW])).toEqual({
      code: 2,
      stdout: '',
      stderr: `idac: cannot read .github/CODEOWNERS: ${why}\n`,
    });
    rmSync(elsewhere, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('--check passes on examples/acme and on this repository', () => {
    for (const dir of [ACME, root]) {
      const r = idac(['codeowners', '--check', '--dir', dir, '--now', NOW]);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^\.github\/CODEOWNERS is up to date \(\d+ identities\)\.\n$/);
    }
  });

  it('writes exactly what examples/acme commits, creating .github/', () => {
    const dir = copy();
    rmSync(join(dir, '.github'), { recursive: true, force: true });
    const r = idac(['codeowners', '--dir', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('wrote .github/CODEOWNERS: 16 identities\n');
    expect(readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8')).toBe(
      readFileSync(join(ACME, '.github/CODEOWNERS'), 'utf8'),
    );
  });

  it('an owner change without regenerating: exit 1, located at the owner line; validate says the same', () => {
    const dir = copy();
    edit(dir, 'identities/payments/settlement-reader.yaml', 'owner: alice@acme.example', 'owner: carol@acme.example');
    const r = idac(['codeowners', '--check', '--dir', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      identities: 16,
      findings: [
        {
          rule: 'codeowners/stale',
          severity: 'error',
          file: 'identities/payments/settlement-reader.yaml',
          line: 13,
          column: 12,
          identity: 'settlement-reader',
          message:
            '.github/CODEOWNERS line 27 gives /identities/payments/settlement-reader.yaml to @alice-acme ' +
            '@bob-acme @acme/payments, but the manifests say carol@acme.example @bob-acme @acme/payments; ' +
            'run `idac codeowners` and commit the result',
          fix:
            'Run `idac codeowners` and commit .github/CODEOWNERS with the change (checked only when the ' +
            'repository has a CODEOWNERS file).',
          docs: 'https://github.com/idac-dev/idac/blob/main/docs/rules/codeowners/stale.md',
        },
      ],
    });
    const v = idac(['validate', '--dir', dir, '--now', NOW, '--format', 'json']);
    expect(
      (JSON.parse(v.stdout) as { findings: { rule: string; line: number }[] }).findings
        .filter((f) => f.rule === 'codeowners/stale')
        .map((f) => f.line),
    ).toEqual([13]);
    // Regenerating fixes it.
    expect(idac(['codeowners', '--dir', dir]).code).toBe(0);
    expect(idac(['codeowners', '--check', '--dir', dir]).code).toBe(0);
  });

  it('a removed identity leaves a line that is reported where it is', () => {
    const dir = copy();
    rmSync(join(dir, 'identities/platform/release-bot.yaml'));
    const r = idac(['codeowners', '--check', '--dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '.github/CODEOWNERS:33:1  error  codeowners/stale  .github/CODEOWNERS line 33 names ' +
        '/identities/platform/release-bot.yaml, which is no longer an identity file',
    );
  });

  it('a missing CODEOWNERS fails --check at 1:1, and hand edits that keep owners still differ', () => {
    const dir = copy();
    rmSync(join(dir, '.github/CODEOWNERS'));
    const r = idac(['codeowners', '--check', '--dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '.github/CODEOWNERS:1:1  error  codeowners/stale  .github/CODEOWNERS is missing or unreadable',
    );
    expect(existsSync(join(dir, '.github/CODEOWNERS'))).toBe(false);
    writeFileSync(
      join(dir, '.github/CODEOWNERS'),
      `${readFileSync(join(ACME, '.github/CODEOWNERS'), 'utf8')}# a note\n`,
    );
    const h = idac(['codeowners', '--check', '--dir', dir]);
    expect(h.code).toBe(1);
    expect(h.stdout).toContain('gives every file the right owners but is not what `idac codeowners` writes');
  });

  it('no org.yaml: exit 2, no stack trace', () => {
    const dir = copy();
    rmSync(join(dir, 'identities/org.yaml'));
    const r = idac(['codeowners', '--dir', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'idac: identities/org.yaml is missing or invalid (run idac validate): CODEOWNERS needs its security ' +
        'owners and teams\n',
    );
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });
});
