// The shared writer of every edit command: temp file + rename, the file mode kept, a file changed
// between the read and the write refused, several files written all or none; and writeEdits, the
// check-then-write the manifest-editing commands call.
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/errors.js';
import { readRaw, readRawAsRead, writeEdits, type FileEdit } from '../../src/cli/manifest-files.js';
import { loadText } from '../../src/manifest/load.js';
import { fileSecrets } from '../../src/rules/secrets.js';
import { fake } from '../secrets/fakes.js';
import { sha256, writeAtomically, type PlannedWrite } from '../../src/io/atomic-write.js';
import { fail, isRefusal, refuse } from '../../src/common/result.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'idac-write-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const plan = (dir: string, path: string, text: string): PlannedWrite => ({
  path,
  bytes: Buffer.from(text),
  expected: sha256(readFileSync(join(dir, path))),
});
const listing = (dir: string) => readdirSync(dir).sort();

describe('writeAtomically', () => {
  it('replaces the file and keeps its mode; no temporary file is left', async () => {
    const dir = scratch({ 'a.yaml': 'old\n' });
    chmodSync(join(dir, 'a.yaml'), 0o640);
    expect(await writeAtomically(dir, [plan(dir, 'a.yaml', 'new\n')])).toEqual({ ok: true });
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('new\n');
    expect(statSync(join(dir, 'a.yaml')).mode & 0o777).toBe(0o640);
    expect(listing(dir)).toEqual(['a.yaml']);
  });

  it.skipIf(process.getuid?.() !== 0)('run as root, the file keeps its owner', async () => {
    const dir = scratch({ 'a.yaml': 'old\n' });
    chownSync(join(dir, 'a.yaml'), 65534, 65534);
    expect(await writeAtomically(dir, [plan(dir, 'a.yaml', 'new\n')])).toEqual({ ok: true });
    expect([statSync(join(dir, 'a.yaml')).uid, statSync(join(dir, 'a.yaml')).gid]).toEqual([65534, 65534]);
  });

  it('creates a file that did not exist (and its folder), and refuses one that appeared meanwhile', async () => {
    const dir = scratch({});
    expect(
      await writeAtomically(dir, [{ path: '.github/CODEOWNERS', bytes: Buffer.from('x\n'), expected: null }]),
    ).toEqual({ ok: true });
    expect(readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8')).toBe('x\n');
    const r = await writeAtomically(dir, [{ path: '.github/CODEOWNERS', bytes: Buffer.from('y\n'), expected: null }]);
    expect(r).toEqual(
      refuse(
        '.github/CODEOWNERS changed on disk while idac was editing it; nothing was changed: run the command ' +
          'again on the new content',
      ),
    );
    expect(readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8')).toBe('x\n');
  });

  it(
    'a file changed between the read and the write is refused: ' + 'exit 1, the other edit kept, nothing else written',
    async () => {
      const dir = scratch({ 'a.yaml': 'a\n', 'b.yaml': 'b\n' });
      const plans = [plan(dir, 'a.yaml', 'A\n'), plan(dir, 'b.yaml', 'B\n')];
      const r = await writeAtomically(dir, plans, {
        beforeCommit: () => writeFileSync(join(dir, 'b.yaml'), 'someone else\n'),
      });
      expect(r).toEqual(
        refuse(
          'b.yaml changed on disk while idac was editing it; nothing was changed: run the command again on ' +
            'the new content',
        ),
      );
      expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('a\n');
      expect(readFileSync(join(dir, 'b.yaml'), 'utf8')).toBe('someone else\n');
      expect(listing(dir)).toEqual(['a.yaml', 'b.yaml']);
    },
  );

  it('a file removed between the read and the write is refused', async () => {
    const dir = scratch({ 'a.yaml': 'a\n' });
    const r = await writeAtomically(dir, [plan(dir, 'a.yaml', 'A\n')], {
      beforeCommit: () => rmSync(join(dir, 'a.yaml')),
    });
    expect(!r.ok && isRefusal(r)).toBe(true); // refused (exit 1), not a write that could not run
    expect(listing(dir)).toEqual([]);
  });

  it('all or none: when a rename fails, the files already replaced are put back', async () => {
    const dir = scratch({ 'a.yaml': 'a\n', 'b.yaml': 'b\n' });
    const plans = [plan(dir, 'a.yaml', 'A\n'), plan(dir, 'b.yaml', 'B\n')];
    // The second file's temporary file disappears before the commit: its rename fails after the first one's succeeded.
    const r = await writeAtomically(dir, plans, {
      beforeCommit: () => {
        for (const f of readdirSync(dir).filter((n) => n.startsWith('.b.yaml.idac-'))) rmSync(join(dir, f));
      },
    });
    expect(r).toEqual(fail(expect.stringMatching(/^cannot write b\.yaml: .*; nothing was changed$/)));
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('a\n');
    expect(readFileSync(join(dir, 'b.yaml'), 'utf8')).toBe('b\n');
    expect(listing(dir)).toEqual(['a.yaml', 'b.yaml']);
  });

  it('a linked folder between the root and the file is not written through, new file or old', async () => {
    const dir = scratch({});
    const elsewhere = scratch({ CODEOWNERS: 'theirs\n' });
    symlinkSync(elsewhere, join(dir, '.github'));
    for (const path of ['.github/CODEOWNERS', '.github/new/file']) {
      const r = await writeAtomically(dir, [
        {
          path,
          bytes: Buffer.from('ours\n'),
          expected: path === '.github/CODEOWNERS' ? sha256(Buffer.from('theirs\n')) : null,
        },
      ]);
      expect(r).toEqual(
        fail(
          `cannot write ${path}: the folder .github on its path is a symbolic link, which idac does not ` +
            `follow (replace the link with the folder itself); nothing was changed`,
        ),
      );
    }
    expect(listing(elsewhere)).toEqual(['CODEOWNERS']);
    expect(readFileSync(join(elsewhere, 'CODEOWNERS'), 'utf8')).toBe('theirs\n');
  });

  it('a symbolic link is not written through', async () => {
    const dir = scratch({ 'target.yaml': 't\n' });
    symlinkSync('target.yaml', join(dir, 'a.yaml'));
    const r = await writeAtomically(dir, [
      { path: 'a.yaml', bytes: Buffer.from('x'), expected: sha256(Buffer.from('t\n')) },
    ]);
    expect(r).toEqual(
      fail('cannot write a.yaml: it is a symbolic link (idac does not write through links); nothing was changed'),
    );
    expect(readFileSync(join(dir, 'target.yaml'), 'utf8')).toBe('t\n');
  });

  it.skipIf(process.getuid?.() === 0)('a read-only file or folder is a clear exit 2, nothing written', async () => {
    const dir = scratch({ 'a.yaml': 'a\n' });
    chmodSync(join(dir, 'a.yaml'), 0o444);
    expect(await writeAtomically(dir, [plan(dir, 'a.yaml', 'A\n')])).toEqual(
      fail('cannot write a.yaml: permission denied; nothing was changed'),
    );
    chmodSync(join(dir, 'a.yaml'), 0o644);
    chmodSync(dir, 0o555);
    try {
      expect(await writeAtomically(dir, [plan(dir, 'a.yaml', 'A\n')])).toEqual(
        fail(
          'cannot write a.yaml: permission denied (a temporary file in its folder is needed to replace it ' +
            'safely); nothing was changed',
        ),
      );
    } finally {
      chmodSync(dir, 0o755);
    }
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('a\n');
  });
});

describe('writeEdits: what revoke, offboard --write and review attest run (check, then write all or none)', () => {
  const MANIFEST = readFileSync(
    new URL('../../examples/acme/identities/data/report-exporter.yaml', import.meta.url),
    'utf8',
  );
  const setOwner = (text: string, to: string) => text.replace('owner: heidi@acme.example', `owner: ${to}`);
  const OWNER = [{ path: ['spec', 'stewardship', 'owner'], value: 'ivan@acme.example' }];

  async function twoFiles(): Promise<{ dir: string; edits: FileEdit[] }> {
    const dir = scratch({ 'a.yaml': MANIFEST, 'b.yaml': MANIFEST.replace(/\n/g, '\r\n') });
    const edits = await Promise.all(
      ['a.yaml', 'b.yaml'].map(async (f) => {
        const raw = await readRaw(dir, f);
        return {
          raw,
          after: setOwner(raw.text, 'ivan@acme.example'),
          expect: 'MachineIdentity' as const,
          changes: OWNER,
        };
      }),
    );
    return { dir, edits };
  }

  it('writes every file and returns the diff', async () => {
    const { dir, edits } = await twoFiles();
    const diff = await writeEdits(dir, edits);
    expect(diff).toContain('+    owner: ivan@acme.example');
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(setOwner(MANIFEST, 'ivan@acme.example'));
    expect(readFileSync(join(dir, 'b.yaml'), 'utf8')).toBe(
      setOwner(MANIFEST, 'ivan@acme.example').replace(/\n/g, '\r\n'),
    );
  });

  it('one file changed by someone else between the read and the write: exit 1, neither file written', async () => {
    const { dir, edits } = await twoFiles();
    const err = await writeEdits(dir, edits, {
      beforeCommit: () => writeFileSync(join(dir, 'b.yaml'), 'edited meanwhile\n'),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect(err).toMatchObject({
      exitCode: 1,
      message:
        'b.yaml changed on disk while idac was editing it; nothing was changed: run the command again on ' +
        'the new content',
    });
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(MANIFEST);
    expect(readFileSync(join(dir, 'b.yaml'), 'utf8')).toBe('edited meanwhile\n');
  });

  it('an edit that would change more than it should: exit 1, neither file written', async () => {
    const { dir, edits } = await twoFiles();
    edits[1] = { ...edits[1]!, after: edits[1]!.after.replace('costCenter: CC-3100', 'costCenter: CC-0000') };
    await expect(writeEdits(dir, edits)).rejects.toMatchObject({
      exitCode: 1,
      message:
        'not writing anything: b.yaml: the edited file would not mean exactly the intended change (a bug in ' +
        'idac; please report it); nothing was changed',
    });
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(MANIFEST);
    expect(readFileSync(join(dir, 'b.yaml'), 'utf8')).toBe(MANIFEST.replace(/\n/g, '\r\n'));
  });

  it('a file whose data changed after the command decided on it (offboard, attest read twice) is refused', async () => {
    const dir = scratch({ 'a.yaml': MANIFEST });
    const seen = loadText(MANIFEST, { expect: 'MachineIdentity', fast: true }).data;
    await expect(readRawAsRead(dir, 'a.yaml', seen)).resolves.toMatchObject({ text: MANIFEST });
    writeFileSync(
      join(dir, 'a.yaml'),
      MANIFEST.replace('successor: ivan@acme.example', 'successor: judy@acme.example'),
    );
    await expect(readRawAsRead(dir, 'a.yaml', seen)).rejects.toMatchObject({
      exitCode: 1,
      message:
        'a.yaml changed on disk while idac was reading it; nothing was changed: run the command again on ' +
        'the new content',
    });
  });

  it(
    'an edit that would add a secret the file did not hold (a token pasted into --reason) is refused: exit 1, ' +
      'nothing written',
    async () => {
      const { dir, edits } = await twoFiles();
      const token = fake.github('ghp', 'write-edits');
      edits[0] = { ...edits[0]!, after: `${edits[0]!.after}# INC-1 ${token}\n` };
      await expect(writeEdits(dir, edits)).rejects.toMatchObject({
        exitCode: 1,
        message:
          `not writing a.yaml: the change would add a secret (secret/github-token, fingerprint ` +
          `${createHash('sha256').update(token).digest('hex').slice(0, 8)}) to it; nothing was changed`,
      });
      expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(MANIFEST);
    },
  );

  it(
    'a file holding a secret is read again as readManifests ' +
      'read it (the secret withheld): no false "changed on disk"',
    async () => {
      const token = fake.github('ghp', 'read-as-read');
      const text = MANIFEST.replace(/purpose: .*/, `purpose: deploys with ${token}`);
      const dir = scratch({ 'a.yaml': text });
      const seen = (await fileSecrets('a.yaml', text)).redactor.data(
        loadText(text, { expect: 'MachineIdentity', fast: true }).data,
      );
      await expect(readRawAsRead(dir, 'a.yaml', seen)).resolves.toMatchObject({ text });
    },
  );

  it('a file validate would not read as text is refused when read, not rewritten with U+FFFD', async () => {
    const dir = scratch({});
    writeFileSync(join(dir, 'a.yaml'), Buffer.concat([Buffer.from('a: caf'), Buffer.from([0xe9, 0x0a])]));
    await expect(readRaw(dir, 'a.yaml')).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringMatching(
        new RegExp(
          String.raw`^not editing a\.yaml: file is not valid UTF-8: byte 0xE9 on line 1 .*\(parse\/encoding\); ` +
            String.raw`nothing was changed$`,
        ),
      ),
    });
  });
});
