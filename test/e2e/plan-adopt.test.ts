// idac plan through the built CLI on a git repository built from examples/acme: a commit adds an
// identity as `idac import` writes it (metadata.importedFrom, SPEC §2), and the plan adopts the live
// role and converges it; the next commit edits it and the plan is an ordinary update.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idac, root, STACK_TRACE } from './cli.js';
import { GitRepo, git } from './git.js';
import { validatePlan } from './plan-schema.js';
import type { ResourceOp } from '../../src/plan/types.js';
import { importedRole, LEGACY } from '../plan/adopt-fixture.js';

const NOW = '2026-11-23';

/** An operation as `plan --format json` writes it (the plan's own type). */
type Op = ResourceOp;
interface PlanJson {
  fingerprint: string;
  identities: { added: string[]; changed: { name: string }[] };
  resources: Record<'adopt' | 'create' | 'update' | 'replace' | 'delete', Op[]>;
}

let repo: GitRepo;
const shas: Record<string, string> = {};

beforeAll(() => {
  repo = GitRepo.fromFolder(join(root, 'examples/acme'));
  shas.base = git(repo.dir, 'rev-parse', 'HEAD');
  repo.write(LEGACY, importedRole());
  shas.imported = repo.commit('import legacy-app');
  repo.write(LEGACY, importedRole({ actions: 's3:GetObject, s3:PutObject' }));
  shas.edited = repo.commit('legacy-app writes too');
});

afterAll(() => {
  git(repo.dir, 'checkout', '-q', 'main');
});

function plan(base: string, head: string, format = 'json'): { code: number; stdout: string } {
  const r = idac(['plan', '--dir', repo.dir, '--base', base, '--head', head, '--now', NOW, '--format', format]);
  expect(r.stderr).not.toMatch(STACK_TRACE);
  if (r.code === 2) throw new Error(r.stderr);
  return { code: r.code, stdout: r.stdout };
}

function planJson(base: string, head: string): PlanJson {
  const out = JSON.parse(plan(base, head).stdout) as PlanJson;
  expect(validatePlan(out), JSON.stringify(validatePlan.errors)).toBe(true);
  return out;
}

const ROLE = 'aws:iam/role:Role';
const op = (type: string, name: string, extra: Partial<Op> = {}): Op => ({
  type,
  name,
  identity: 'legacy-app',
  team: 'payments',
  ...extra,
});

describe('plan of an imported identity', () => {
  it('the commit that adds it: adopt the live role, then update and create', () => {
    const p = planJson(shas.base!, shas.imported!);
    expect(p.identities.added).toEqual(['legacy-app']);
    expect(p.resources).toEqual({
      adopt: [op(ROLE, 'legacy-app.aws.role', { id: 'Legacy_App' })],
      create: [
        op(
          'aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive',
          'legacy-app.aws.attachments-exclusive',
          {
            detail: 'detaches policy arn:aws:iam::aws:policy/ReadOnlyAccess',
          },
        ),
        op('aws:iam/rolePoliciesExclusive:RolePoliciesExclusive', 'legacy-app.aws.policies-exclusive', {
          detail: 'removes inline policies old-admin and s3-read',
        }),
        op('aws:iam/rolePolicy:RolePolicy', 'legacy-app.aws.policy'),
      ],
      update: [op(ROLE, 'legacy-app.aws.role', { inputs: ['assumeRolePolicy', 'maxSessionDuration', 'tags'] })],
      replace: [],
      delete: [],
    });
  });

  it('the text and Markdown plans show adopt as its own operation', () => {
    const text = plan(shas.base!, shas.imported!, 'text').stdout;
    expect(text).toContain('= adopt   aws:iam/role:Role legacy-app.aws.role (the live Legacy_App)');
    expect(text).toMatch(/Plan: 1 to adopt, 3 to create, 1 to update, 0 to replace, 0 to delete\./);
    const md = plan(shas.base!, shas.imported!, 'markdown').stdout;
    expect(md).toContain('**Resources:** 1 to adopt · 3 to create · 1 to update · 0 to replace · 0 to delete');
    expect(md).toContain('- adopt `aws:iam/role:Role` `legacy-app.aws.role`, the live `Legacy_App`');
    expect(md).toContain('(`removes inline policies old-admin and s3-read`)');
  });

  it('the next commit that edits it: an ordinary update, nothing adopted', () => {
    const p = planJson(shas.imported!, shas.edited!);
    expect(p.identities.changed.map((c) => c.name)).toEqual(['legacy-app']);
    expect(p.resources).toEqual({
      adopt: [],
      create: [],
      update: [op('aws:iam/rolePolicy:RolePolicy', 'legacy-app.aws.policy', { inputs: ['policy'] })],
      replace: [],
      delete: [],
    });
  });
});
