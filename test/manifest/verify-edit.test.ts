// verifyEdit: the check every edit command runs before writing — the result must load with
// validate's loader and mean exactly the original data with the intended values set.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eolOf, lineEndings, verifyEdit, type Change } from '../../src/manifest/verify-edit.js';
import { edit } from '../rules/harness.js';

const BEFORE = readFileSync(
  new URL('../../examples/acme/identities/data/report-exporter.yaml', import.meta.url),
  'utf8',
);
const OWNER: Change[] = [{ path: ['spec', 'stewardship', 'owner'], value: 'ivan@acme.example' }];
const owned = (text: string) => edit(text, 'owner: heidi@acme.example', 'owner: ivan@acme.example');

describe('verifyEdit', () => {
  it('accepts exactly the intended change, comments and layout aside', () => {
    expect(verifyEdit(BEFORE, owned(BEFORE), 'MachineIdentity', OWNER)).toBeNull();
    expect(verifyEdit(BEFORE, `# a comment\n${owned(BEFORE)}`, 'MachineIdentity', OWNER)).toBeNull();
    // A new key: the path is created.
    const reviewed = edit(BEFORE, '  rotation:\n', '  status: suspended\n  rotation:\n');
    expect(
      verifyEdit(BEFORE, reviewed, 'MachineIdentity', [{ path: ['spec', 'status'], value: 'suspended' }]),
    ).toBeNull();
  });

  it.each([
    [
      'a value that was not asked for changed too',
      BEFORE,
      edit(owned(BEFORE), 'costCenter: CC-3100', 'costCenter: CC-9999'),
      OWNER,
      /would not mean exactly the intended change/,
    ],
    ['the intended value is missing', BEFORE, BEFORE, OWNER, /would not mean exactly the intended change/],
    [
      'a key lost',
      BEFORE,
      edit(owned(BEFORE), '    costCenter: CC-3100\n', ''),
      OWNER,
      /would not mean exactly the intended change/,
    ],
    [
      'a number written as text',
      BEFORE,
      edit(BEFORE, '    overlap: 3d\n', '    overlap: 3d\n    epoch: "1"\n'),
      [{ path: ['spec', 'rotation', 'epoch'], value: 1 }],
      /would not mean exactly|new schema\//,
    ],
    [
      'unparseable (the revoke bug: a block scalar cut in half)',
      BEFORE,
      edit(BEFORE, '  rotation:\n', '  status: suspended  rotation:\n'),
      [{ path: ['spec', 'status'], value: 'suspended' }],
      /would (not load|get a new parse\/)/,
    ],
    [
      'a new load finding',
      BEFORE,
      edit(BEFORE, '  rotation:\n', '  status: paused\n  rotation:\n'),
      [{ path: ['spec', 'status'], value: 'paused' }],
      /would get a new schema\//,
    ],
    [
      'an LF line inserted into a CRLF file',
      BEFORE.replace(/\n/g, '\r\n'),
      owned(BEFORE).replace(/\n/g, '\r\n').replace('  rotation:\r\n', '  rotation:\n'),
      OWNER,
      /would mix line endings into a file that uses CRLF only/,
    ],
    [
      'a CR line inserted into an LF file',
      BEFORE,
      owned(BEFORE).replace('  rotation:\n', '  rotation:\r\n'),
      OWNER,
      /would mix line endings into a file that uses LF only/,
    ],
  ])('refuses: %s', (_name, before, after, changes, message) => {
    expect(verifyEdit(before, after, 'MachineIdentity', changes)).toMatch(message);
  });

  it('line endings', () => {
    expect([
      lineEndings('a\r\nb\r\n'),
      lineEndings('a\nb'),
      lineEndings('a\r\nb\n'),
      lineEndings('a'),
      lineEndings('a\rb'),
    ]).toEqual(['crlf', 'lf', 'mixed', 'none', 'mixed']);
    expect([eolOf('a\r\nb\n'), eolOf('a\nb\r\n'), eolOf('a')]).toEqual(['\r\n', '\n', '\n']);
  });
});
