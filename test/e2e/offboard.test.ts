// idac offboard through the built CLI: the hand-over report, --write editing the owner in place
// (whole files compared: only the owner line may change), validate asking for the new successor
// afterwards, and the refusals.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edit } from '../rules/harness.js';
import { ACME, acmeCopy, read } from './acme.js';
import { idac, idacUnprivileged, whyNoUnprivileged, repo, STACK_TRACE } from './cli.js';

const NOW = '2026-11-23';
const UNPRIVILEGED_SKIP = whyNoUnprivileged();
if (UNPRIVILEGED_SKIP)
  console.warn(`test/e2e/offboard.test.ts: the file-permission case is skipped: ${UNPRIVILEGED_SKIP}`);
const READER = 'identities/payments/settlement-reader.yaml';

const BOT = 'identities/platform/release-bot.yaml';

/** A copy of examples/acme where alice also joined platform and owns release-bot there. */
function aliceInTwoTeams(): string {
  const dir = acmeCopy();
  writeFileSync(
    join(dir, 'identities/org.yaml'),
    edit(
      read(dir, 'identities/org.yaml'),
      'members: [erin@acme.example,',
      'members: [alice@acme.example, erin@acme.example,',
    ),
  );
  writeFileSync(join(dir, BOT), edit(read(dir, BOT), 'owner: frank@acme.example', 'owner: alice@acme.example'));
  return dir;
}

describe('idac offboard (built CLI)', () => {
  it('lists every role a person holds, in a stable order (JSON)', () => {
    const r = idac(['offboard', 'Alice@ACME.example', '--dir', ACME, '--now', NOW, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      person: 'Alice@ACME.example',
      identities: [
        {
          identity: 'ledger-writer',
          file: 'identities/payments/ledger-writer.yaml',
          status: 'active',
          roles: ['reviewer'],
          proposal: {},
          needs: ['new-review'],
        },
        {
          identity: 'nightly-recon',
          file: 'identities/payments/nightly-recon.yaml',
          status: 'decommissioned',
          roles: ['successor'],
          proposal: {},
          needs: ['new-successor'],
        },
        {
          identity: 'settlement-reader',
          file: READER,
          status: 'active',
          roles: ['owner'],
          proposal: { 'spec.stewardship.owner': 'bob@acme.example' },
          needs: ['new-successor'],
        },
      ],
      org: { teams: ['payments'], securityOwner: false },
      invalid: [],
      next: {
        successors: [
          {
            identity: 'settlement-reader',
            file: READER,
            line: 14,
            team: 'payments',
            owner: 'bob@acme.example',
            candidates: ['carol@acme.example'],
          },
        ],
        command: 'idac offboard Alice@ACME.example --write --successor EMAIL',
      },
    });
  });

  it(
    '--write hands the identity to its successor, keeps every other byte, prints the diff; validate then asks ' +
      'for a successor',
    () => {
      const dir = acmeCopy();
      const before = new Map(
        [
          'payments/ledger-writer.yaml',
          'payments/nightly-recon.yaml',
          'payments/settlement-reader.yaml',
          'data/legacy-etl.yaml',
        ].map((f) => [f, read(dir, `identities/${f}`)]),
      );
      const r = idac(['offboard', 'alice@acme.example', '--write', '--dir', dir, '--now', NOW]);
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(read(dir, READER)).toBe(
        edit(
          before.get('payments/settlement-reader.yaml')!,
          '    owner: alice@acme.example\n',
          '    owner: bob@acme.example\n',
        ),
      );
      for (const f of ['payments/ledger-writer.yaml', 'payments/nightly-recon.yaml', 'data/legacy-etl.yaml'])
        expect(read(dir, `identities/${f}`), f).toBe(before.get(f));
      expect(r.stdout).toContain('Wrote 1 manifest: the successor is now the owner.');
      expect(r.stdout.slice(r.stdout.indexOf('--- a/'))).toBe(
        [
          `--- a/${READER}\t`,
          `+++ b/${READER}\t`,
          '@@ -12,3 +12,3 @@',
          '   stewardship:',
          '-    owner: alice@acme.example',
          '+    owner: bob@acme.example',
          '     successor: bob@acme.example',
          '',
        ].join('\n'),
      );
      // The new owner needs a new successor, and CODEOWNERS (which names owners) wants regenerating.
      const v = JSON.parse(idac(['validate', '--dir', dir, '--now', NOW, '--format', 'json']).stdout);
      expect(
        v.findings.map((f: { rule: string; file: string; line: number }) => `${f.file}:${f.line} ${f.rule}`),
      ).toEqual([`${READER}:13 codeowners/stale`, `${READER}:14 stewardship/successor-not-owner`]);
    },
  );

  it('--write without --successor says exactly what is left: which identity, where, who could, and the command', () => {
    const dir = acmeCopy();
    const r = idac(['offboard', 'alice@acme.example', '--write', '--dir', dir, '--now', NOW]);
    expect(r.code).toBe(0);
    const text = r.stdout.slice(0, r.stdout.indexOf('--- a/'));
    expect(text.slice(text.indexOf('Wrote'))).toBe(
      [
        'Wrote 1 manifest: the successor is now the owner. Commit the change below (with idac codeowners if ' +
          'the repository keeps a CODEOWNERS file).',
        'One identity needs a new successor (a member of the team other than the owner), or validate fails:',
        `  settlement-reader  ${READER}:14  team payments: carol@acme.example`,
        'Set spec.stewardship.successor there, or undo this write and name them in one step:',
        `  git checkout -- ${READER} && idac offboard alice@acme.example --write --successor EMAIL`,
        '',
        '',
      ].join('\n'),
    );
  });

  it('--write --successor EMAIL: the successor takes over, EMAIL succeeds, and the repository validates', () => {
    const dir = acmeCopy();
    const before = read(dir, READER);
    const r = idac([
      'offboard',
      'alice@acme.example',
      '--write',
      '--successor',
      'carol@acme.example',
      '--dir',
      dir,
      '--now',
      NOW,
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(read(dir, READER)).toBe(
      edit(
        before,
        '    owner: alice@acme.example\n    successor: bob@acme.example\n',
        '    owner: bob@acme.example\n    successor: carol@acme.example\n',
      ),
    );
    const out = JSON.parse(r.stdout);
    expect(out.identities.find((i: { identity: string }) => i.identity === 'settlement-reader')).toEqual({
      identity: 'settlement-reader',
      file: READER,
      status: 'active',
      roles: ['owner'],
      proposal: { 'spec.stewardship.owner': 'bob@acme.example', 'spec.stewardship.successor': 'carol@acme.example' },
      needs: [],
    });
    expect(out.next).toEqual({ successors: [], command: null });
    expect(out.written).toEqual([READER]);
    // The tombstone alice succeeds is left alone: validate does not ask a tombstone for a successor.
    expect(out.identities.find((i: { identity: string }) => i.identity === 'nightly-recon').proposal).toEqual({});
    expect(idac(['codeowners', '--dir', dir, '--now', NOW]).code).toBe(0);
    const v = idac(['validate', '--dir', dir, '--now', NOW, '--format', 'json']);
    expect(JSON.parse(v.stdout).findings).toEqual([]);
    expect(v.code).toBe(0);
  });

  it('identities in several teams: one --successor TEAM=EMAIL per team, each checked against its team', () => {
    const dir = aliceInTwoTeams();
    const files = [READER, BOT].map((f) => read(dir, f));

    // One address for both teams: not a member of platform, so nothing is written.
    const one = idac([
      'offboard',
      'alice@acme.example',
      '--write',
      '--successor',
      'carol@acme.example',
      '--dir',
      dir,
      '--now',
      NOW,
    ]);
    expect(one).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'idac: --successor carol@acme.example: carol@acme.example is not a member of team platform in ' +
        'org.yaml, so release-bot would not validate; members: alice@acme.example, erin@acme.example, ' +
        'frank@acme.example, grace@acme.example. Nothing was written.\n',
    });
    // Only one team named: the other has none.
    const half = idac([
      'offboard',
      'alice@acme.example',
      '--write',
      '--successor',
      'payments=carol@acme.example',
      '--dir',
      dir,
      '--now',
      NOW,
    ]);
    expect(half).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'idac: no successor for team platform (release-bot): add --successor platform=EMAIL. Nothing was written.\n',
    });
    expect([READER, BOT].map((f) => read(dir, f))).toEqual(files);

    const r = idac([
      'offboard',
      'alice@acme.example',
      '--write',
      '--successor',
      'payments=carol@acme.example',
      '--successor',
      'platform=erin@acme.example',
      '--dir',
      dir,
      '--now',
      NOW,
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).written).toEqual([BOT, READER]);
    expect(read(dir, BOT)).toBe(
      edit(
        files[1]!,
        '    owner: alice@acme.example\n    successor: grace@acme.example\n',
        '    owner: grace@acme.example\n    successor: erin@acme.example\n',
      ),
    );
    expect(idac(['codeowners', '--dir', dir, '--now', NOW]).code).toBe(0);
    // Each team's identities now name an owner and a successor of that team: validate is clean.
    expect(JSON.parse(idac(['validate', '--dir', dir, '--now', NOW, '--format', 'json']).stdout).findings).toEqual([]);
  });

  it.each([
    [
      'a typo in the address: did you mean',
      ['--successor', 'carl@acme.example'],
      1,
      'idac: --successor carl@acme.example: carl@acme.example is not a member of team payments in org.yaml, ' +
        'so settlement-reader would not validate; did you mean carol@acme.example? Nothing was written.\n',
    ],
    [
      'the new owner cannot also succeed',
      ['--successor', 'bob@acme.example'],
      1,
      'idac: --successor bob@acme.example: bob@acme.example becomes the owner of settlement-reader, and a ' +
        'successor must be someone else; name another member of team payments (carol@acme.example). Nothing ' +
        'was written.\n',
    ],
    [
      'the person leaving cannot succeed',
      ['--successor', 'ALICE@acme.example'],
      1,
      'idac: --successor ALICE@acme.example: ALICE@acme.example is the person leaving; name another member ' +
        'of team payments. Nothing was written.\n',
    ],
    [
      'a team that does not exist: did you mean',
      ['--successor', 'paymnts=carol@acme.example'],
      2,
      'idac: --successor paymnts=…: there is no team paymnts in org.yaml; did you mean payments? Nothing ' +
        'was written.\n',
    ],
    [
      'a team with nothing to succeed',
      ['--successor', 'data=heidi@acme.example'],
      2,
      'idac: --successor data=…: no identity of team data needs a new successor when alice@acme.example ' +
        'leaves (teams that do: payments). Nothing was written.\n',
    ],
    [
      'not an address',
      ['--successor', 'carol'],
      2,
      'idac: --successor "carol": "carol" is not an e-mail address; use --successor EMAIL or --successor TEAM=EMAIL\n',
    ],
    [
      'two addresses without a team',
      ['--successor', 'carol@acme.example', '--successor', 'bob@acme.example'],
      2,
      'idac: --successor given twice without a team (carol@acme.example, bob@acme.example): name the team ' +
        'of each, --successor TEAM=EMAIL\n',
    ],
  ])('--successor refused (%s): exit %i, nothing written', (_name, flags, code, stderr) => {
    const dir = acmeCopy();
    const before = read(dir, READER);
    const r = idac(['offboard', 'alice@acme.example', '--write', ...flags, '--dir', dir, '--now', NOW]);
    expect(r).toEqual({ code, stdout: '', stderr });
    expect(read(dir, READER)).toBe(before);
  });

  it('an owner written as a block scalar (>-) is handed over as a one-line value; the file still validates', () => {
    const dir = acmeCopy();
    const manifest = edit(
      read(dir, READER),
      '    owner: alice@acme.example\n',
      '    owner: >-\n      alice@acme.example\n',
    );
    writeFileSync(join(dir, READER), manifest);
    expect(idac(['validate', '--dir', dir, '--now', NOW]).code).toBe(0);
    const r = idac(['offboard', 'alice@acme.example', '--write', '--dir', dir, '--now', NOW]);
    expect(r.code).toBe(0);
    expect(read(dir, READER)).toBe(
      edit(manifest, '    owner: >-\n      alice@acme.example\n', '    owner: bob@acme.example\n'),
    );
  });

  it('a read-only or unreadable manifest exits 2 and no file is written, not even the writable ones', (ctx) => {
    if (UNPRIVILEGED_SKIP) ctx.skip(UNPRIVILEGED_SKIP);
    const dir = aliceInTwoTeams();
    const files = [READER, BOT].map((f) => read(dir, f));
    chmodSync(join(dir, BOT), 0o444);
    const r = idacUnprivileged(['offboard', 'alice@acme.example', '--write', '--dir', dir, '--now', NOW], dir);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: `idac: cannot write ${BOT}: permission denied; nothing was changed\n`,
    });
    expect([READER, BOT].map((f) => read(dir, f))).toEqual(files);
    // Unreadable: it may name the person, so no answer (and no write) is complete without it.
    chmodSync(join(dir, BOT), 0o000);
    const unreadable = idacUnprivileged(['offboard', 'alice@acme.example', '--write', '--dir', dir, '--now', NOW], dir);
    chmodSync(join(dir, BOT), 0o644);
    expect(unreadable).toEqual({
      code: 2,
      stdout: '',
      stderr: `idac: cannot read ${BOT}: permission denied; nothing was changed\n`,
    });
    expect([READER, BOT].map((f) => read(dir, f))).toEqual(files);
  });

  it(
    '--write on a hand-written manifest: comments, quotes ' + 'and blank lines survive; --format json carries the diff',
    () => {
      const manifest = readFileSync(join(ACME, READER), 'utf8').replace(
        '  stewardship:\n    owner: alice@acme.example\n',
        '\n  stewardship:   # who answers for it\n    # since 2025\n    owner: "alice@acme.example"   # lead\n',
      );
      const dir = acmeCopy();
      writeFileSync(join(dir, READER), manifest);
      const r = idac(['offboard', 'alice@acme.example', '--write', '--dir', dir, '--now', NOW, '--format', 'json']);
      expect(r.code).toBe(0);
      expect(read(dir, READER)).toBe(
        edit(manifest, '    owner: "alice@acme.example"   # lead\n', '    owner: "bob@acme.example"   # lead\n'),
      );
      const out = JSON.parse(r.stdout);
      expect(out.written).toEqual([READER]);
      expect(out.diff).toContain(
        '-    owner: "alice@acme.example"   # lead\n+    owner: "bob@acme.example"   # lead\n',
      );
    },
  );

  it('a successor who is also leaving the team: a new owner is needed and nothing is written', () => {
    const dir = acmeCopy();
    const org = read(dir, 'identities/org.yaml');
    writeFileSync(
      join(dir, 'identities/org.yaml'),
      edit(
        org,
        'members: [alice@acme.example, bob@acme.example, carol@acme.example]',
        'members: [alice@acme.example, carol@acme.example]',
      ),
    );
    const before = read(dir, READER);
    const r = idac(['offboard', 'alice@acme.example', '--write', '--dir', dir, '--now', NOW, '--format', 'json']);
    expect(r.code).toBe(0);
    const reader = JSON.parse(r.stdout).identities.find(
      (i: { identity: string }) => i.identity === 'settlement-reader',
    );
    expect(reader).toEqual({
      identity: 'settlement-reader',
      file: READER,
      status: 'active',
      roles: ['owner'],
      proposal: {},
      needs: ['new-owner', 'new-successor'],
    });
    expect(JSON.parse(r.stdout).written).toEqual([]);
    expect(read(dir, READER)).toBe(before);
  });

  it('someone no manifest names: nothing to hand over, exit 0', () => {
    const r = idac(['offboard', 'nobody@acme.example', '--dir', ACME, '--now', NOW]);
    expect(r).toEqual({
      code: 0,
      stdout: 'nobody@acme.example: no identity names them; nothing to hand over.\n',
      stderr: '',
    });
  });

  it('refuses --write while a manifest that may name the person is invalid; nothing is written', () => {
    const dir = acmeCopy();
    writeFileSync(
      join(dir, 'identities/payments/broken.yaml'),
      'apiVersion: idac/v1\nkind: MachineIdentity\nspec:\n  stewardship: { owner: alice@acme.example }\n',
    );
    const before = read(dir, READER);
    const r = idac(['offboard', 'alice@acme.example', '--write', '--dir', dir, '--now', NOW]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^idac: not writing anything: identities\/payments\/broken\.yaml could not be checked/);
    expect(r.stdout).toBe('');
    expect(read(dir, READER)).toBe(before);
    const list = idac(['offboard', 'alice@acme.example', '--dir', dir, '--now', NOW, '--format', 'json']);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).invalid).toEqual(['identities/payments/broken.yaml']);
  });

  it.each([
    ['not an e-mail', ['offboard', 'alice'], /"alice" is not an e-mail address/],
    ['a bad format', ['offboard', 'alice@acme.example', '--format', 'sarif'], /--format must be one of text, json/],
    [
      'no identities folder',
      ['offboard', 'alice@acme.example', '--dir', '.'],
      new RegExp(
        String.raw`^idac: --dir \. holds no identities\/ folder; give the repository root \(the folder that ` +
          String.raw`holds identities\/org\.yaml\)$`,
        'm',
      ),
    ],
  ])('exit 2: %s', (_name, args, message) => {
    const r = idac([...args, '--now', NOW], { cwd: args.includes('--dir') ? repo({ 'README.md': 'x' }) : ACME });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stdout).toBe('');
  });
});
