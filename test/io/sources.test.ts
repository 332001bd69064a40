// One Source interface, three implementations: the working tree, a git revision (through the real
// `git` binary) and memory. The same files must give the same listing, bytes and findings.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/check/validate.js';
import { FsSource, reason } from '../../src/io/fs-source.js';
import { BatchReader, GitSource } from '../../src/io/git-source.js';
import { MemorySource } from '../../src/manifest/memory-source.js';
import { isOversize } from '../../src/io/files.js';
import { parseInstant } from '../../src/common/time.js';
import { fail, messageOf } from '../../src/common/result.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const acme = join(root, 'examples/acme/identities');
const now = parseInstant('2026-11-23')!;

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  });
}

function fixture(): { dir: string; files: Record<string, string> } {
  const files: Record<string, string> = {
    'identities/org.yaml': readFileSync(join(acme, 'org.yaml'), 'utf8'),
    'identities/payments/settlement-reader.yaml': readFileSync(join(acme, 'payments/settlement-reader.yaml'), 'utf8'),
    'identities/payments/ledger-writer.yaml': readFileSync(join(acme, 'payments/ledger-writer.yaml'), 'utf8').replace(
      'type: api-client',
      'type: api',
    ),
    'identities/platform/notes.txt': 'not a manifest',
    'identities/platform/broken.yml': 'a: [\n',
  };
  const dir = mkdtempSync(join(tmpdir(), 'idac-src-'));
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), c);
  }
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'first');
  return { dir, files };
}

describe('sources', () => {
  it('working tree, git revision and memory agree on listing, bytes and findings', async () => {
    const { dir, files } = fixture();
    const sources = [new FsSource(dir), new GitSource(dir, 'HEAD'), new MemorySource(files)];
    const listings = await Promise.all(sources.map((s) => s.list(['identities'])));
    const paths = listings.map((l) => (l.ok ? l.value.map((f) => f.path) : messageOf(l)));
    expect(paths[0]).toEqual([
      'identities/org.yaml',
      'identities/payments/ledger-writer.yaml',
      'identities/payments/settlement-reader.yaml',
      'identities/platform/broken.yml',
    ]);
    expect(paths[1]).toEqual(paths[0]);
    expect(paths[2]).toEqual(paths[0]);
    for (const s of sources) {
      const bytes = await s.read('identities/payments/ledger-writer.yaml');
      expect(Buffer.from(bytes as Uint8Array).toString('utf8')).toBe(files['identities/payments/ledger-writer.yaml']);
    }
    const results = await Promise.all(sources.map((s) => validate(s, { paths: ['identities'], now })));
    const findings = results.map((r) => (r.ok ? r.value.findings : messageOf(r)));
    expect(findings[0]).toContainEqual(
      expect.objectContaining({ rule: 'schema/enum', file: 'identities/payments/ledger-writer.yaml' }),
    );
    expect(findings[1]).toEqual(findings[0]);
    expect(findings[2]).toEqual(findings[0]);
    (sources[1] as GitSource).close();
  });

  it('a git revision is read as committed, not as the working tree has it', async () => {
    const { dir } = fixture();
    writeFileSync(join(dir, 'identities/payments/ledger-writer.yaml'), 'changed: after commit\n');
    const src = new GitSource(dir, 'HEAD');
    expect(src.resolve()).toEqual({ ok: true, sha: git(dir, 'rev-parse', 'HEAD').trim() });
    const bytes = await src.read('identities/payments/ledger-writer.yaml');
    expect(Buffer.from(bytes as Uint8Array).toString('utf8')).toContain('kind: MachineIdentity');
    src.close();
  });

  it('an unknown revision or path is an error value, not an exception', async () => {
    const { dir } = fixture();
    expect(new GitSource(dir, 'no-such-branch').resolve()).toMatchObject(
      fail(expect.stringContaining('no-such-branch is not a commit')),
    );
    const listing = await new GitSource(dir, 'HEAD').list(['nowhere']);
    expect(listing).toMatchObject({ ok: false });
    expect(await new FsSource(dir).list(['nowhere'])).toMatchObject(fail(expect.stringContaining('no such file')));
    expect(await new FsSource(dir).list(['../..'])).toMatchObject(
      fail(expect.stringContaining('outside the repository')),
    );
  });

  it('capped reads return the size of an oversize file without reading it', async () => {
    const { dir, files } = fixture();
    for (const s of [new FsSource(dir), new GitSource(dir, 'HEAD'), new MemorySource(files)]) {
      const r = await s.read('identities/org.yaml', 100);
      expect(isOversize(r) && r.oversize).toBe(Buffer.byteLength(files['identities/org.yaml']!));
    }
  });

  it('symbolic links are listed and reported, never followed', async () => {
    const { dir } = fixture();
    writeFileSync(join(dir, 'outside.yaml'), 'secret: outside the identities folder\n');
    symlinkSync(join(dir, 'outside.yaml'), join(dir, 'identities/payments/link.yaml'));
    mkdirSync(join(dir, 'elsewhere'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'identities/linked-team'));
    const listing = await new FsSource(dir).list(['identities']);
    expect(listing.ok && listing.value.filter((f) => f.symlink).map((f) => f.path)).toEqual([
      'identities/linked-team',
      'identities/payments/link.yaml',
    ]);
    await expect(new FsSource(dir).read('identities/payments/link.yaml')).rejects.toThrow();
    const result = await validate(new FsSource(dir), { paths: ['identities'], now });
    const links = result.ok
      ? result.value.findings.filter((f) => f.rule === 'parse/symlink').map((f) => [f.file, f.line, f.column])
      : [];
    expect(links).toEqual([
      ['identities/linked-team', 1, 1],
      ['identities/payments/link.yaml', 1, 1],
    ]);
    expect(JSON.stringify(result)).not.toContain('outside the identities folder');
  });

  it('a file read through a linked folder is refused, and a link in words is a link, not ELOOP', async () => {
    const { dir } = fixture();
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'elsewhere/CODEOWNERS'), 'outside\n');
    symlinkSync(join(dir, 'elsewhere'), join(dir, '.github'));
    const err = await new FsSource(dir).read('.github/CODEOWNERS').then(
      () => null,
      (e: unknown) => e,
    );
    expect(reason(err)).toBe(
      'the folder .github on its path is a symbolic link, which idac does not follow (replace the link with ' +
        'the folder itself)',
    );
    symlinkSync(join(dir, 'elsewhere/CODEOWNERS'), join(dir, 'link.yaml'));
    expect(
      reason(
        await new FsSource(dir).read('link.yaml').then(
          () => null,
          (e: unknown) => e,
        ),
      ),
    ).toBe('it is a symbolic link, which idac does not follow');
  });

  it('dot-files are manifests like any other; only .git is skipped', async () => {
    const { dir } = fixture();
    writeFileSync(join(dir, 'identities/payments/.hidden.yaml'), 'kind: [\n');
    const listing = await new FsSource(dir).list(['identities']);
    expect(listing.ok && listing.value.map((f) => f.path)).toContain('identities/payments/.hidden.yaml');
  });

  it('git cat-file that ends early fails every read, asked before or after, instead of waiting forever', async () => {
    // Not a repository: git exits 128 at once, so writes to its stdin meet a closed pipe.
    const reader = new BatchReader(mkdtempSync(join(tmpdir(), 'idac-not-git-')));
    const early = reader.read('0'.repeat(40));
    await expect(early).rejects.toThrow(/^git cat-file ended \(exit 128\) before answering$/);
    await expect(reader.read('1'.repeat(40))).rejects.toThrow(/^git cat-file ended \(exit 128\) before answering$/);
  });
});
