// idac revoke through the built CLI: the manifest edit, the printed diff, and what the plan of that
// emergency change shows (access gone, the key replaced by a new generation, nothing deleted that
// holds history).
import { chmodSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acmeCopy, read } from './acme.js';
import { idac, idacUnprivileged, whyNoUnprivileged, root, STACK_TRACE } from './cli.js';
import { GitRepo, git } from './git.js';

const NOW = '2026-11-23';
const UNPRIVILEGED_SKIP = whyNoUnprivileged();
if (UNPRIVILEGED_SKIP)
  console.warn(`test/e2e/revoke.test.ts: the file-permission case is skipped: ${UNPRIVILEGED_SKIP}`);
const EXPORTER = 'identities/data/report-exporter.yaml';
const LEGACY = 'identities/data/legacy-etl.yaml';
const READER = 'identities/payments/settlement-reader.yaml';
const TOMBSTONE = 'identities/payments/nightly-recon.yaml';

describe('idac revoke (built CLI)', () => {
  it('suspends, bumps the generation, prints the diff; the plan disables access and replaces the key', () => {
    const repo = GitRepo.fromFolder(join(root, 'examples/acme'));
    const r = idac([
      'revoke',
      'report-exporter',
      '--dir',
      repo.dir,
      '--reason',
      'INC-5000 key in a CI log',
      '--now',
      NOW,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        `--- a/${EXPORTER}\t`,
        `+++ b/${EXPORTER}\t`,
        '@@ -18,2 +18,4 @@',
        '     reviewer: judy@acme.example',
        '+  # revoked 2026-11-23: INC-5000 key in a CI log',
        '+  status: suspended',
        '   rotation:',
        '@@ -21,2 +23,3 @@',
        '     overlap: 3d',
        '+    epoch: 1',
        '   delivery:',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toMatch(/suspended, credential generation bumped \(epoch 1\)/);
    expect(idac(['validate', '--dir', repo.dir, '--now', NOW]).code).toBe(0);

    const plan = JSON.parse(
      idac(['plan', '--dir', repo.dir, '--base', 'main', '--now', NOW, '--format', 'json']).stdout,
    );
    expect(plan.identities.changed.map((c: { name: string }) => c.name)).toEqual(['report-exporter']);
    expect(plan.access.gained).toEqual([]);
    expect(plan.access.lost).toEqual([
      {
        identity: 'report-exporter',
        target: 'aws',
        grant: 's3:PutObject on arn:aws:s3:::acme-finance-reports/monthly/*',
        conditions: { IpAddress: { 'aws:SourceIp': '198.51.100.0/24' } },
      },
    ]);
    const ops = (k: string) =>
      plan.resources[k].map((o: { type: string; name: string }) => `${o.type} ${o.name.replace(/\.g\d+$/, '.gN')}`);
    // The policy goes; the compromised key is deleted and a new (Inactive) one created; the user stays.
    expect(ops('delete')).toEqual([
      'aws:iam/accessKey:AccessKey report-exporter.aws.key.gN',
      'aws:iam/userPolicy:UserPolicy report-exporter.aws.policy',
    ]);
    expect(ops('create')).toEqual(['aws:iam/accessKey:AccessKey report-exporter.aws.key.gN']);
    expect(plan.resources.create[0].name).not.toBe(plan.resources.delete[0].name);
    expect(plan.deletions.count).toBe(0);
    git(repo.dir, 'checkout', '-q', '-f', 'main');
  });

  it('the plan of a revoke says the new AWS key is created Inactive (JSON, text, Markdown)', () => {
    const repo = GitRepo.fromFolder(join(root, 'examples/acme')).branch('revoke');
    expect(idac(['revoke', 'report-exporter', '--dir', repo.dir, '--reason', 'INC-5000', '--now', NOW]).code).toBe(0);
    const head = repo.commit('revoke');
    const plan = (format: string) =>
      idac(['plan', '--dir', repo.dir, '--base', 'main', '--head', head, '--now', NOW, '--format', format]);
    const json = JSON.parse(plan('json').stdout);
    const key = json.resources.create.find((o: { type: string }) => o.type === 'aws:iam/accessKey:AccessKey');
    expect(key).toEqual({
      type: 'aws:iam/accessKey:AccessKey',
      name: key.name,
      identity: 'report-exporter',
      team: 'data',
      status: 'Inactive',
    });
    // The key being replaced was Active: the delete carries no status (it is gone, whatever it was).
    expect(json.resources.delete.find((o: { type: string }) => o.type === 'aws:iam/accessKey:AccessKey')).toEqual({
      type: 'aws:iam/accessKey:AccessKey',
      name: expect.stringMatching(/^report-exporter\.aws\.key\.g\d+$/),
      identity: 'report-exporter',
      team: 'data',
    });
    expect(plan('text').stdout).toContain(`+ create  aws:iam/accessKey:AccessKey ${key.name} (status Inactive)`);
    expect(plan('markdown').stdout).toContain(
      `- create \`aws:iam/accessKey:AccessKey\` \`${key.name}\`, status \`Inactive\``,
    );
  });

  it('a decommissioned identity is refused: exit 1, the file untouched, and why', () => {
    const dir = acmeCopy();
    const before = read(dir, TOMBSTONE);
    const r = idac(['revoke', 'nightly-recon', '--dir', dir, '--reason', 'INC-5001', '--now', NOW]);
    expect(r).toEqual({
      code: 1,
      stdout: '',
      stderr:
        `idac: not revoking nightly-recon (${TOMBSTONE}): it is decommissioned: apply has deleted its access ` +
        `and credentials, so there is nothing to revoke. Nothing was changed\n`,
    });
    expect(read(dir, TOMBSTONE)).toBe(before);
  });

  it('a suspended identity only gets the new generation: no second status comment, no status churn', () => {
    const dir = acmeCopy();
    const r = idac(['revoke', 'legacy-etl', '--dir', dir, '--reason', 'INC-5002 secret-id in a log', '--now', NOW]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        `--- a/${LEGACY}\t`,
        `+++ b/${LEGACY}\t`,
        '@@ -24,3 +24,4 @@',
        '     overlap: 1d',
        '-    epoch: 1',
        '+    # new credential generation 2026-11-23: INC-5002 secret-id in a log',
        '+    epoch: 2',
        '   access:',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe(
      `idac: ${LEGACY}: already suspended; credential generation bumped (epoch 2). Commit it and open the ` +
        `emergency pull request; apply replaces the credential.\n`,
    );
    expect(idac(['validate', '--dir', dir, '--now', NOW]).code).toBe(0);

    // Revoking the same identity twice: the second run changes only the generation.
    const once = idac(['revoke', 'report-exporter', '--dir', dir, '--reason', 'INC-5003', '--now', NOW]);
    expect(once.code).toBe(0);
    const after = read(dir, EXPORTER);
    const twice = idac(['revoke', 'report-exporter', '--dir', dir, '--reason', 'INC-5004', '--now', '2026-11-24']);
    expect(twice.code).toBe(0);
    expect(read(dir, EXPORTER)).toBe(
      after.replace('    epoch: 1\n', '    # new credential generation 2026-11-24: INC-5004\n    epoch: 2\n'),
    );
    expect(read(dir, EXPORTER).match(/# revoked/g)).toHaveLength(1);
  });

  it('a suspended identity without a static credential: nothing to change, exit 0, the file untouched', () => {
    const dir = acmeCopy();
    expect(idac(['revoke', 'settlement-reader', '--dir', dir, '--reason', 'INC-5005', '--now', NOW]).code).toBe(0);
    const before = read(dir, READER);
    const r = idac(['revoke', 'settlement-reader', '--dir', dir, '--reason', 'INC-5006', '--now', NOW]);
    expect(r).toEqual({
      code: 0,
      stdout: '',
      stderr:
        `idac: ${READER}: settlement-reader is already suspended and holds no static credential to replace: ` +
        `nothing to change.\n`,
    });
    expect(read(dir, READER)).toBe(before);
  });

  it('a manifest the edit cannot be made in is refused: exit 1, the file untouched', () => {
    const dir = acmeCopy();
    for (const [text, why] of [
      ['apiVersion: idac/v1\nkind: MachineIdentity\nmetadata:\n  name: report-exporter\nspec: [\n', /does not parse/],
      [
        'apiVersion: idac/v1\nkind: MachineIdentity\nmetadata:\n  name: report-exporter\nspec:\n  status: { a: b }\n',
        /spec\.status is not a single value/,
      ],
    ] as const) {
      writeFileSync(join(dir, EXPORTER), text);
      const r = idac(['revoke', 'report-exporter', '--dir', dir, '--reason', 'INC-5007', '--now', NOW]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^idac: not revoking report-exporter \(identities\/data\/report-exporter\.yaml\): /);
      expect(r.stderr).toMatch(why);
      expect(r.stdout).toBe('');
      expect(read(dir, EXPORTER)).toBe(text);
    }
  });

  it(
    'an epoch it cannot read as a whole number, or at the ' +
      'schema maximum: exit 1, the file untouched, and what to do',
    () => {
      const dir = acmeCopy();
      const base = read(dir, EXPORTER);
      for (const [epoch, why] of [
        [
          "'2'",
          new RegExp(
            String.raw`spec\.rotation\.epoch is "2" \(text, not a number\), not a whole number from 0 to ` +
              String.raw`1000000.*Write the epoch as a plain number \(epoch: 2\)`,
          ),
        ],
        ['>-\n      2', /spec\.rotation\.epoch is "2" \(text, not a number\)/],
        ['-5', /spec\.rotation\.epoch is "-5", not a whole number from 0 to 1000000/],
        [
          '1000000',
          new RegExp(
            String.raw`spec\.rotation\.epoch is 1000000, the largest the schema allows \(1000000\), so revoke ` +
              String.raw`cannot start a new credential generation\. Nothing was changed\. To stop it now by hand: ` +
              String.raw`set spec\.status: suspended`,
          ),
        ],
      ] as const) {
        const text = base.replace('    overlap: 3d\n', `    overlap: 3d\n    epoch: ${epoch}\n`);
        writeFileSync(join(dir, EXPORTER), text);
        const r = idac(['revoke', 'report-exporter', '--dir', dir, '--reason', 'INC-5009', '--now', NOW]);
        expect(r.code, epoch).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/^idac: not revoking report-exporter \(identities\/data\/report-exporter\.yaml\): /);
        expect(r.stderr).toMatch(why);
        expect(r.stderr).not.toContain('a bug in idac');
        expect(read(dir, EXPORTER)).toBe(text);
      }
    },
  );

  it('a manifest that is a symbolic link: exit 2 saying it is a link idac does not follow', () => {
    const dir = acmeCopy();
    renameSync(join(dir, EXPORTER), join(dir, 'exporter.yaml'));
    symlinkSync('../../exporter.yaml', join(dir, EXPORTER));
    const r = idac(['revoke', 'report-exporter', '--dir', dir, '--reason', 'INC-5010', '--now', NOW]);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        `idac: ${EXPORTER} is a symbolic link, which idac does not follow: replace it with the manifest ` +
        `itself (the file, committed in this repository) and run revoke again\n`,
    });
    const attest = idac([
      'review',
      'attest',
      'report-exporter',
      '--reviewer',
      'alice@acme.example',
      '--dir',
      dir,
      '--now',
      NOW,
    ]);
    expect(attest).toEqual({
      code: 2,
      stdout: '',
      stderr: `idac: cannot read ${EXPORTER}: it is a symbolic link, which idac does not follow; nothing was changed\n`,
    });
  });

  it('a read-only or unreadable manifest exits 2 with a clear message, no stack trace, the file untouched', (ctx) => {
    if (UNPRIVILEGED_SKIP) ctx.skip(UNPRIVILEGED_SKIP);
    const dir = acmeCopy();
    const before = read(dir, EXPORTER);
    chmodSync(join(dir, EXPORTER), 0o444);
    const ro = idacUnprivileged(['revoke', 'report-exporter', '--dir', dir, '--reason', 'INC-5008', '--now', NOW], dir);
    expect(ro).toEqual({
      code: 2,
      stdout: '',
      stderr: `idac: cannot write ${EXPORTER}: permission denied; nothing was changed\n`,
    });
    expect(read(dir, EXPORTER)).toBe(before);
    chmodSync(join(dir, EXPORTER), 0o000);
    const unreadable = idacUnprivileged(
      ['revoke', 'report-exporter', '--dir', dir, '--reason', 'INC-5008', '--now', NOW],
      dir,
    );
    expect(unreadable).toEqual({
      code: 2,
      stdout: '',
      stderr: `idac: cannot read ${EXPORTER}: permission denied; nothing was changed\n`,
    });
    chmodSync(join(dir, EXPORTER), 0o644);
    expect(read(dir, EXPORTER)).toBe(before);
  });

  it('--help marks --reason as required; without it, exit 2 saying so', () => {
    const help = idac(['revoke', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: idac revoke <name> --reason <text> \[options\]$/m);
    expect(help.stdout).toMatch(/--reason <text> +required: why/);
    const r = idac(['revoke', 'report-exporter', '--dir', join(root, 'examples/acme'), '--now', NOW]);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'idac: --reason is required: say why (an incident id), it is recorded in the manifest and the pull request\n',
    });
  });

  it('exit 2: unknown identity, missing reason, not a name', () => {
    const acme = join(root, 'examples/acme');
    for (const args of [
      ['revoke', 'no-such-identity', '--reason', 'x'],
      ['revoke', 'report-exporter'],
      ['revoke', '../etc/passwd', '--reason', 'x'],
    ]) {
      const r = idac([...args, '--dir', acme, '--now', NOW]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(STACK_TRACE);
      expect(r.stdout).toBe('');
    }
  });

  it('a mistyped name: exit 2 with the closest identity, and no guess for a name nothing is near', () => {
    const acme = join(root, 'examples/acme');
    expect(idac(['revoke', 'report-exportr', '--reason', 'INC-1', '--dir', acme, '--now', NOW])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'idac: no identity report-exportr under identities/ (the file name equals metadata.name); did you ' +
        'mean report-exporter?\n',
    });
    expect(idac(['revoke', 'zzzzzz', '--reason', 'INC-1', '--dir', acme, '--now', NOW])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'idac: no identity zzzzzz under identities/ (the file name equals metadata.name)\n',
    });
  });
});
