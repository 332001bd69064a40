// parse/symlink needs a real filesystem (and git): links cannot be held in the in-memory harness.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/check/validate.js';
import { FsSource } from '../../../src/io/fs-source.js';
import { GitSource } from '../../../src/io/git-source.js';
import { parseInstant } from '../../../src/common/time.js';
import { messageOf } from '../../../src/common/result.js';

const acme = fileURLToPath(new URL('../../../examples/acme/identities', import.meta.url));
const now = parseInstant('2026-11-23')!;

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'idac-link-'));
  mkdirSync(join(dir, 'identities/payments'), { recursive: true });
  writeFileSync(join(dir, 'identities/org.yaml'), readFileSync(join(acme, 'org.yaml')));
  writeFileSync(join(dir, 'real.yaml'), readFileSync(join(acme, 'payments/ledger-writer.yaml')));
  return dir;
}

async function symlinkFindings(source: FsSource | GitSource) {
  const r = await validate(source, { paths: ['identities'], now });
  if (!r.ok) throw new Error(messageOf(r));
  return r.value.findings
    .filter((f) => f.rule === 'parse/symlink')
    .map((f) => ({ file: f.file, line: f.line, column: f.column, messageId: f.messageId }));
}

describe('parse/symlink', () => {
  it('good: regular files only', async () => {
    const dir = repo();
    writeFileSync(join(dir, 'identities/payments/ledger-writer.yaml'), readFileSync(join(dir, 'real.yaml')));
    expect(await symlinkFindings(new FsSource(dir))).toEqual([]);
  });

  it('bad: a linked manifest, in the working tree and in a git revision', async () => {
    const dir = repo();
    symlinkSync('../../real.yaml', join(dir, 'identities/payments/ledger-writer.yaml'));
    expect(await symlinkFindings(new FsSource(dir))).toEqual([
      { file: 'identities/payments/ledger-writer.yaml', line: 1, column: 1, messageId: 'symlink' },
    ]);
    const git = (...a: string[]) =>
      execFileSync('git', a, {
        cwd: dir,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 't',
          GIT_AUTHOR_EMAIL: 't@e.x',
          GIT_COMMITTER_NAME: 't',
          GIT_COMMITTER_EMAIL: 't@e.x',
        },
      });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'x');
    const source = new GitSource(dir, 'HEAD');
    expect(await symlinkFindings(source)).toEqual([
      { file: 'identities/payments/ledger-writer.yaml', line: 1, column: 1, messageId: 'symlink' },
    ]);
    source.close();
  });

  it('bad: a linked org.yaml is reported as a link, not as missing', async () => {
    const dir = repo();
    writeFileSync(join(dir, 'org-real.yaml'), readFileSync(join(dir, 'identities/org.yaml')));
    execFileSync('rm', [join(dir, 'identities/org.yaml')]);
    symlinkSync('../org-real.yaml', join(dir, 'identities/org.yaml'));
    expect(await symlinkFindings(new FsSource(dir))).toEqual([
      { file: 'identities/org.yaml', line: 1, column: 1, messageId: 'symlink' },
    ]);
  });
});
