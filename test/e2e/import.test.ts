// idac import through the built CLI, on throw-away repos: the AWS export round trip (every grant of
// every supported statement is in who-can for the imported identity; every other statement is
// reported), what validate then asks of a person, byte-stable re-imports, --dry-run, --force, the
// Kubernetes dump, and the mistakes people make with the flags.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import { fake } from '../secrets/fakes.js';
import { idac, repo, root, STACK_TRACE } from './cli.js';

const NOW = '2026-12-03';
const AWS_EXPORT = join(root, 'test/fixtures/estate/aws/account.json');
const KUBE_DUMP = join(root, 'test/fixtures/estate/kubernetes/acme-prod-eu.json');
const VAULT_DUMP = join(root, 'test/fixtures/estate/import/vault-dump.json');
const CREDENTIAL_REPORT = join(root, 'test/fixtures/estate/import/credential-report.csv');

interface Summary {
  imported: { identity: string; file: string; source: string }[];
  needsOwner: string[];
  notExpressible: { identity: string; source: string; statement: string; reason: string }[];
  skipped: { source: string; reason: string }[];
  unplaced: { source: string; reason: string }[];
}

const importAws = (dir: string, ...more: string[]) =>
  idac(['import', 'aws', '--from', AWS_EXPORT, '--dir', dir, '--now', NOW, '--format', 'json', ...more]);

/** Every file under dir/identities, path → bytes as text. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const p = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else out[p] = readFileSync(join(dir, p), 'utf8');
    }
  };
  if (existsSync(join(dir, 'identities'))) walk('identities');
  return out;
}

/** What a person does after the import: an owner and successor on every file, both members of the team. */
function fillOwners(dir: string, files: readonly string[]): void {
  for (const f of files) {
    const text = readFileSync(join(dir, f), 'utf8')
      .replace(/^ {4}(owner|successor): .*\n/gm, '')
      .replace('  stewardship:\n', '  stewardship:\n    owner: alice@acme.example\n    successor: bob@acme.example\n');
    writeFileSync(join(dir, f), text);
  }
  const org = readFileSync(join(dir, 'identities/org.yaml'), 'utf8').replace(
    /members: \[[^\]]*\]/g,
    'members: [alice@acme.example, bob@acme.example]',
  );
  writeFileSync(join(dir, 'identities/org.yaml'), org);
}

function grantsOf(dir: string, identity: string): Set<string> {
  const r = idac(['who-can', '--identity', identity, '--dir', dir, '--now', NOW, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  const matches = (JSON.parse(r.stdout) as { matches: { target: string; grant: string }[] }).matches;
  return new Set(matches.filter((m) => m.target === 'aws').map((m) => m.grant));
}

type Statement = Record<string, unknown>;
const list = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? (v as string[]) : [v as string]);
const doc = (d: unknown): { Statement: Statement | Statement[] } =>
  (typeof d === 'string' ? JSON.parse(decodeURIComponent(d)) : d) as { Statement: Statement | Statement[] };
const statements = (d: unknown): Statement[] => {
  const s = doc(d).Statement;
  return Array.isArray(s) ? s : [s];
};

/** The permission statements of each principal of the export (inline, attached at default version, its groups'). */
function permissionStatements(): Map<string, Statement[]> {
  const e = JSON.parse(readFileSync(AWS_EXPORT, 'utf8')) as Record<string, Record<string, unknown>[]>;
  const managed = new Map(
    e.Policies!.map((p) => [
      p.Arn as string,
      statements((p.PolicyVersionList as Record<string, unknown>[]).find((v) => v.IsDefaultVersion)!.Document),
    ]),
  );
  const attached = (p: Record<string, unknown>) =>
    ((p.AttachedManagedPolicies ?? []) as { PolicyArn: string }[]).flatMap((a) => managed.get(a.PolicyArn) ?? []);
  const inline = (p: Record<string, unknown>, key: string) =>
    ((p[key] ?? []) as { PolicyDocument: unknown }[]).flatMap((x) => statements(x.PolicyDocument));
  const groups = new Map(
    e.GroupDetailList!.map((g) => [g.GroupName as string, [...inline(g, 'GroupPolicyList'), ...attached(g)]]),
  );
  const out = new Map<string, Statement[]>();
  for (const r of e.RoleDetailList!) out.set(r.Arn as string, [...inline(r, 'RolePolicyList'), ...attached(r)]);
  for (const u of e.UserDetailList!)
    out.set(u.Arn as string, [
      ...inline(u, 'UserPolicyList'),
      ...attached(u),
      ...((u.GroupList ?? []) as string[]).flatMap((g) => groups.get(g) ?? []),
    ]);
  return out;
}

describe('idac import aws --from (built CLI)', () => {
  const dir = repo({});
  const first = importAws(dir, '--team', 'platform');
  const summary = JSON.parse(first.stdout) as Summary;
  const files = tree(dir);

  it('writes a manifest per role and user, org.yaml, and exits 1 for what it could not express', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(1);
    expect(summary.imported.map((i) => i.file)).toEqual(
      [
        'audit-partner',
        'backup-agent',
        'batch-any-pod',
        'checkout-pods',
        'ci-legacy',
        'gitlab-release',
        'invoice-fn',
        'ledger-deploy',
        'legacy-ops',
        'okta-admins',
        'press-17',
        'settlement-reader',
      ].map((n) => `identities/platform/${n}.yaml`),
    );
    expect(Object.keys(files).sort()).toEqual(['identities/org.yaml', ...summary.imported.map((i) => i.file)].sort());
    expect(summary.skipped.map((s) => s.source)).toEqual([
      'arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/eu-west-1/' +
        'AWSReservedSSO_AdministratorAccess_0123456789abcdef',
      'arn:aws:iam::111122223333:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS',
    ]);
    expect(summary.notExpressible.length).toBeGreaterThan(0);
  });

  it('round trip: every grant of every supported statement is in who-can; every other statement is reported', () => {
    const work = repo(files);
    fillOwners(
      work,
      summary.imported.map((i) => i.file),
    );
    const byId = permissionStatements();
    for (const imported of summary.imported) {
      const reported = new Set(
        summary.notExpressible.filter((n) => n.identity === imported.identity).map((n) => n.statement),
      );
      const supported = (byId.get(imported.source) ?? []).filter((s) => !reported.has(JSON.stringify(s)));
      for (const s of supported) {
        expect(s.Effect, `${imported.identity}: ${JSON.stringify(s)} is neither imported nor reported`).toBe('Allow');
        expect(s.NotAction ?? s.NotResource, JSON.stringify(s)).toBeUndefined();
      }
      // Nothing left to grant (legacy-ops: NotAction only): the file asks a person for permissions instead.
      if (supported.length === 0) continue;
      // The reference: the same identity with the live statements copied verbatim. who-can evaluates both the same
      // way (an object action on a bucket ARN grants nothing in either), so every grant of the reference must be
      // a grant of the import.
      const data = parse(readFileSync(join(work, imported.file), 'utf8')) as MachineIdentity;
      delete data.metadata.importedFrom;
      data.metadata.name = `ref-${imported.identity}`.slice(0, 48);
      data.spec.access.aws!.permissions = supported.map((s) => ({
        actions: list(s.Action),
        resources: list(s.Resource),
        ...(s.Condition ? { conditions: s.Condition as Record<string, Record<string, string>> } : {}),
      }));
      writeFileSync(join(work, `identities/platform/${data.metadata.name}.yaml`), stringify(data));
      const want = grantsOf(work, data.metadata.name);
      expect(want.size, imported.identity).toBeGreaterThan(0);
      const got = grantsOf(work, imported.identity);
      for (const g of want) expect(got, `${imported.identity}: ${g}`).toContain(g);
    }
  });

  it('reports each unsupported statement whole, with its source and a reason', () => {
    const deny = summary.notExpressible.find((n) => n.identity === 'settlement-reader');
    expect(deny).toEqual({
      identity: 'settlement-reader',
      source: 'inline policy s3-read',
      statement: '{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}',
      reason: expect.stringContaining('a Deny has no manifest form') as string,
    });
    expect(summary.notExpressible.filter((n) => n.identity === 'legacy-ops').map((n) => n.statement)).toContain(
      '{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}',
    );
  });

  it('validate after the import: every file loads, and each finding is a decision import left to a person', () => {
    const r = idac(['validate', '--dir', dir, '--now', NOW, '--format', 'json']);
    const findings = (JSON.parse(r.stdout) as { findings: { file: string; rule: string; message: string }[] }).findings;
    // Every file loads (owner and successor are required by rules, SPEC §2); legacy-ops, whose only grant was a
    // NotAction, loads with `permissions: []` and its statement reported as not expressible.
    expect(findings.filter((f) => /^(schema|parse)\//.test(f.rule))).toEqual([]);
    expect(readFileSync(join(dir, 'identities/platform/legacy-ops.yaml'), 'utf8')).toMatch(/\n {6}permissions: \[\]\n/);
    // What import cannot know: a successor, a real purpose, and the owner where no tag named one.
    for (const i of summary.imported) {
      const rules = findings.filter((f) => f.file === i.file).map((f) => f.rule);
      expect(rules, i.file).toContain('stewardship/successor-required');
      expect(rules, i.file).toContain('stewardship/purpose-not-placeholder');
      expect(rules.includes('stewardship/owner-required'), i.file).toBe(summary.needsOwner.includes(i.identity));
    }
    expect(r.code).toBe(1);
  });

  it('re-importing is byte-stable: without --force every file is skipped, with --force rewritten the same', () => {
    const again = importAws(dir, '--team', 'platform');
    expect(again.code).toBe(0);
    const skipped = JSON.parse(again.stdout) as Summary;
    expect(skipped.imported).toEqual([]);
    expect(skipped.skipped.filter((s) => s.reason.endsWith('exists; --force overwrites it'))).toHaveLength(12);
    expect(tree(dir)).toEqual(files);
    const forced = importAws(dir, '--team', 'platform', '--force');
    expect(forced.code).toBe(1);
    const { org: _org, ...rest } = summary as Summary & { org: unknown };
    expect(JSON.parse(forced.stdout)).toMatchObject(rest);
    expect(tree(dir)).toEqual(files);
  });

  it('--dry-run writes nothing and prints every file it would write', () => {
    const empty = repo({});
    const r = idac([
      'import',
      'aws',
      '--from',
      AWS_EXPORT,
      '--dir',
      empty,
      '--now',
      NOW,
      '--team',
      'platform',
      '--dry-run',
    ]);
    expect(r.code).toBe(1);
    expect(tree(empty)).toEqual({});
    for (const [path, text] of Object.entries(files))
      expect(r.stdout).toContain(`--- ${path} (would be written)\n${text.trimEnd()}\n`);
    expect(r.stdout).toContain('Nothing was written (--dry-run).');
  });

  it('--dry-run --format json carries the files; --out writes the summary to a file', () => {
    const empty = repo({});
    const r = importAws(empty, '--team', 'platform', '--dry-run', '--out', join(empty, 'summary.json'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const s = JSON.parse(readFileSync(join(empty, 'summary.json'), 'utf8')) as Summary & {
      dryRun: boolean;
      files: { path: string; text: string }[];
    };
    expect(s.dryRun).toBe(true);
    expect(Object.fromEntries(s.files.map((f) => [f.path, f.text]))).toEqual(files);
    expect(tree(empty)).toEqual({});
  });

  it('places teams by tag, map and default; owners from --owner-from; the rest is unplaced (exit 1)', () => {
    const d = repo({ 'teams.yaml': '"*legacy*": legacy\n' });
    const r = idac([
      'import',
      'aws',
      '--from',
      AWS_EXPORT,
      '--dir',
      d,
      '--now',
      NOW,
      '--format',
      'json',
      '--team-map',
      join(d, 'teams.yaml'),
      '--team-from',
      'team',
    ]);
    const s = JSON.parse(r.stdout) as Summary;
    expect(r.code).toBe(1);
    expect(s.imported.find((i) => i.identity === 'ledger-deploy')?.file).toBe('identities/payments/ledger-deploy.yaml');
    expect(s.imported.find((i) => i.identity === 'legacy-ops')?.file).toBe('identities/legacy/legacy-ops.yaml');
    expect(s.unplaced.length).toBeGreaterThan(0);
    expect(s.unplaced.every((u) => u.reason.includes('give --team for the rest'))).toBe(true);
    const owned = readFileSync(join(d, 'identities/payments/ledger-deploy.yaml'), 'utf8');
    expect(owned).toContain('    owner: alice@acme.example\n');
    const none = idac([
      'import',
      'aws',
      '--from',
      AWS_EXPORT,
      '--dir',
      repo({}),
      '--now',
      NOW,
      '--format',
      'json',
      '--team',
      'x1',
      '--owner-from',
      'nobody',
    ]);
    expect((JSON.parse(none.stdout) as Summary).needsOwner).toHaveLength(12);
  });
});

describe('idac import kubernetes --from (built CLI)', () => {
  it('imports the service accounts with their namespaced rules and reports the cluster-wide bindings', () => {
    const d = repo({});
    const r = idac([
      'import',
      'kubernetes',
      '--from',
      KUBE_DUMP,
      '--cluster',
      'prod-eu',
      '--dir',
      d,
      '--now',
      NOW,
      '--team',
      'platform',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(1);
    const s = JSON.parse(r.stdout) as Summary;
    expect(s.imported.map((i) => i.source)).toContain('k8s:prod-eu/payments/ledger-writer');
    expect(s.notExpressible.map((n) => n.source)).toContain('ClusterRoleBinding prometheus → ClusterRole prometheus');
    expect(readFileSync(join(d, 'identities/org.yaml'), 'utf8')).toContain('    kubernetes:\n      prod-eu: {}\n');
  });
});

describe('idac import twice, into a new team nobody has listed yet', () => {
  it('merges the second import into the org.yaml the first one left (members: [] still to fill)', () => {
    const d = repo({});
    expect(idac(['import', 'vault', '--from', VAULT_DUMP, '--team', 'data', '--dir', d, '--now', NOW]).code).toBe(0);
    const before = readFileSync(join(d, 'identities/org.yaml'), 'utf8');
    expect(before).toContain('    data:\n      members: []\n');
    const r = idac(['import', 'kubernetes', '--from', KUBE_DUMP, '--cluster', 'prod-eu', '--team', 'ops', '--dir', d]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const after = readFileSync(join(d, 'identities/org.yaml'), 'utf8');
    expect(after).toContain('    data:\n      members: []\n');
    expect(after).toContain('    ops:\n      members: [bob@acme.example, ');
    // The vault import took ledger-writer: the service account of that name gets the hash suffix.
    expect(existsSync(join(d, 'identities/data/ledger-writer.yaml'))).toBe(true);
    expect(readdirSync(join(d, 'identities/ops'))).toContainEqual(
      expect.stringMatching(/^ledger-writer-[0-9a-f]{6}\.yaml$/),
    );
    expect(after).toContain('      prod-eu: {}\n');
  });

  it('refuses an org.yaml that is not an Organization (exit 2, nothing written)', () => {
    const d = repo({ 'identities/org.yaml': '- just\n- a list\n' });
    const r = idac(['import', 'vault', '--from', VAULT_DUMP, '--team', 'data', '--dir', d, '--now', NOW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('identities/org.yaml is not an Organization');
    expect(tree(d)).toEqual({ 'identities/org.yaml': '- just\n- a list\n' });
  });
});

describe('idac import vault --from (built CLI)', () => {
  it('imports each Kubernetes and AppRole auth role with its policies as paths (exit 0: all expressible)', () => {
    const d = repo({});
    const r = idac([
      'import',
      'vault',
      '--from',
      VAULT_DUMP,
      '--team',
      'data',
      '--dir',
      d,
      '--now',
      NOW,
      '--format',
      'json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as Summary;
    expect(s.imported).toEqual([
      {
        identity: 'ledger-writer',
        file: 'identities/data/ledger-writer.yaml',
        source: 'vault:auth/kubernetes/role/ledger-writer',
      },
      { identity: 'legacy-etl', file: 'identities/data/legacy-etl.yaml', source: 'vault:auth/approle/role/Legacy_ETL' },
    ]);
    const etl = readFileSync(join(d, 'identities/data/legacy-etl.yaml'), 'utf8');
    expect(etl).toContain('    name: Legacy_ETL\n');
    expect(etl).toContain('      auth: approle\n      paths:\n        # from policy etl\n');
  });
});

describe('idac import aws --credential-report (built CLI)', () => {
  it('lists the access keys of the imported users as unmanaged; never adopts them', () => {
    const d = repo({});
    const r = importAws(d, '--team', 'platform', '--credential-report', CREDENTIAL_REPORT);
    const s = JSON.parse(r.stdout) as Summary & { unmanagedKeys: { identity: string; keyId: string }[] };
    expect(s.unmanagedKeys.map((k) => `${k.identity} ${k.keyId}`)).toEqual([
      'backup-agent access key 1',
      'backup-agent access key 2',
      'ci-legacy access key 1',
    ]);
    expect(readFileSync(join(d, 'identities/platform/ci-legacy.yaml'), 'utf8')).not.toMatch(/access key|AKIA/);
  });
});

describe('idac import: a secret in the estate', () => {
  it('never writes or prints it: the identity is skipped, named by the fingerprint (exit 1)', () => {
    const token = fake.github('ghp', 'import-e2e');
    const d = repo({ 'auth.json': readFileSync(AWS_EXPORT, 'utf8').replace('vpc-0a1b2c3d', token) });
    const r = idac(['import', 'aws', '--from', join(d, 'auth.json'), '--team', 'platform', '--dir', d, '--now', NOW]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/settlement-reader: its manifest would hold a secret \(secret\/[a-z-]+, fingerprint /);
    const written = Object.entries(tree(d));
    expect(written.map(([p]) => p)).not.toContain('identities/platform/settlement-reader.yaml');
    for (const text of [r.stdout, r.stderr, ...written.map(([, t]) => t)])
      expect(text).not.toContain(token.slice(4, 16));
  });
});

describe('idac import: mistakes (exit 2, one line, no stack trace, nothing written)', () => {
  it.each([
    [['import'], "idac import needs the estate's kind first"],
    [['import', 'gcp', '--from', AWS_EXPORT], 'not "gcp"'],
    [['import', 'aws'], 'idac import aws needs --from FILE or --live'],
    [['import', 'aws', '--from', AWS_EXPORT, '--live'], '--from and --live exclude each other'],
    [['import', 'kubernetes', '--live', '--cluster', 'c1'], 'not supported: import kubernetes --live'],
    [['import', 'kubernetes', '--from', KUBE_DUMP], 'idac import kubernetes needs --cluster NAME'],
    [['import', 'kubernetes', '--from', KUBE_DUMP, '--cluster', 'Prod EU'], 'is not a cluster name'],
    [['import', 'aws', '--from', AWS_EXPORT, '--cluster', 'c1'], '--cluster is for import kubernetes'],
    [
      ['import', 'vault', '--from', AWS_EXPORT, '--credential-report', 'x.csv'],
      '--credential-report is for import aws',
    ],
    [['import', 'aws', '--from', 'missing.json', '--team', 'ops'], 'cannot read --from missing.json'],
    [['import', 'aws', '--from', KUBE_DUMP, '--team', 'ops'], '--from'],
    [['import', 'aws', '--from', AWS_EXPORT, '--team', 'Ops Team'], '--team "Ops Team" is not a team name'],
    [['import', 'aws', '--from', AWS_EXPORT, '--format', 'xml'], '--format must be one of text, json'],
  ])('%j', (args, message) => {
    const d = repo({});
    const r = idac([...args, '--dir', d, '--now', NOW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(tree(d)).toEqual({});
  });

  it('a bad --team-map says which entry is wrong', () => {
    const d = repo({ 'teams.yaml': 'ledger-*: Payments Team\n' });
    const r = idac([
      'import',
      'aws',
      '--from',
      AWS_EXPORT,
      '--dir',
      d,
      '--now',
      NOW,
      '--team-map',
      join(d, 'teams.yaml'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"ledger-*" maps to "Payments Team", which is not a team name');
  });

  it('--help shows the flags and examples', () => {
    const r = idac(['import', '--help']);
    expect(r.code).toBe(0);
    for (const flag of [
      '--from',
      '--live',
      '--team-map',
      '--team-from',
      '--owner-from',
      '--cluster',
      '--dry-run',
      '--force',
    ])
      expect(r.stdout).toContain(flag);
    expect(r.stdout).toContain('idac import aws --from auth.json');
  });
});
