// idac history through the built CLI on git histories built in temp dirs: squash merges and merge
// commits with PR numbers, a widening (every action it adds), an owner change, a rename with a
// move to another team (followed through renamedFrom), a suspension, and the whole repo's log.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { idac, repo, root, STACK_TRACE } from './cli.js';
import { git, GitRepo } from './git.js';

const ACME = join(root, 'examples/acme');
const SR = 'identities/payments/settlement-reader.yaml';

/** base → #7 widen (squash) → #8 owner change (merge commit) → #9 rename + move → suspend (no PR). */
function story(): { repo: GitRepo; shas: string[] } {
  const r = GitRepo.fromFolder(ACME);
  const shas = [git(r.dir, 'rev-parse', 'HEAD')];
  r.edit(SR, 'actions: [s3:GetObject, s3:ListBucket]', 'actions: [s3:GetObject, s3:GetObjectTagging, s3:ListBucket]');
  shas.push(r.commit('payments: settlement-reader reads object tags (#7)'));
  r.branch('owner');
  r.edit(SR, 'owner: alice@acme.example', 'owner: carol@acme.example');
  r.commit('hand settlement-reader to carol');
  git(r.dir, 'checkout', '-q', 'main');
  git(r.dir, 'merge', '-q', '--no-ff', '-m', 'Merge pull request #8 from acme/owner', 'owner');
  shas.push(git(r.dir, 'rev-parse', 'HEAD'));
  const text = r
    .read(SR)
    .replace('  name: settlement-reader\n', '  name: settlement-ingest\n  renamedFrom: settlement-reader\n');
  r.remove(SR).write('identities/payments/settlement-ingest.yaml', text);
  shas.push(r.commit('rename settlement-reader to settlement-ingest (#9)'));
  r.edit('identities/payments/settlement-ingest.yaml', '  status: active\n', '  status: suspended\n');
  shas.push(r.commit('suspend settlement-ingest'));
  return { repo: r, shas };
}

interface Json {
  identity: string | null;
  commits: {
    sha: string;
    pr: number | null;
    kind: string;
    from: string | null;
    file: string;
    identity?: string;
    access: { gained: { target: string; grant: string }[]; lost: { target: string; grant: string }[] };
    changes: { path: string; before: unknown; after: unknown }[];
  }[];
}

describe('idac history', () => {
  const { repo: r, shas } = story();
  const run = (...args: string[]) => idac(['history', '--dir', r.dir, ...args]);

  it('follows an identity through PRs, a rename and a suspension, oldest first, exactly', () => {
    for (const name of ['settlement-reader', 'settlement-ingest', 'SETTLEMENT-INGEST']) {
      const out = run(name, '--format', 'json');
      expect(out.code, out.stderr).toBe(0);
      const j = JSON.parse(out.stdout) as Json;
      expect(j.identity).toBe(name);
      expect(j.commits.map((c) => [c.sha, c.pr, c.kind, c.from, c.file])).toEqual([
        [shas[0], null, 'added', null, SR],
        [shas[1], 7, 'changed', null, SR],
        [shas[2], 8, 'changed', null, SR],
        [shas[3], 9, 'renamed', 'settlement-reader', 'identities/payments/settlement-ingest.yaml'],
        [shas[4], null, 'changed', null, 'identities/payments/settlement-ingest.yaml'],
      ]);
      const [added, widen, owner, rename, suspend] = j.commits;
      expect(added!.access.gained.length).toBeGreaterThan(3);
      expect(added!.changes).toEqual([]);
      expect(widen!.changes).toEqual([
        {
          path: 'spec.access.aws.permissions[0].actions',
          before: ['s3:GetObject', 's3:ListBucket'],
          after: ['s3:GetObject', 's3:GetObjectTagging', 's3:ListBucket'],
        },
      ]);
      expect(widen!.access).toEqual({
        gained: [{ target: 'aws', grant: 's3:GetObjectTagging on arn:aws:s3:::bank-drop/settlements/*' }],
        lost: [],
      });
      expect(owner!.changes).toEqual([
        { path: 'spec.stewardship.owner', before: 'alice@acme.example', after: 'carol@acme.example' },
      ]);
      expect(owner!.access).toEqual({ gained: [], lost: [] });
      expect(rename!.changes).toEqual([
        { path: 'metadata.name', before: 'settlement-reader', after: 'settlement-ingest' },
        { path: 'metadata.renamedFrom', before: null, after: 'settlement-reader' },
      ]);
      expect(suspend!.changes).toEqual([{ path: 'spec.status', before: 'active', after: 'suspended' }]);
      expect(suspend!.access.gained).toEqual([]);
      expect(suspend!.access.lost.length).toBe(added!.access.gained.length + 1);
    }
  });

  it('byte-identical on a second run; text and markdown name the PRs', () => {
    expect(run('settlement-reader', '--format', 'json').stdout).toBe(
      run('settlement-reader', '--format', 'json').stdout,
    );
    const text = run('settlement-ingest').stdout;
    expect(text).toContain(`${shas[1]!.slice(0, 10)} #7 Test — settlement-reader changed`);
    expect(text).toContain(`${shas[3]!.slice(0, 10)} #9 Test — settlement-ingest renamed from settlement-reader`);
    expect(text).toContain('    spec.stewardship.owner: alice@acme.example → carol@acme.example');
    expect(text.trimEnd().split('\n').pop()).toBe('5 changes to settlement-ingest.');
    const md = run('settlement-ingest', '--format', 'markdown').stdout;
    expect(md).toContain('PR `#8`');
  });

  it('--all: one entry per (commit, identity) with the identity named', () => {
    const j = JSON.parse(run('--all', '--format', 'json').stdout) as Json;
    expect(j.identity).toBeNull();
    expect(j.commits.filter((c) => c.sha === shas[0]).map((c) => c.identity)).toEqual([
      'build-runner',
      'ci-deployer',
      'edge-gateway',
      'events-enricher',
      'ledger-ci',
      'ledger-writer',
      'legacy-etl',
      'nightly-recon',
      'northwind-feed',
      'payout-worker',
      'press-17',
      'release-bot',
      'report-exporter',
      'settlement-reader',
      'statement-renderer',
      'support-assistant',
    ]);
    expect(j.commits.filter((c) => c.sha !== shas[0]).map((c) => [c.pr, c.identity])).toEqual([
      [7, 'settlement-reader'],
      [8, 'settlement-reader'],
      [9, 'settlement-ingest'],
      [null, 'settlement-ingest'],
    ]);
  });

  it('--since keeps later commits only', () => {
    const later = GitRepo.fromFolder(ACME);
    later.edit(SR, 'owner: alice@acme.example', 'owner: carol@acme.example');
    git(later.dir, 'add', '-A');
    spawnCommit(later.dir, 'late change (#21)', '2027-02-01T00:00:00Z');
    const j = JSON.parse(
      idac(['history', 'settlement-reader', '--dir', later.dir, '--since', '2027-01-01', '--format', 'json']).stdout,
    ) as Json;
    expect(j.commits.map((c) => c.pr)).toEqual([21]);
  });

  it.each([
    [['nobody'], 'idac: no identity named "nobody" in the history of identities/\n'],
    [[], 'idac: give an identity NAME, or --all for every identity\n'],
    [['x', '--all'], 'idac: give an identity NAME or --all, not both\n'],
    [
      ['x', '--since', 'yesterday'],
      'idac: --since "yesterday" is not an ISO-8601 date (2026-11-23) or date-time with a zone\n',
    ],
  ])('%j → exit 2', (args, message) => {
    const out = run(...args);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(message);
    expect(out.stderr).not.toMatch(STACK_TRACE);
  });

  it('outside a git repository: exit 2', () => {
    const out = idac(['history', 'x', '--dir', repo({ 'identities/a.yaml': 'x: 1\n' })]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^idac: .* is not inside a git repository \(history reads git commits\)/);
  });
});

function spawnCommit(dir: string, message: string, date: string): void {
  // git() fixes the dates; this commit needs its own.
  const r = spawnSync('git', ['commit', '-q', '-m', message], {
    cwd: dir,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Late',
      GIT_AUTHOR_EMAIL: 'late@example.com',
      GIT_COMMITTER_NAME: 'Late',
      GIT_COMMITTER_EMAIL: 'late@example.com',
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    },
  });
  if (r.status !== 0) throw new Error(String(r.stderr));
}
