// Every command that edits files in place (revoke, offboard --write, review attest, codeowners),
// through the built CLI, over the styles a hand-written manifest takes (block scalars, flow
// mappings, CRLF line ends) and the files it cannot or must not write (Latin-1 bytes, read-only
// files and folders, links). The result either validates and differs only where intended, or the
// command refuses and every byte stays as it was. (A file changed between the read and the write:
// test/io/atomic-write.test.ts, through the writer every command shares.)
import { chmodSync, chownSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edit } from '../rules/harness.js';
import { ACME, acmeCopy } from './acme.js';
import { idac, idacUnprivileged, STACK_TRACE, whyNoUnprivileged } from './cli.js';

const NOW = '2026-11-23';
const FILE = 'identities/data/report-exporter.yaml';
const UNPRIVILEGED_SKIP = whyNoUnprivileged();
if (UNPRIVILEGED_SKIP)
  console.warn(`test/e2e/edits.test.ts: the file-permission cases are skipped: ${UNPRIVILEGED_SKIP}`);

interface Command {
  name: string;
  args: string[];
  /** The manifest with the field the command edits written as a block scalar, and as plain text. */
  block: (text: string) => string;
  plain: (text: string) => string;
  /** The mapping the command edits written in flow style, and what the command makes of it. */
  flow: (text: string) => string;
  flowAfter: (text: string) => string;
}

const ROTATION = '  rotation:\n    period: 60d\n    overlap: 3d\n';
const STEWARDSHIP =
  '  stewardship:\n    owner: heidi@acme.example\n    successor: ivan@acme.example\n    team: data\n    ' +
  'costCenter: CC-3100\n';
const REVIEW = '  review:\n    lastReviewed: 2026-07-01\n    reviewer: judy@acme.example\n';
const REVOKED = '  # revoked 2026-11-23: INC-7000\n  status: suspended\n';

const COMMANDS: Command[] = [
  {
    name: 'revoke',
    args: ['revoke', 'report-exporter', '--reason', 'INC-7000'],
    block: (t) => edit(t, ROTATION, `  status: >-\n    active\n${ROTATION}`),
    plain: (t) => edit(t, ROTATION, `  status: active\n${ROTATION}`),
    flow: (t) => edit(t, ROTATION, '  rotation: { period: 60d, overlap: 3d }\n'),
    flowAfter: (t) => edit(t, ROTATION, `${REVOKED}  rotation: { period: 60d, overlap: 3d, epoch: 1 }\n`),
  },
  {
    name: 'offboard --write',
    args: ['offboard', 'heidi@acme.example', '--write'],
    block: (t) => edit(t, '    owner: heidi@acme.example\n', '    owner: |-\n      heidi@acme.example\n'),
    plain: (t) => t,
    flow: (t) =>
      edit(
        t,
        STEWARDSHIP,
        '  stewardship: { owner: heidi@acme.example, successor: ivan@acme.example, team: data, costCenter: CC-3100 }\n',
      ),
    flowAfter: (t) =>
      edit(
        t,
        STEWARDSHIP,
        '  stewardship: { owner: ivan@acme.example, successor: ivan@acme.example, team: data, costCenter: CC-3100 }\n',
      ),
  },
  {
    name: 'review attest',
    args: ['review', 'attest', 'report-exporter', '--reviewer', 'judy@acme.example'],
    block: (t) =>
      edit(t, '    reviewer: judy@acme.example\n', '    reviewer: >-  # by hand\n      judy@acme.example\n'),
    plain: (t) => edit(t, '    reviewer: judy@acme.example\n', '    reviewer: judy@acme.example # by hand\n'),
    flow: (t) => edit(t, REVIEW, '  review: {lastReviewed: 2026-07-01, reviewer: judy@acme.example}\n'),
    flowAfter: (t) => edit(t, REVIEW, '  review: {lastReviewed: 2026-11-23, reviewer: judy@acme.example}\n'),
  },
];

/** A scratch repo whose manifest is `shape(original)`; returns the folder. */
function repoWith(shape: (text: string) => string | Buffer): string {
  const dir = acmeCopy();
  writeFileSync(join(dir, FILE), shape(readFileSync(join(dir, FILE), 'utf8')));
  return dir;
}

/**
 * The edited repo validates; after offboard, but for what SPEC says offboard leaves to do: a new
 * successor (the old one is now the owner) and `idac codeowners` for the new owner.
 */
function validates(c: Command, dir: string): boolean {
  const r = idac(['validate', '--dir', dir, '--now', NOW, '--format', 'json']);
  const rules = (JSON.parse(r.stdout) as { findings: { rule: string; severity: string }[] }).findings
    .filter((f) => f.severity === 'error')
    .map((f) => f.rule);
  return c.name.startsWith('offboard')
    ? rules.every((x) => x === 'stewardship/successor-not-owner' || x === 'codeowners/stale')
    : rules.length === 0;
}

const bytes = (dir: string, file = FILE): Buffer => readFileSync(join(dir, file));
const run = (c: Command, dir: string) => idac([...c.args, '--dir', dir, '--now', NOW]);
const tempFiles = (dir: string, folder: string) => readdirSync(join(dir, folder)).filter((f) => f.includes('.idac-'));

/** The copy made writable by the user idacUnprivileged runs as (uid 65534 when the suite runs as root). */
function ownedByTester(dir: string, folders: readonly string[]): void {
  if (process.getuid?.() !== 0) return;
  for (const f of folders) {
    chownSync(join(dir, f), 65534, 65534);
    for (const name of readdirSync(join(dir, f))) chownSync(join(dir, f, name), 65534, 65534);
  }
}

describe.each(COMMANDS)('$name edits exactly, or refuses and writes nothing (built CLI)', (c) => {
  it('CRLF line ends: the result is the LF result with every line ending CRLF, inserted lines included', () => {
    const lf = repoWith((t) => t);
    const crlf = repoWith((t) => t.replace(/\n/g, '\r\n'));
    expect(run(c, lf).code).toBe(0);
    expect(run(c, crlf).code).toBe(0);
    expect(bytes(crlf).toString('utf8')).toBe(bytes(lf).toString('utf8').replace(/\n/g, '\r\n'));
    expect(bytes(crlf).toString('utf8')).not.toMatch(/[^\r]\n/);
    expect(validates(c, crlf)).toBe(true);
  });

  it('a UTF-8 byte-order mark stays', () => {
    const plain = repoWith((t) => t);
    const bom = repoWith((t) => `\ufeff${t}`);
    expect(run(c, plain).code).toBe(0);
    expect(run(c, bom).code).toBe(0);
    expect(bytes(bom).equals(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes(plain)]))).toBe(true);
  });

  it('the field written as a block scalar (>-, |-) is edited like the plain one', () => {
    const block = repoWith(c.block);
    const plain = repoWith(c.plain);
    expect(idac(['validate', '--dir', block, '--now', NOW]).code).toBe(0);
    expect(run(c, block).code).toBe(0);
    expect(run(c, plain).code).toBe(0);
    expect(bytes(block).toString('utf8')).toBe(bytes(plain).toString('utf8'));
    expect(validates(c, block)).toBe(true);
  });

  it('the mapping written in flow style is edited inside its braces', () => {
    const dir = repoWith(c.flow);
    expect(run(c, dir).code).toBe(0);
    expect(bytes(dir).toString('utf8')).toBe(c.flowAfter(readFileSync(join(ACME, FILE), 'utf8')));
    expect(validates(c, dir)).toBe(true);
  });

  it('a Latin-1 byte: refused (exit 1) like validate refuses it, every byte kept, no U+FFFD written', () => {
    const dir = repoWith((t) =>
      Buffer.concat([
        Buffer.from(edit(t, 'criticality: medium', 'criticality: medium # caf')),
        Buffer.from([0xe9, 0x0a]),
      ]),
    );
    const before = bytes(dir);
    const r = run(c, dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      new RegExp(
        `^idac: (not editing ${FILE}: file is not valid UTF-8: byte 0xE9 on line \\d+|not writing anything: ` +
          `${FILE} could not be checked)`,
      ),
    );
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(bytes(dir).equals(before)).toBe(true);
  });

  it('a read-only file: exit 2 with the reason, nothing written', (ctx) => {
    if (UNPRIVILEGED_SKIP) ctx.skip(UNPRIVILEGED_SKIP);
    const dir = acmeCopy();
    ownedByTester(dir, ['identities/data']);
    chmodSync(join(dir, FILE), 0o444);
    const before = bytes(dir);
    const r = idacUnprivileged([...c.args, '--dir', dir, '--now', NOW], dir);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `idac: cannot write ${FILE}: permission denied; nothing was changed\n`,
    });
    expect(bytes(dir).equals(before)).toBe(true);
  });

  it(
    'a read-only folder (no room for the temporary file): exit 2 with the reason, nothing written, nothing ' +
      'left behind',
    (ctx) => {
      if (UNPRIVILEGED_SKIP) ctx.skip(UNPRIVILEGED_SKIP);
      const dir = acmeCopy();
      ownedByTester(dir, ['identities/data']);
      chmodSync(join(dir, 'identities/data'), 0o555);
      const before = bytes(dir);
      const r = idacUnprivileged([...c.args, '--dir', dir, '--now', NOW], dir);
      chmodSync(join(dir, 'identities/data'), 0o755);
      expect(r).toEqual({
        code: 2,
        stdout: '',
        stderr:
          `idac: cannot write ${FILE}: permission denied (a temporary file in its folder is needed to replace ` +
          `it safely); nothing was changed\n`,
      });
      expect(bytes(dir).equals(before)).toBe(true);
      expect(tempFiles(dir, 'identities/data')).toEqual([]);
    },
  );

  it('the file mode is kept and no temporary file is left', () => {
    const dir = acmeCopy();
    chmodSync(join(dir, FILE), 0o640);
    expect(run(c, dir).code).toBe(0);
    expect(readdirSync(join(dir, 'identities/data')).filter((f) => f.startsWith('.'))).toEqual([]);
    expect(statMode(join(dir, FILE))).toBe(0o640);
  });
});

function statMode(path: string): number {
  return statSync(path).mode & 0o777;
}

describe('idac codeowners writes .github/CODEOWNERS safely (built CLI)', () => {
  it('replaces the file atomically: mode kept, nothing left behind; a link is not written through', () => {
    const dir = acmeCopy();
    expect(idac(['codeowners', '--dir', dir, '--now', NOW]).code).toBe(0);
    const written = readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8');
    chmodSync(join(dir, '.github/CODEOWNERS'), 0o600);
    writeFileSync(join(dir, '.github/CODEOWNERS'), 'stale\n');
    expect(idac(['codeowners', '--dir', dir, '--now', NOW]).code).toBe(0);
    expect(readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8')).toBe(written);
    expect(statMode(join(dir, '.github/CODEOWNERS'))).toBe(0o600);
    expect(tempFiles(dir, '.github')).toEqual([]);

    rmSync(join(dir, '.github/CODEOWNERS'));
    writeFileSync(join(dir, 'elsewhere'), 'keep\n');
    symlinkSync('../elsewhere', join(dir, '.github/CODEOWNERS'));
    const r = idac(['codeowners', '--dir', dir, '--now', NOW]);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'idac: cannot write .github/CODEOWNERS: it is a symbolic link (idac does not write through links); ' +
        'nothing was changed\n',
    });
    expect(readFileSync(join(dir, 'elsewhere'), 'utf8')).toBe('keep\n');
  });

  it('a read-only CODEOWNERS or .github folder: exit 2 with the reason, not an internal error', (ctx) => {
    if (UNPRIVILEGED_SKIP) ctx.skip(UNPRIVILEGED_SKIP);
    const dir = acmeCopy();
    expect(idac(['codeowners', '--dir', dir, '--now', NOW]).code).toBe(0);
    writeFileSync(join(dir, '.github/CODEOWNERS'), 'stale\n');
    ownedByTester(dir, ['.github']);
    chmodSync(join(dir, '.github/CODEOWNERS'), 0o444);
    const file = idacUnprivileged(['codeowners', '--dir', dir, '--now', NOW], dir);
    expect(file).toEqual({
      code: 2,
      stdout: '',
      stderr: 'idac: cannot write .github/CODEOWNERS: permission denied; nothing was changed\n',
    });
    chmodSync(join(dir, '.github/CODEOWNERS'), 0o644);
    chmodSync(join(dir, '.github'), 0o555);
    const folder = idacUnprivileged(['codeowners', '--dir', dir, '--now', NOW], dir);
    chmodSync(join(dir, '.github'), 0o755);
    expect(folder).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'idac: cannot write .github/CODEOWNERS: permission denied (a temporary file in its folder is needed ' +
        'to replace it safely); nothing was changed\n',
    });
    expect(readFileSync(join(dir, '.github/CODEOWNERS'), 'utf8')).toBe('stale\n');
    // No .github folder, and the repository root is read-only: the folder cannot be made.
    rmSync(join(dir, '.github'), { recursive: true });
    const noFolder = idacUnprivileged(['codeowners', '--dir', dir, '--now', NOW], dir);
    expect(noFolder).toEqual({
      code: 2,
      stdout: '',
      stderr: 'idac: cannot create the folder of .github/CODEOWNERS: permission denied; nothing was changed\n',
    });
  });
});
