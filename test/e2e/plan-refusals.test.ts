// Plan refuses what apply would refuse (issue 13, item 4): the enumeration of every refusal or
// by-design failure of `idac apply` (src/apply/, src/cli/apply.ts), one row each: a change to
// examples/acme in a real git repository, planned through the built CLI, with the rule and the
// places of the findings it must give (exit 1). Each plan/ rule's exact findings, good cases
// included, are in test/rules/plan/<name>.test.ts; one full JSON finding is checked here.
// The refusals that need the live estate (pending operations, a stale --plan fingerprint, a
// missing Pulumi CLI or passphrase) cannot be known offline and are not rows.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFUSAL_RULES } from '../../src/plan/refusals.js';
import { ruleById } from '../../src/rules/index.js';
import { moveReader as moved, renameReader as renamed } from '../rules/plan/harness.js';
import { idac, root, STACK_TRACE } from './cli.js';
import { GitRepo, git } from './git.js';

const NOW = '2026-11-23';
const ORG = 'identities/org.yaml';
const READER = 'identities/payments/settlement-reader.yaml';
const EXPORTER = 'identities/data/report-exporter.yaml';

interface Finding {
  rule: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  identity: string | null;
  message: string;
  fix: string | null;
  docs: string | null;
}
interface PlanJson {
  findings: Finding[];
  resources: Record<'create' | 'update' | 'replace' | 'delete', { name: string }[]>;
}

let repo: GitRepo;

beforeAll(() => {
  repo = GitRepo.fromFolder(join(root, 'examples/acme'));
});

afterAll(() => {
  git(repo.dir, 'checkout', '-q', '-f', 'main');
});

function planOf(change: (r: GitRepo) => void): { code: number; plan: PlanJson } {
  git(repo.dir, 'checkout', '-q', '-f', 'main');
  git(repo.dir, 'clean', '-q', '-fd');
  const branch = `refusal-${createHash('sha256').update(String(Math.random())).digest('hex').slice(0, 8)}`;
  repo.branch(branch);
  change(repo);
  const r = idac([
    'plan',
    '--dir',
    repo.dir,
    '--base',
    'main',
    '--head',
    repo.commit(branch),
    '--now',
    NOW,
    '--format',
    'json',
  ]);
  expect(r.stderr).not.toMatch(STACK_TRACE);
  if (r.code === 2) throw new Error(r.stderr);
  return { code: r.code, plan: JSON.parse(r.stdout) as PlanJson };
}

const rows: { refusal: string; change: (r: GitRepo) => void; rule: string; at: string[] }[] = [
  {
    // src/apply/pending.ts unprotectTombstones lifts `protect` (set by src/compile/aws.ts for high and
    // critical identities) only for decommissioned manifests; Pulumi refuses the protected delete.
    refusal: 'a protected identity whose file is removed',
    change: (r) => r.remove(READER),
    rule: 'plan/protected-resource',
    at: [`${READER}:1:1`],
  },
  {
    // The same protection: a rename changes the IAM role's name, which replaces it (src/plan/diff-resources.ts
    // REPLACE_ON).
    refusal: 'a protected identity renamed',
    change: renamed,
    rule: 'plan/protected-resource',
    at: ['identities/payments/settlement-ingest.yaml:5:9'],
  },
  {
    // One stack per team (src/apply/stacks.ts): the old team's stack deletes the protected role; the tombstone list is
    // per team (src/apply/driver.ts).
    refusal: 'a protected identity moved to another team',
    change: moved,
    rule: 'plan/protected-resource',
    at: ['identities/platform/settlement-reader.yaml:15:11'],
  },
  {
    // A new provider (another account) replaces every resource of that provider (src/plan/diff-resources.ts).
    refusal: 'a protected identity moved to another AWS account',
    change: (r) => r.edit(READER, 'account: "123456789012"', 'account: "210987654321"'),
    rule: 'plan/protected-resource',
    at: [`${READER}:24:16`],
  },
  {
    refusal: 'a protected role turned into a user',
    change: (r) =>
      r.edit(
        READER,
        'principal: role\n      trust:\n        kubernetes: { cluster: prod-eu, namespace: payments, ' +
          'serviceAccount: settlement-reader }\n',
        'principal: user\n',
      ),
    rule: 'plan/protected-resource',
    at: [`${READER}:25:18`],
  },
  {
    refusal: 'a protected identity losing its AWS access',
    change: (r) => r.write(READER, r.read(READER).replace(/ {4}aws:\n {6}account[\s\S]*?(?= {4}kubernetes:\n)/, '')),
    rule: 'plan/protected-resource',
    at: [`${READER}:22:3`],
  },
  {
    // src/cli/apply.ts opens a stack for each team of org.yaml and each team an identity names; nothing else.
    refusal: 'a team removed from org.yaml together with its identities',
    change: (r) => {
      r.write(ORG, r.read(ORG).replace(/ {4}data:\n(?: {6}.*\n)+/, ''));
      for (const f of ['events-enricher', 'legacy-etl', 'northwind-feed', 'report-exporter', 'support-assistant'])
        r.remove(`identities/data/${f}.yaml`);
    },
    rule: 'plan/team-without-stack',
    at: [`${ORG}:17:3`],
  },
  {
    // One stack per team, run independently (src/apply/driver.ts): the new stack creates what the old one deletes,
    // under the same physical names.
    refusal: 'an identity moved to another team under the same name',
    change: (r) => {
      const text = r.read(EXPORTER).replace('    team: data\n', '    team: platform\n');
      r.remove(EXPORTER).write('identities/platform/report-exporter.yaml', text);
    },
    rule: 'plan/team-move',
    at: ['identities/platform/report-exporter.yaml:13:11'],
  },
  {
    // src/apply/providers.ts: no Vault provider without targets.vault.address.
    refusal: 'Vault access without targets.vault.address',
    change: (r) => r.edit(ORG, '      address: https://vault.acme.example:8200\n', ''),
    rule: 'plan/vault-unconfigured',
    at: [`${ORG}:62:5`],
  },
  {
    // src/apply/providers.ts: no AWS provider for an account missing from targets.aws (validate's rule says so on the
    // identity).
    refusal: 'an AWS account missing from org.yaml targets',
    change: (r) => r.edit(EXPORTER, 'account: "210987654321"', 'account: "999999999999"'),
    rule: 'target/aws-account',
    at: [`${EXPORTER}:26:16`],
  },
  {
    // src/apply/providers.ts: no Kubernetes provider for a cluster missing from targets.kubernetes.
    refusal: 'a Kubernetes cluster missing from org.yaml targets',
    change: (r) =>
      r.edit(READER, '    kubernetes:\n      cluster: prod-eu\n', '    kubernetes:\n      cluster: prod-us\n'),
    rule: 'target/kubernetes-cluster',
    at: [`${READER}:32:16`],
  },
  {
    // src/compile/aws.ts tags every IAM object with its owner; IAM rejects the value (a name invalid for the provider).
    refusal: 'an owner address IAM does not accept as a tag value',
    change: (r) => {
      r.edit(ORG, 'members: [heidi@acme.example,', 'members: [heidi%ops@acme.example, heidi@acme.example,');
      r.edit(EXPORTER, 'owner: heidi@acme.example', 'owner: heidi%ops@acme.example');
    },
    rule: 'plan/aws-tag-value',
    at: [`${EXPORTER}:11:12`],
  },
  {
    // src/cli/apply.ts step 1: any validate error stops the apply; the plan shows them for what it touches.
    refusal: 'a validation error (here: an expired identity)',
    change: (r) => r.edit(EXPORTER, 'expires: 2027-', 'expires: 2026-'),
    rule: 'lifecycle/expired',
    at: [`${EXPORTER}:15:12`],
  },
];

describe('the plan refuses what apply would refuse (built CLI)', () => {
  it.each(rows)('$refusal → $rule', ({ change, rule, at }) => {
    const { code, plan } = planOf(change);
    const mine = plan.findings.filter((f) => f.rule === rule);
    expect(mine.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(at);
    for (const f of mine) expect(f.severity).toBe('error');
    expect(code).toBe(1);
  });

  it('every refusal rule of the plan has a row', () => {
    expect(REFUSAL_RULES.map((r) => r.meta.id).filter((id) => !rows.some((row) => row.rule === id))).toEqual([]);
  });

  it("a refusal in full, as JSON: located, with its rule's fix and documentation", () => {
    const { plan } = planOf((r) => r.remove(READER));
    expect(plan.findings.filter((f) => f.rule.startsWith('plan/'))).toEqual([
      {
        rule: 'plan/protected-resource',
        severity: 'error',
        file: READER,
        line: 1,
        column: 1,
        identity: 'settlement-reader',
        message:
          'settlement-reader is protected (criticality high): set `status: decommissioned` instead of ' +
          'deleting the file (remove it in a later change). Otherwise Pulumi refuses to delete ' +
          'settlement-reader.aws.role (aws:iam/role:Role) and the apply of team payments fails',
        fix: ruleById.get('plan/protected-resource')!.meta.fix,
        docs: 'https://github.com/idac-dev/idac/blob/main/docs/rules/plan/protected-resource.md',
      },
    ]);
  });

  it('decommissioning a protected identity is the way: no refusal, its resources deleted', () => {
    const { code, plan } = planOf((r) => r.edit(READER, 'status: active', 'status: decommissioned'));
    expect(plan.findings.filter((f) => f.rule.startsWith('plan/'))).toEqual([]);
    expect(plan.resources.delete.map((o) => o.name)).toContain('settlement-reader.aws.role');
    expect(code).toBe(0);
  });

  it('the finding shows in text and Markdown too, and plan exits 1', () => {
    git(repo.dir, 'checkout', '-q', '-f', 'main');
    repo.branch(`text-${Date.now()}`);
    repo.remove(READER);
    const head = repo.commit('remove');
    for (const format of ['text', 'markdown']) {
      const r = idac(['plan', '--dir', repo.dir, '--base', 'main', '--head', head, '--now', NOW, '--format', format]);
      expect(r.code, format).toBe(1);
      expect(r.stdout, format).toContain('plan/protected-resource');
      expect(r.stdout, format).toContain('decommissioned');
    }
  });
});
