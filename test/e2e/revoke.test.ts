// idac revoke through the built CLI: the manifest edit, the printed diff, and what the plan of that
// emergency change shows (access gone, the key replaced by a new generation, nothing deleted that
// holds history).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { idac, root, STACK_TRACE } from './cli.js';
import { GitRepo, git } from './git.js';

const NOW = '2026-11-23';
const EXPORTER = 'identities/data/report-exporter.yaml';

describe('idac revoke (built CLI)', () => {
  it('suspends, bumps the generation, prints the diff; the plan disables access and replaces the key', () => {
    const repo = GitRepo.fromFolder(join(root, 'examples/acme'));
    const r = idac(['revoke', 'report-exporter', '--dir', repo.dir, '--reason', 'INC-5000 key in a CI log', '--now', NOW]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
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
    ].join('\n'));
    expect(r.stderr).toMatch(/suspended, credential generation bumped \(epoch 1\)/);
    expect(idac(['validate', '--dir', repo.dir, '--now', NOW]).code).toBe(0);

    const plan = JSON.parse(idac(['plan', '--dir', repo.dir, '--base', 'main', '--now', NOW, '--format', 'json']).stdout);
    expect(plan.identities.changed.map((c: { name: string }) => c.name)).toEqual(['report-exporter']);
    expect(plan.access.gained).toEqual([]);
    expect(plan.access.lost).toEqual([{ identity: 'report-exporter', target: 'aws', grant: 's3:PutObject on arn:aws:s3:::acme-finance-reports/monthly/*' }]);
    const ops = (k: string) => plan.resources[k].map((o: { type: string; name: string }) => `${o.type} ${o.name.replace(/\.g\d+$/, '.gN')}`);
    // The policy goes; the compromised key is deleted and a new (Inactive) one created; the user stays.
    expect(ops('delete')).toEqual(['aws:iam/accessKey:AccessKey report-exporter.aws.key.gN', 'aws:iam/userPolicy:UserPolicy report-exporter.aws.policy']);
    expect(ops('create')).toEqual(['aws:iam/accessKey:AccessKey report-exporter.aws.key.gN']);
    expect(plan.resources.create[0].name).not.toBe(plan.resources.delete[0].name);
    expect(plan.deletions.count).toBe(0);
    git(repo.dir, 'checkout', '-q', '-f', 'main');
  });

  it('exit 2: unknown identity, missing reason, not a name', () => {
    const acme = join(root, 'examples/acme');
    for (const args of [['revoke', 'no-such-identity', '--reason', 'x'], ['revoke', 'report-exporter'], ['revoke', '../etc/passwd', '--reason', 'x']]) {
      const r = idac([...args, '--dir', acme, '--now', NOW]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).not.toMatch(STACK_TRACE);
      expect(r.stdout).toBe('');
    }
  });
});
