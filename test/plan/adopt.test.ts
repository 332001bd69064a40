// The plan of an imported identity (metadata.importedFrom): its live objects are adopted, not
// created; the update that converges each is listed; the exclusive-policy resources say what they
// remove; later plans show the ordinary diff; adopting is neither a deletion nor a refusal.

import { describe, expect, it } from 'vitest';
import { canonical } from '../../src/plan/plan.js';
import { planOf, type Change } from '../rules/plan/harness.js';
import { importedRole, LEGACY } from './adopt-fixture.js';
import { fake } from '../secrets/fakes.js';

const ROLE = 'aws:iam/role:Role';
const adding =
  (text: string): Change =>
  (f) =>
    f.write(LEGACY, text);

describe('plan: adopting an imported identity', () => {
  it('adopts the live role, updates it to what idac compiles, creates its policy and exclusive resources', async () => {
    const plan = await planOf(adding(importedRole()));
    expect(plan.identities.added).toEqual(['legacy-app']);
    expect(plan.resources.adopt).toEqual([
      { type: ROLE, name: 'legacy-app.aws.role', identity: 'legacy-app', team: 'payments', id: 'Legacy_App' },
    ]);
    expect(plan.resources.update).toEqual([
      {
        type: ROLE,
        name: 'legacy-app.aws.role',
        identity: 'legacy-app',
        team: 'payments',
        inputs: ['assumeRolePolicy', 'maxSessionDuration', 'tags'],
      },
    ]);
    expect(plan.resources.create).toEqual([
      {
        type: 'aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive',
        name: 'legacy-app.aws.attachments-exclusive',
        identity: 'legacy-app',
        team: 'payments',
        detail: 'detaches policy arn:aws:iam::aws:policy/ReadOnlyAccess',
      },
      {
        type: 'aws:iam/rolePoliciesExclusive:RolePoliciesExclusive',
        name: 'legacy-app.aws.policies-exclusive',
        identity: 'legacy-app',
        team: 'payments',
        detail: 'removes inline policies old-admin and s3-read',
      },
      {
        type: 'aws:iam/rolePolicy:RolePolicy',
        name: 'legacy-app.aws.policy',
        identity: 'legacy-app',
        team: 'payments',
      },
    ]);
    expect(plan.resources.replace).toEqual([]);
    expect(plan.resources.delete).toEqual([]);
    expect(plan.deletions.count).toBe(0);
  });

  it('a file holding a secret lends neither the live id nor the policy names to the plan', async () => {
    const token = fake.github('ghp', 'adopt-plan');
    const plan = await planOf(adding(`${importedRole()}# ${token}\n`));
    expect(plan.resources.adopt.map((a) => a.id)).toEqual(['[withheld: this file holds a secret]']);
    expect(plan.resources.create.filter((c) => c.detail !== undefined).map((c) => c.detail)).toEqual([
      '[withheld: this file holds a secret]',
      '[withheld: this file holds a secret]',
    ]);
    expect(JSON.stringify(plan)).not.toContain('old-admin');
    expect(JSON.stringify(plan)).not.toContain(token);
  });

  it('a live session limit that is already an hour is no change', async () => {
    const plan = await planOf(adding(importedRole({ sessionSeconds: 3600 })));
    expect(plan.resources.update.map((u) => u.inputs)).toEqual([['assumeRolePolicy', 'tags']]);
  });

  it('a protected (critical) role is still adopted: adopting deletes and replaces nothing', async () => {
    const plan = await planOf(adding(importedRole({ criticality: 'critical' })));
    expect(plan.resources.adopt.map((a) => a.name)).toEqual(['legacy-app.aws.role']);
    // Apply's refusals (plan/protected-resource among them) have nothing to say.
    expect(plan.findings.filter((f) => f.rule.startsWith('plan/'))).toEqual([]);
  });

  it('a later change of the imported identity is an ordinary update', async () => {
    const plan = await planOf(adding(importedRole({ actions: 's3:GetObject, s3:PutObject' })), {
      base: adding(importedRole()),
    });
    expect(plan.identities.changed.map((c) => c.name)).toEqual(['legacy-app']);
    expect(plan.resources.adopt).toEqual([]);
    expect(plan.resources.create).toEqual([]);
    expect(plan.resources.update).toEqual([
      {
        type: 'aws:iam/rolePolicy:RolePolicy',
        name: 'legacy-app.aws.policy',
        identity: 'legacy-app',
        team: 'payments',
        inputs: ['policy'],
      },
    ]);
  });

  it('an untouched imported identity plans nothing', async () => {
    const plan = await planOf(() => {}, { base: adding(importedRole()) });
    expect(Object.values(plan.resources).flat()).toEqual([]);
  });

  it('the fingerprint covers what is adopted and as which live object', async () => {
    const adopt = await planOf(adding(importedRole()));
    const otherLive = await planOf(
      adding(
        importedRole().replace('name: Legacy_App', 'name: Legacy_App2').replace('/Legacy_App\n', '/Legacy_App2\n'),
      ),
    );
    expect(otherLive.resources.adopt.map((a) => a.id)).toEqual(['Legacy_App2']);
    expect(otherLive.fingerprint).not.toBe(adopt.fingerprint);
    // The same plan computed again is the same fingerprint (stable, sorted).
    expect((await planOf(adding(importedRole()))).fingerprint).toBe(adopt.fingerprint);
    expect(canonical(adopt.resources)).toBe(canonical((await planOf(adding(importedRole()))).resources));
  });
});

describe('plan: adopting Kubernetes and Vault objects', () => {
  const serviceAccount = (from: string): string =>
    importedRole()
      .replace(
        / {2}importedFrom:\n[\s\S]*?spec:\n/,
        `  importedFrom:\n    target: ${from.startsWith('vault') ? 'vault' : 'kubernetes'}\n    id: ${from}\n` +
          `    name: legacy-app\n    live: { policies: [legacy-read] }\nspec:\n`,
      )
      .replace(
        / {2}access:\n[\s\S]*$/,
        '  access:\n    kubernetes: { cluster: prod-eu, namespace: payments }\n' +
          '    vault:\n      auth: kubernetes\n      paths:\n        - path: kv/data/payments/legacy/*\n' +
          '          capabilities: [read]\n',
      );

  it('the service account is adopted as <namespace>/<name> and given idac labels', async () => {
    const plan = await planOf(adding(serviceAccount('k8s:prod-eu/payments/legacy-app')));
    expect(plan.resources.adopt.map((a) => [a.type, a.id])).toEqual([
      ['kubernetes:core/v1:ServiceAccount', 'payments/legacy-app'],
    ]);
    expect(plan.resources.update.map((a) => [a.name, a.inputs])).toEqual([
      ['legacy-app.k8s.service-account', ['automountServiceAccountToken', 'metadata.annotations', 'metadata.labels']],
    ]);
  });

  it('the Vault auth role is adopted by its path; its token policies become idac policy', async () => {
    const plan = await planOf(adding(serviceAccount('vault:auth/kubernetes/role/legacy-app')));
    expect(plan.resources.adopt.map((a) => [a.type, a.id])).toEqual([
      ['vault:kubernetes/authBackendRole:AuthBackendRole', 'auth/kubernetes/role/legacy-app'],
    ]);
    expect(plan.resources.update.map((a) => [a.name, a.inputs])).toEqual([
      [
        'legacy-app.vault.auth-role',
        ['boundServiceAccountNames', 'boundServiceAccountNamespaces', 'tokenMaxTtl', 'tokenPolicies', 'tokenTtl'],
      ],
    ]);
    expect(plan.resources.create.map((c) => c.type)).toContain('vault:index/policy:Policy');
  });
});
