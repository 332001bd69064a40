// Plan refuses what apply would refuse (issue 13, item 4): one row per refusal or by-design failure
// of `idac apply` (src/apply/, src/cli/apply.ts), each a change to examples/acme in a real git
// repository, planned through the built CLI, with the exact finding the plan must show (exit 1).
// The refusals that need the live estate (pending operations, a stale --plan fingerprint, a
// missing Pulumi CLI or passphrase) cannot be known offline and are not rows.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idac, root, STACK_TRACE } from './cli.js';
import { GitRepo, git } from './git.js';

const NOW = '2026-11-23';
const ORG = 'identities/org.yaml';
const READER = 'identities/payments/settlement-reader.yaml';
const EXPORTER = 'identities/data/report-exporter.yaml';

interface Finding { rule: string; severity: string; file: string; line: number; column: number; identity: string | null; message: string }
interface PlanJson { findings: Finding[]; resources: Record<string, { name: string }[]> }

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
  const r = idac(['plan', '--dir', repo.dir, '--base', 'main', '--head', repo.commit(branch), '--now', NOW, '--format', 'json']);
  expect(r.stderr).not.toMatch(STACK_TRACE);
  if (r.code === 2) throw new Error(r.stderr);
  return { code: r.code, plan: JSON.parse(r.stdout) as PlanJson };
}

const renamed = (r: GitRepo): void => {
  const text = r.read(READER).replace('  name: settlement-reader\n', '  name: settlement-ingest\n  renamedFrom: settlement-reader\n');
  r.remove(READER).write('identities/payments/settlement-ingest.yaml', text);
};

const moved = (r: GitRepo): void => {
  const text = r.read(READER).replace('    team: payments\n', '    team: platform\n');
  r.remove(READER).write('identities/platform/settlement-reader.yaml', text);
};

const LOWER = 'settlement-reader is protected (criticality high): lower spec.criticality in a change of its own and apply it before you';
const ROLE = 'settlement-reader.aws.role (aws:iam/role:Role)';

const rows: { refusal: string; change: (r: GitRepo) => void; rule: string; findings: [Omit<Finding, 'rule' | 'severity'>] }[] = [
  {
    // src/apply/pending.ts unprotectTombstones lifts `protect` (set by src/compile/aws.ts for high and
    // critical identities) only for decommissioned manifests; Pulumi refuses the protected delete.
    refusal: 'a protected identity whose file is removed',
    change: (r) => r.remove(READER),
    rule: 'plan/protected-resource',
    findings: [{ file: READER, line: 1, column: 1, identity: 'settlement-reader', message: `settlement-reader is protected (criticality high): set \`status: decommissioned\` instead of deleting the file (remove it in a later change). Otherwise Pulumi refuses to delete ${ROLE} and the apply of team payments fails` }],
  },
  {
    // The same protection: a rename changes the IAM role's name, which replaces it (src/plan/diff-resources.ts REPLACE_ON).
    refusal: 'a protected identity renamed',
    change: renamed,
    rule: 'plan/protected-resource',
    findings: [{ file: 'identities/payments/settlement-ingest.yaml', line: 5, column: 9, identity: 'settlement-ingest', message: `${LOWER} rename it (its IAM name). Otherwise Pulumi refuses to replace ${ROLE} and the apply of team payments fails` }],
  },
  {
    // One stack per team (src/apply/stacks.ts): the old team's stack deletes the protected role; the tombstone list is per team (src/apply/driver.ts).
    refusal: 'a protected identity moved to another team',
    change: moved,
    rule: 'plan/protected-resource',
    findings: [{ file: 'identities/platform/settlement-reader.yaml', line: 15, column: 11, identity: 'settlement-reader', message: `${LOWER} move it to team platform (a new stack). Otherwise Pulumi refuses to delete ${ROLE} and the apply of team payments fails` }],
  },
  {
    // A new provider (another account) replaces every resource of that provider (src/plan/diff-resources.ts).
    refusal: 'a protected identity moved to another AWS account',
    change: (r) => r.edit(READER, 'account: "123456789012"', 'account: "210987654321"'),
    rule: 'plan/protected-resource',
    findings: [{ file: READER, line: 24, column: 16, identity: 'settlement-reader', message: `${LOWER} move it to AWS account 210987654321. Otherwise Pulumi refuses to replace ${ROLE} and the apply of team payments fails` }],
  },
  {
    refusal: 'a protected role turned into a user',
    change: (r) => r.edit(READER, 'principal: role\n      trust:\n        kubernetes: { cluster: prod-eu, namespace: payments, serviceAccount: settlement-reader }\n', 'principal: user\n'),
    rule: 'plan/protected-resource',
    findings: [{ file: READER, line: 25, column: 18, identity: 'settlement-reader', message: `${LOWER} make it a user. Otherwise Pulumi refuses to delete ${ROLE} and the apply of team payments fails` }],
  },
  {
    refusal: 'a protected identity losing its AWS access',
    change: (r) => r.write(READER, r.read(READER).replace(/ {4}aws:\n {6}account[\s\S]*?(?= {4}kubernetes:\n)/, '')),
    rule: 'plan/protected-resource',
    findings: [{ file: READER, line: 22, column: 3, identity: 'settlement-reader', message: `${LOWER} remove its AWS access. Otherwise Pulumi refuses to delete ${ROLE} and the apply of team payments fails` }],
  },
  {
    // src/cli/apply.ts opens a stack for each team of org.yaml and each team an identity names; nothing else.
    refusal: 'a team removed from org.yaml together with its identities',
    change: (r) => {
      r.write(ORG, r.read(ORG).replace(/ {4}data:\n(?: {6}.*\n)+/, ''));
      for (const f of ['legacy-etl', 'report-exporter', 'support-assistant']) r.remove(`identities/data/${f}.yaml`);
    },
    rule: 'plan/team-without-stack',
    findings: [{ file: ORG, line: 13, column: 3, identity: null, message: 'keep team data in org.yaml until an apply has emptied its stack, then remove it: without the team idac apply never opens stack data, and the 12 deletions this plan shows there (legacy-etl, report-exporter, support-assistant) never happen' }],
  },
  {
    // One stack per team, run independently (src/apply/driver.ts): the new stack creates what the old one deletes, under the same physical names.
    refusal: 'an identity moved to another team under the same name',
    change: (r) => {
      const text = r.read(EXPORTER).replace('    team: data\n', '    team: platform\n');
      r.remove(EXPORTER).write('identities/platform/report-exporter.yaml', text);
    },
    rule: 'plan/team-move',
    findings: [{ file: 'identities/platform/report-exporter.yaml', line: 13, column: 11, identity: 'report-exporter', message: 'give report-exporter a new name as you move it to team platform, or move it in two changes (remove it from data and apply, then add it to platform): stack platform would create report-exporter.aws.policy, report-exporter.aws.user, report-exporter.delivery.vault while stack data deletes the same objects, and the two stacks run independently — the create fails while the old object exists, or the delete removes what the other stack wrote' }],
  },
  {
    // src/apply/providers.ts: no Vault provider without targets.vault.address.
    refusal: 'Vault access without targets.vault.address',
    change: (r) => r.edit(ORG, '      address: https://vault.acme.example:8200\n', ''),
    rule: 'plan/vault-unconfigured',
    findings: [{ file: ORG, line: 49, column: 5, identity: null, message: 'add the Vault server\'s URL as targets.vault.address: without it idac apply cannot configure the Vault provider, and refuses; edge-gateway, ledger-writer, legacy-etl, report-exporter, settlement-reader, support-assistant need it' }],
  },
  {
    // src/apply/providers.ts: no AWS provider for an account missing from targets.aws (validate's rule says so on the identity).
    refusal: 'an AWS account missing from org.yaml targets',
    change: (r) => r.edit(EXPORTER, 'account: "210987654321"', 'account: "999999999999"'),
    rule: 'target/aws-account',
    findings: [{ file: EXPORTER, line: 26, column: 16, identity: 'report-exporter', message: 'AWS account 999999999999 is not declared in org.yaml targets.aws' }],
  },
  {
    // src/apply/providers.ts: no Kubernetes provider for a cluster missing from targets.kubernetes.
    refusal: 'a Kubernetes cluster missing from org.yaml targets',
    change: (r) => r.edit(READER, '    kubernetes:\n      cluster: prod-eu\n', '    kubernetes:\n      cluster: prod-us\n'),
    rule: 'target/kubernetes-cluster',
    findings: [{ file: READER, line: 32, column: 16, identity: 'settlement-reader', message: 'Kubernetes cluster prod-us is not declared in org.yaml targets.kubernetes' }],
  },
  {
    // src/compile/aws.ts tags every IAM object with its owner; IAM rejects the value (a name invalid for the provider).
    refusal: 'an owner address IAM does not accept as a tag value',
    change: (r) => {
      r.edit(ORG, 'members: [heidi@acme.example,', 'members: [heidi%ops@acme.example, heidi@acme.example,');
      r.edit(EXPORTER, 'owner: heidi@acme.example', 'owner: heidi%ops@acme.example');
    },
    rule: 'plan/aws-tag-value',
    findings: [{ file: EXPORTER, line: 11, column: 12, identity: 'report-exporter', message: 'use a value IAM accepts as a tag (at most 256 letters, digits, spaces and _ . : / = + - @): spec.stewardship.owner becomes the tag idac:owner on report-exporter\'s IAM objects, and the apply fails' }],
  },
  {
    // src/cli/apply.ts step 1: any validate error stops the apply; the plan shows them for what it touches.
    refusal: 'a validation error (here: an expired identity)',
    change: (r) => r.edit(EXPORTER, 'expires: 2027-', 'expires: 2026-'),
    rule: 'lifecycle/expired',
    findings: [{ file: EXPORTER, line: 15, column: 12, identity: 'report-exporter', message: 'expired: spec.expires is 2026-02-28 (valid through the end of that day, UTC)' }],
  },
];

describe('the plan refuses what apply would refuse (built CLI)', () => {
  it.each(rows)('$refusal → $rule', ({ change, rule, findings }) => {
    const { code, plan } = planOf(change);
    const mine = plan.findings.filter((f) => f.rule === rule);
    expect(mine).toEqual(findings.map((f) => ({ rule, severity: 'error', ...f })));
    expect(code).toBe(1);
  });

  it('decommissioning a protected identity is the way: no refusal, its resources deleted', () => {
    const { code, plan } = planOf((r) => r.edit(READER, 'status: active', 'status: decommissioned'));
    expect(plan.findings.filter((f) => f.rule.startsWith('plan/'))).toEqual([]);
    expect(plan.resources.delete.map((o) => o.name)).toContain('settlement-reader.aws.role');
    expect(code).toBe(0);
  });

  it('an unprotected identity may be removed, a protected one lowered, one moved under a new name: no refusal', () => {
    const BOT = 'identities/platform/release-bot.yaml';
    const renamedAndMoved = (r: GitRepo): void => {
      const text = r.read(BOT).replace('  name: release-bot\n', '  name: release-helper\n  renamedFrom: release-bot\n').replace('    team: platform\n', '    team: payments\n');
      r.remove(BOT).write('identities/payments/release-helper.yaml', text);
    };
    for (const change of [(r: GitRepo) => r.remove(EXPORTER), (r: GitRepo) => r.edit(READER, 'criticality: high', 'criticality: medium'), renamedAndMoved]) {
      const { plan } = planOf(change);
      expect(plan.findings.filter((f) => f.rule.startsWith('plan/'))).toEqual([]);
    }
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
