// File names are data (issue 14, item 2): a manifest whose name holds a newline, a control
// character or a glob character must never add a CODEOWNERS line of its own making, and no command
// prints such a name raw. Built on real git repositories (git stores such names) and run through
// the built CLI.

import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstInvisible, visible } from '../../src/common/escape.js';
import { idac, root, STACK_TRACE } from './cli.js';
import { GitRepo } from './git.js';

const ACME = join(root, 'examples/acme');
const NOW = '2026-11-23';
const SOURCE = 'identities/payments/settlement-reader.yaml';
const GOVERNANCE = ['/identities/org.yaml @dave-sec', '/schema/ @dave-sec', '/.github/ @dave-sec'];

/** examples/acme as a git repository, with one valid manifest copied under a hostile name. */
function hostile(name: string): GitRepo {
  const repo = GitRepo.fromFolder(ACME);
  cpSync(join(repo.dir, SOURCE), join(repo.dir, name));
  repo.commit('hostile name');
  return repo;
}

/** Every non-comment line's pattern, in order. */
function patterns(text: string): string[] {
  return text
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => l.split(/(?<!\\) /)[0]!);
}

const HOSTILE = [
  ['a newline that writes owner-less org.yaml and * lines', 'identities/zz\norg.yaml\n*\nzz.yaml'],
  ['a carriage return', 'identities/payments/a\r* x.yaml'],
  ['an escape sequence', 'identities/payments/\u001b[2Jreader.yaml'],
  ['a glob that would claim org.yaml', 'identities/*.yaml'],
  ['a character range', 'identities/[o]rg.yaml'],
  ['a question mark', 'identities/or?.yaml'],
  ['a backslash', 'identities/payments/a\\ b.yaml'],
  ['a comment sign', 'identities/payments/a #b.yaml'],
  ['a bidi override', 'identities/payments/\u202eliam.yaml'],
  ['a tab', 'identities/payments/a\tb.yaml'],
  ['a no-break space', 'identities/payments/a\u00a0b.yaml'],
] as const;

describe('idac codeowners: file names with characters CODEOWNERS cannot carry', () => {
  it.each(HOSTILE)('%s: no line for it, the governance lines intact, --check fails', (_why, name) => {
    const repo = hostile(name);
    const w = idac(['codeowners', '--dir', repo.dir]);
    expect(w.code, w.stdout + w.stderr).toBe(1);
    expect(w.stdout).toContain('codeowners/unsafe-path');
    const written = readFileSync(join(repo.dir, '.github/CODEOWNERS'), 'utf8');
    // Exactly what examples/acme commits: the hostile file gets no line, nothing else changes.
    expect(written).toBe(readFileSync(join(ACME, '.github/CODEOWNERS'), 'utf8'));
    for (const line of GOVERNANCE) expect(written.split('\n')).toContain(line);
    expect(patterns(written).every((p) => p.startsWith('/'))).toBe(true);
    // The raw name never reaches the terminal.
    expect(w.stdout + w.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u00a0\u202e]/);

    const c = idac(['codeowners', '--check', '--dir', repo.dir, '--format', 'json']);
    expect(c.code, c.stdout + c.stderr).toBe(1);
    const findings = (JSON.parse(c.stdout) as { findings: { rule: string; file: string; line: number }[] }).findings;
    expect(findings.map((f) => [f.rule, f.file, f.line])).toEqual([['codeowners/unsafe-path', name, 1]]);
  });

  it('the CODEOWNERS an older idac wrote for a newline name is not "up to date"', () => {
    const name = 'identities/zz\norg.yaml\n*\nzz.yaml';
    const repo = hostile(name);
    const old = readFileSync(join(ACME, '.github/CODEOWNERS'), 'utf8').replace(
      '/identities/data/legacy-etl.yaml',
      `/${name} @attacker\n/identities/data/legacy-etl.yaml`,
    );
    repo.write('.github/CODEOWNERS', old);
    const c = idac(['codeowners', '--check', '--dir', repo.dir]);
    expect(c.code).toBe(1);
    expect(c.stdout).not.toContain('up to date');
    expect(c.stdout).toContain('codeowners/unsafe-path');
  });

  it('a hand-added owner-less line is named, never called "the right owners"', () => {
    const repo = GitRepo.fromFolder(ACME);
    repo.write('.github/CODEOWNERS', `${repo.read('.github/CODEOWNERS')}*\n`);
    const c = idac(['codeowners', '--check', '--dir', repo.dir]);
    expect(c.code).toBe(1);
    expect(c.stdout).toContain(
      '.github/CODEOWNERS:34:1  error  codeowners/stale  .github/CODEOWNERS line 34 (*) is not a line `idac ' +
        'codeowners` writes; GitHub applies the last matching line',
    );
  });

  it('validate reports the name too (the repository keeps a CODEOWNERS file)', () => {
    const repo = hostile('identities/*.yaml');
    const v = idac(['validate', '--dir', repo.dir, '--now', NOW, '--format', 'json']);
    expect(v.code).toBe(1);
    const rules = (JSON.parse(v.stdout) as { findings: { rule: string; file: string }[] }).findings
      .filter((f) => f.file === 'identities/*.yaml')
      .map((f) => f.rule);
    expect(rules).toContain('codeowners/unsafe-path');
  });
});

describe('every command prints hostile file names escaped', () => {
  // On a branch, so plan and history see them arrive; each a valid manifest under its own name.
  const NAMES = [
    'identities/payments/\u001b[2J\u001b[31mred.yaml',
    'identities/payments/\u202eliam.yaml',
    'identities/payments/a\n::error::forged.yaml',
    'identities/payments/zw\u200bj\u009b.yaml',
  ];
  const repo = GitRepo.fromFolder(ACME);
  repo.branch('hostile');
  NAMES.forEach((n, i) => repo.write(n, repo.read(SOURCE).replace('name: settlement-reader', `name: hostile-${i}`)));
  repo.commit('hostile names');
  const d = ['--dir', repo.dir, '--now', NOW];
  const runs: string[][] = [
    ...['text', 'json', 'github', 'sarif'].map((f) => ['validate', ...d, '--format', f]),
    ...['text', 'json', 'markdown'].map((f) => ['plan', ...d, '--base', 'main', '--format', f]),
    ...['text', 'json', 'markdown'].map((f) => ['history', ...d, '--all', '--format', f]),
    ...['markdown', 'json', 'html', 'csv'].map((f) => ['report', ...d, '--format', f]),
    ...['text', 'json'].flatMap((f) => [
      ['who-can', ...d, 's3:GetObject', 'arn:aws:s3:::*', '--format', f],
      ['who-can', ...d, '--identity', 'hostile-1', '--format', f],
      ['rotation', ...d, '--format', f],
      ['review', ...d, '--format', f],
      ['offboard', ...d, 'alice@acme.example', '--format', f],
    ]),
    ...['text', 'json', 'github'].map((f) => ['codeowners', '--check', '--dir', repo.dir, '--format', f]),
  ];
  it.each(runs.map((a) => [a.filter((x) => x !== repo.dir && !d.includes(x)).join(' '), a]))(
    'idac %s',
    (_name, args) => {
      const r = idac(args);
      expect([0, 1], r.stderr).toContain(r.code);
      expect(r.stderr).not.toMatch(STACK_TRACE);
      for (const out of [r.stdout, r.stderr]) {
        const bad = firstInvisible(out.replace(/\r?\n/g, ''));
        expect(bad, `raw ${bad === null ? '' : visible(bad)}`).toBeNull();
      }
    },
  );
});
