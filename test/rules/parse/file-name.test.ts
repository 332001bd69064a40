// parse/file-name: the loader reports a control, bidi, zero-width or look-alike space character in
// any file name it lists, in the working tree and in a git revision (the on-disk cases below).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/check/validate.js';
import { FsSource } from '../../../src/io/fs-source.js';
import { GitSource } from '../../../src/io/git-source.js';
import { parseInstant } from '../../../src/common/time.js';
import { edit, IDENTITY, ruleTable } from '../harness.js';
import { messageOf } from '../../../src/common/result.js';

const named = (name: string) => edit(IDENTITY, 'name: app', `name: ${name}`);

ruleTable('parse/file-name', {
  good: [
    { name: 'plain names', files: { 'identities/payments/app.yaml': IDENTITY } },
    {
      name: 'a space and non-ASCII letters are visible: not this rule',
      files: { 'identities/payments/my app.yaml': IDENTITY, 'identities/payments/café.yaml': IDENTITY },
    },
  ],
  bad: [
    {
      name: 'ESC (ANSI escape sequence)',
      files: { 'identities/payments/\u001b[2Japp.yaml': IDENTITY },
      expect: [
        {
          line: 1,
          column: 1,
          messageId: 'invisibleCharacter',
          message: new RegExp(
            String.raw`^the file name holds the control character U\+001B: a terminal, log or review wo` +
              String.raw`uld show it as another name or hide part of it; rename the file to <metadata\.na` +
              String.raw`me>\.yaml$`,
          ),
        },
      ],
    },
    {
      name: 'a line break, three times',
      files: { 'identities/zz\norg.yaml\n*\nzz.yaml': IDENTITY },
      expect: [
        {
          line: 1,
          column: 1,
          messageId: 'invisibleCharacter',
          file: 'identities/zz\norg.yaml\n*\nzz.yaml',
          message: /control character U\+000A \(and 2 more\)/,
        },
      ],
    },
    {
      name: 'a bidi override (right-to-left)',
      files: { 'identities/payments/\u202eyaml.ppa.yaml': IDENTITY },
      expect: [
        {
          line: 1,
          column: 1,
          messageId: 'invisibleCharacter',
          message: /invisible or bidirectional character U\+202E/,
        },
      ],
    },
    {
      name: 'a bidi isolate',
      files: { 'identities/payments/a\u2067pp.yaml': IDENTITY },
      expect: [{ line: 1, column: 1, messageId: 'invisibleCharacter', message: /U\+2067/ }],
    },
    {
      name: 'a zero-width space',
      files: { 'identities/payments/a\u200bpp.yaml': IDENTITY },
      expect: [{ line: 1, column: 1, messageId: 'invisibleCharacter', message: /U\+200B/ }],
    },
    {
      name: 'a tag character (invisible text)',
      files: { 'identities/payments/app\u{e0041}.yaml': IDENTITY },
      expect: [{ line: 1, column: 1, messageId: 'invisibleCharacter', message: /U\+E0041/ }],
    },
    {
      name: 'a no-break space',
      files: { 'identities/payments/my\u00a0app.yaml': IDENTITY },
      expect: [{ line: 1, column: 1, messageId: 'invisibleCharacter', message: /look-alike space U\+00A0/ }],
    },
    {
      name: 'DEL and C1 controls',
      files: { 'identities/payments/a\u007f.yaml': named('aa'), 'identities/payments/a\u009b.yaml': named('ab') },
      expect: [
        { line: 1, column: 1, messageId: 'invisibleCharacter', message: /U\+007F/ },
        { line: 1, column: 1, messageId: 'invisibleCharacter', message: /U\+009B/ },
      ],
    },
    {
      name: "in a folder name too, and in org.yaml's folder",
      files: { 'identities/pay\u0007ments/app.yaml': IDENTITY },
      expect: [{ line: 1, column: 1, messageId: 'invisibleCharacter', message: /U\+0007/ }],
    },
    {
      name: 'a file that does not even parse is still reported',
      files: { 'identities/payments/\u001bx.yaml': 'a: [\n' },
      expect: [{ line: 1, column: 1, messageId: 'invisibleCharacter' }],
    },
  ],
});

const acme = fileURLToPath(new URL('../../../examples/acme/identities', import.meta.url));
const NAMES = [
  'identities/payments/\u001b[31mred.yaml',
  'identities/payments/\u202eliam.yaml',
  'identities/payments/line\nbreak.yaml',
  'identities/pay\u200bments/app.yaml',
];

describe('parse/file-name on disk', () => {
  it('the working tree and a git revision list such names and the loader reports each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idac-name-'));
    mkdirSync(join(dir, 'identities/payments'), { recursive: true });
    mkdirSync(join(dir, 'identities/pay\u200bments'), { recursive: true });
    writeFileSync(join(dir, 'identities/org.yaml'), readFileSync(join(acme, 'org.yaml')));
    for (const n of NAMES) writeFileSync(join(dir, n), readFileSync(join(acme, 'payments/ledger-writer.yaml')));
    const now = parseInstant('2026-11-23')!;
    const reported = async (source: FsSource | GitSource) => {
      const r = await validate(source, { paths: ['identities'], now });
      if (!r.ok) throw new Error(messageOf(r));
      return r.value.findings
        .filter((f) => f.rule === 'parse/file-name')
        .map((f) => f.file)
        .sort();
    };
    expect(await reported(new FsSource(dir))).toEqual([...NAMES].sort());
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
    expect(await reported(source)).toEqual([...NAMES].sort());
    source.close();
  });
});
