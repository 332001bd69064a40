// idac drift through the built CLI on temp repositories: examples/acme against the estate compiled
// from it (nothing drifted, exit 0, in every format), the same estate edited "in the console" (exact
// results, exit 1), drift right after `idac import` (nothing but what import reported as not
// expressible), and the refusals (exit 2, no stack trace).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRepository } from '../../src/check/repository.js';
import { FsSource } from '../../src/io/fs-source.js';
import type { DesiredResource } from '../../src/compile/types.js';
import { awsExportOf, compiled, kubectlDumpOf, vaultDumpOf } from '../estate/drift/compiled-estate.js';
import { ACME, acmeCopy } from './acme.js';
import { decideOwners, expectOnlyNotExpressible, forgetRecords, orgWithTeams } from './imported-repo.js';
import { idac, repo, root, STACK_TRACE } from './cli.js';

const NOW = '2026-11-23T12:00:00Z';
const ACCOUNT = '123456789012';
const EMPTY = { orphans: [], unmanagedKeys: [], changed: [], missing: [] };

let resources: DesiredResource[];
let files: string;
const at = (name: string) => join(files, name);

beforeAll(async () => {
  const loaded = await loadRepository(new FsSource(ACME));
  if (!loaded.ok) throw new Error('examples/acme does not load');
  resources = compiled(loaded.value, Date.parse(NOW));
  files = mkdtempSync(join(tmpdir(), 'idac-drift-'));
  writeFileSync(at('aws.json'), awsExportOf(resources, ACCOUNT));
  writeFileSync(at('k8s.json'), kubectlDumpOf(resources, 'prod-eu'));
  writeFileSync(at('vault.json'), vaultDumpOf(resources));
});

/** Where and when every command here runs. */
const inRepo = (dir: string) => ['--dir', dir, '--now', NOW];
const ALL = () => [
  '--aws',
  at('aws.json'),
  '--kubernetes',
  at('k8s.json'),
  '--cluster',
  'prod-eu',
  '--vault',
  at('vault.json'),
];

describe('idac drift (built CLI): examples/acme against the estate compiled from it', () => {
  it('reports nothing and exits 0, in JSON, text and Markdown', () => {
    const json = idac(['drift', '--dir', ACME, '--now', NOW, ...ALL(), '--format', 'json']);
    // The readers' notes (what a Vault dump cannot show) go to stderr; nothing else does.
    for (const line of json.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^idac: note: vault dump: /);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(EMPTY);
    const text = idac(['drift', '--dir', ACME, '--now', NOW, ...ALL()]);
    expect([text.code, text.stdout]).toEqual([
      0,
      'idac drift: 0 orphans, 0 unmanaged access keys, 0 changed, 0 missing\nThe estate matches git.\n',
    ]);
    const out = join(files, 'drift.md');
    const md = idac(['drift', '--dir', ACME, '--now', NOW, ...ALL(), '--format', 'markdown', '--out', out]);
    expect([md.code, md.stdout]).toEqual([0, '']);
    expect(readFileSync(out, 'utf8')).toBe(
      '## Drift\n\n0 orphans, 0 unmanaged access keys, 0 changed, 0 missing.\n\nThe estate matches git.\n',
    );
  });

  it('finds a console edit, a new orphan, a deleted role and keys nobody manages, exactly (exit 1)', () => {
    const dump = JSON.parse(readFileSync(at('aws.json'), 'utf8')) as {
      RoleDetailList: {
        RoleName: string;
        Arn: string;
        RolePolicyList: { PolicyDocument: { Statement: unknown[] } }[];
      }[];
      UserDetailList: { UserName: string; Arn: string }[];
    };
    const roles = dump.RoleDetailList;
    // A console edit: payout-worker may now delete objects too.
    const payout = roles.find((r) => r.RoleName === 'payout-worker')!;
    payout.RolePolicyList[0]!.PolicyDocument.Statement.push({
      Effect: 'Allow',
      Action: 's3:DeleteObject',
      Resource: 'arn:aws:s3:::acme-payouts/*',
    });
    // A role created by hand, and one deleted by hand.
    const gone = roles.findIndex((r) => r.RoleName === 'ledger-ci');
    const [deleted] = roles.splice(gone, 1);
    roles.push({
      ...payout,
      RoleName: 'shadow-admin',
      Arn: `arn:aws:iam::${ACCOUNT}:role/shadow-admin`,
      Path: '/',
    } as never);
    const edited = join(files, 'aws-edited.json');
    writeFileSync(edited, JSON.stringify(dump));
    // The credential report: a key of an undeclared user (the report gives slots, not key ids).
    const report = join(files, 'report.csv');
    writeFileSync(
      report,
      'user,arn,user_creation_time,password_enabled,access_key_1_active,access_key_1_last_rotated,' +
        'access_key_1_last_used_date,access_key_2_active,access_key_2_last_rotated\n' +
        `<root_account>,arn:aws:iam::${ACCOUNT}:root,2020-01-01T00:00:00+00:00,not_supported,` +
        'false,N/A,N/A,false,N/A\n' +
        `old-sync,arn:aws:iam::${ACCOUNT}:user/old-sync,2021-03-01T00:00:00+00:00,false,true,` +
        '2021-03-01T00:00:00+00:00,2026-11-20T08:00:00+00:00,false,N/A\n',
    );
    const r = idac(['drift', ...inRepo(ACME), '--aws', edited, '--credential-report', report, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      orphans: [{ target: 'aws', id: `arn:aws:iam::${ACCOUNT}:role/shadow-admin`, name: 'shadow-admin' }],
      unmanagedKeys: [
        {
          target: 'aws',
          id: `arn:aws:iam::${ACCOUNT}:user/old-sync`,
          keyId: 'access key 1',
          status: 'Active',
          created: '2021-03-01T00:00:00.000Z',
          lastUsed: '2026-11-20T08:00:00.000Z',
          reason: 'no manifest declares this user',
        },
      ],
      changed: [
        {
          target: 'aws',
          id: payout.Arn,
          identity: 'payout-worker',
          file: 'identities/payments/payout-worker.yaml',
          differences: [
            { field: 'aws.permissions', manifest: null, live: 's3:DeleteObject on arn:aws:s3:::acme-payouts/*' },
          ],
        },
      ],
      missing: [
        {
          target: 'aws',
          id: deleted!.Arn,
          identity: 'ledger-ci',
          file: 'identities/payments/ledger-ci.yaml',
          status: 'active',
        },
      ],
    });
  });

  it('leaves what org.yaml drift.ignore lists alone', () => {
    const dir = acmeCopy();
    const org = join(dir, 'identities/org.yaml');
    writeFileSync(org, readFileSync(org, 'utf8').replace('spec:\n', 'spec:\n  drift:\n    ignore: ["shadow-*"]\n'));
    const dump = JSON.parse(readFileSync(at('aws.json'), 'utf8')) as {
      RoleDetailList: { RoleName: string; Arn: string; Path: string }[];
    };
    const first = dump.RoleDetailList[0]!;
    dump.RoleDetailList.push({
      ...first,
      RoleName: 'shadow-admin',
      Arn: `arn:aws:iam::${ACCOUNT}:role/shadow-admin`,
      Path: '/',
    });
    const edited = join(files, 'aws-shadow.json');
    writeFileSync(edited, JSON.stringify(dump));
    const r = idac(['drift', '--dir', dir, '--now', NOW, '--aws', edited, '--format', 'json']);
    expect([r.code, JSON.parse(r.stdout)]).toEqual([0, EMPTY]);
  });
});

describe('idac drift (built CLI) right after idac import', () => {
  const ORG = orgWithTeams('platform');
  it('reports nothing for an estate idac can express whole', () => {
    const dir = repo({ 'identities/org.yaml': ORG });
    const imp = idac(['import', 'aws', '--from', at('aws.json'), '--team', 'platform', '--dir', dir, '--now', NOW]);
    expect(imp.stderr).not.toMatch(STACK_TRACE);
    decideOwners(dir);
    const r = idac(['drift', '--dir', dir, '--now', NOW, '--aws', at('aws.json'), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect([r.code, JSON.parse(r.stdout)]).toEqual([0, EMPTY]);
  });

  it.each([
    { target: 'aws', fixture: 'aws/account.json', source: (f: string) => ['--aws', f], cluster: [] as string[] },
    {
      target: 'kubernetes',
      fixture: 'kubernetes/acme-prod-eu.json',
      source: (f: string) => ['--kubernetes', f, '--cluster', 'prod-eu'],
      cluster: ['--cluster', 'prod-eu'],
    },
  ])(
    '$target: reports nothing; without its records, only the statements import could not express',
    async ({ target, fixture, source, cluster }) => {
      const file = join(root, 'test/fixtures/estate', fixture);
      const dir = repo({ 'identities/org.yaml': ORG });
      const imp = idac([
        'import',
        target,
        '--from',
        file,
        ...cluster,
        '--team',
        'platform',
        ...inRepo(dir),
        '--format',
        'json',
      ]);
      const summary = JSON.parse(imp.stdout) as { notExpressible: { identity: string; statement: string }[] };
      decideOwners(dir);
      // Right after the import: nothing. What it could not express is recorded in the manifests
      // (importedFrom.live.notExpressible), which lifecycle/import-unsettled asks a person to settle.
      const clean = idac(['drift', ...inRepo(dir), ...source(file), '--format', 'json']);
      expect([clean.code, JSON.parse(clean.stdout)]).toEqual([0, EMPTY]);
      // Without the records, drift reports exactly those statements again.
      forgetRecords(dir);
      const r = idac(['drift', ...inRepo(dir), ...source(file), '--format', 'json']);
      const report = JSON.parse(r.stdout) as typeof EMPTY & {
        changed: { identity: string; differences: { field: string; live: string }[] }[];
      };
      expect(report.missing).toEqual([]);
      expect(report.unmanagedKeys).toEqual([]);
      await expectOnlyNotExpressible(dir, target, report.changed, summary.notExpressible);
    },
  );
});

describe('idac drift (built CLI): refusals', () => {
  it.each([
    [[], /nothing to compare: give at least one of --aws FILE/],
    [['--kubernetes', 'k8s.json'], /--kubernetes FILE needs --cluster NAME/],
    [['--cluster', 'prod-eu'], /--cluster goes with --kubernetes FILE/],
    [['--aws', 'aws.json', '--aws-live'], /give --aws FILE or --aws-live, not both/],
    [['--vault-live', '--vault', 'v.json'], /give --vault FILE or --vault-live, not both/],
    [['--aws-live', '--credential-report', 'r.csv'], /--credential-report goes with --aws FILE/],
    [['--aws', 'no-such-file.json'], /--aws no-such-file.json: /],
    [['--aws', 'aws.json', '--format', 'sarif'], /--format must be one of text, json, markdown/],
  ])('%j exits 2 with a message, no stack trace', (args, message) => {
    const r = idac(['drift', '--dir', ACME, ...args], { cwd: files });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('says what is wrong with an export that is not one', () => {
    writeFileSync(join(files, 'broken.json'), '{"RoleDetailList": [');
    const r = idac(['drift', '--dir', ACME, '--aws', join(files, 'broken.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/AWS export .*is not valid JSON/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('--help gives examples and the exit codes', () => {
    const r = idac(['drift', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('idac drift --aws auth.json --credential-report report.csv');
    expect(r.stdout).toContain(
      'Exit codes: 0 the estate matches git, 1 something drifted, 2 the command could not run.',
    );
  });
});

describe('idac drift (built CLI): secrets in the estate', () => {
  it('a token in a policy statement never reaches any format or --out; its fingerprint does', () => {
    const token = ['ghp', 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'].join('_');
    const role = {
      Path: '/',
      RoleName: 'leaky',
      RoleId: 'AROAEXAMPLE1',
      Arn: 'arn:aws:iam::111122223333:role/leaky',
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      },
      RolePolicyList: [
        {
          PolicyName: 'p',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Deny', Action: 's3:DeleteObject', Resource: `arn:aws:s3:::b/${token}` }],
          },
        },
      ],
      AttachedManagedPolicies: [],
      Tags: [],
    };
    const exportOf = (r: typeof role) =>
      JSON.stringify({ UserDetailList: [], GroupDetailList: [], RoleDetailList: [r], Policies: [] });
    // Imported with the Deny (recorded, withheld in the file); later the same Deny appears in a second
    // policy by hand: drift reports that statement, token and all, unless it withholds it.
    const edited = {
      ...role,
      RolePolicyList: [...role.RolePolicyList, { ...role.RolePolicyList[0]!, PolicyName: 'q' }],
    };
    const dir = repo({ 'identities/org.yaml': orgWithTeams('platform'), 'before.json': exportOf(role) });
    idac(['import', 'aws', '--from', 'before.json', '--team', 'platform', '--dir', dir, '--now', NOW]);
    writeFileSync(join(dir, 'estate.json'), exportOf(edited));
    for (const format of ['text', 'json', 'markdown']) {
      const args = ['drift', '--dir', dir, '--now', NOW, '--aws', 'estate.json', '--format', format, '--out', 'o'];
      const r = idac(args, { cwd: dir });
      expect(r.code, format).toBe(1);
      const out = readFileSync(join(dir, 'o'), 'utf8');
      expect(out + r.stdout + r.stderr, format).not.toContain(token);
      expect(out, format).toMatch(/\[secret [0-9a-f]{8}\]/);
    }
  });
});
