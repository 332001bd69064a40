// Vault's ACL decision for one identity's policy paths: one path decides, by Vault's priority rules.
import { describe, expect, it } from 'vitest';
import { vaultDecides, type VaultRule } from '../../src/access/vault-acl.js';
import { vaultPathRefused } from '../../src/access/vault-paths.js';

const rules = (spec: Record<string, string[]>): VaultRule<string>[] =>
  Object.entries(spec).flatMap(([path, caps]) =>
    caps.map((capability) => ({ path: path.replace(/#\d+$/, ''), capability, ref: `${capability} on ${path}` })),
  );

describe('vaultDecides', () => {
  it.each([
    // * at the end is a string prefix, not a segment: it matches deeper paths and longer names.
    [{ 'kv/data/app/*': ['read'] }, 'kv/data/app/x', 'read', 'kv/data/app/*'],
    [{ 'kv/data/app/*': ['read'] }, 'kv/data/app/x/y', 'read', 'kv/data/app/*'],
    [{ 'kv/data/app/*': ['read'] }, 'kv/data/app/', 'read', 'kv/data/app/*'],
    [{ 'kv/data/app/*': ['read'] }, 'kv/data/app', 'read', null],
    [{ 'kv/data/app*': ['read'] }, 'kv/data/apple/x', 'read', 'kv/data/app*'],
    [{ 'kv/data/app/*': ['read'] }, 'kv/data/app/x', 'update', null],
    // + is exactly one whole segment.
    [{ 'kv/data/+/config': ['read'] }, 'kv/data/team/config', 'read', 'kv/data/+/config'],
    [{ 'kv/data/+/config': ['read'] }, 'kv/data/a/b/config', 'read', null],
    [{ 'kv/data/+/config': ['read'] }, 'kv/data/team/config/x', 'read', null],
    [{ 'kv/data/+/*': ['read'] }, 'kv/data/team/x/y', 'read', 'kv/data/+/*'],
    [{ 'kv/data/+/*': ['read'] }, 'kv/data/team', 'read', null],
    [{ 'kv/+/app/con*': ['read'] }, 'kv/data/app/config', 'read', 'kv/+/app/con*'],
    // A * inside a path is a literal character.
    [{ 'kv/data/*/config': ['read'] }, 'kv/data/team/config', 'read', null],
    // An exact path needs the exact request; list also finds it without the trailing slash.
    [{ 'kv/metadata/app': ['list'] }, 'kv/metadata/app/', 'list', 'kv/metadata/app'],
    [{ 'kv/metadata/app': ['read'] }, 'kv/metadata/app/', 'read', null],
    // A list of `x/` that no glob or `+` path matches as written is tried as `x` (found against
    // OpenBao 2.7.2 by vault-openbao.test.ts); other capabilities, and a match with the `/`, come first.
    [{ 'kv/metadata/+': ['list'] }, 'kv/metadata/app/', 'list', 'kv/metadata/+'],
    [{ 'kv/metadata/+': ['read'] }, 'kv/metadata/app/', 'read', null],
    [{ 'kv/metadata/ap*': ['list'] }, 'kv/metadata/app/', 'list', 'kv/metadata/ap*'],
    [{ 'kv/metadata/+': ['list'], 'kv/metadata/app/*': ['read'] }, 'kv/metadata/app/', 'list', null],
    // A `+` inside a segment is literal: `kv/a+b` is an exact path, found for a list without its `/`.
    [{ 'kv/a+b': ['list'] }, 'kv/a+b/', 'list', 'kv/a+b'],
    [{ 'kv/a+b': ['read'] }, 'kv/axb', 'read', null],
    // Templates have no value without an entity (who-can's case): the path is dropped, never literal.
    [{ 'kv/data/{{identity.entity.name}}/*': ['read'] }, 'kv/data/{{identity.entity.name}}/x', 'read', null],
    [{ 'kv/data/{{identity.entity.name}}/*': ['read'], 'kv/data/+/*': ['list'] }, 'kv/data/a/x', 'read', null],
    // Capabilities of the same path merge across entries (policies, elevations).
    [{ 'kv/data/app/*': ['read'], 'kv/data/app/*#2': ['update'] }, 'kv/data/app/x', 'update', 'kv/data/app/*'],
  ])('%j: %s %s → %s', (spec, request, capability, decidingAndAllowed) => {
    const d = vaultDecides(rules(spec), request, capability);
    expect(d.allowed ? d.path : null).toBe(decidingAndAllowed);
  });

  it('the most specific path decides, and a narrower path without the capability takes it away', () => {
    const acl = rules({ 'kv/data/app/*': ['read', 'list'], 'kv/data/app/secret': ['update'] });
    expect(vaultDecides(acl, 'kv/data/app/other', 'read')).toEqual({
      allowed: true,
      path: 'kv/data/app/*',
      by: ['read on kv/data/app/*'],
    });
    expect(vaultDecides(acl, 'kv/data/app/secret', 'read')).toEqual({
      allowed: false,
      path: 'kv/data/app/secret',
      reason: 'missing-capability',
    });
    expect(vaultDecides(acl, 'kv/data/app/secret', 'update')).toEqual({
      allowed: true,
      path: 'kv/data/app/secret',
      by: ['update on kv/data/app/secret'],
    });
  });

  it.each([
    // Priority (Vault docs): the first + or * later wins; then no trailing *; then fewer +; then longer.
    [['kv/*', 'kv/data/*'], 'kv/data/x', 'kv/data/*'],
    [['kv/+/x', 'kv/data/*'], 'kv/data/x', 'kv/data/*'],
    [['kv/data/+', 'kv/data/*'], 'kv/data/x', 'kv/data/+'],
    [['kv/+/+/x', 'kv/+/y/x'], 'kv/a/y/x', 'kv/+/y/x'],
    [['kv/+/y*', 'kv/+/y/*'], 'kv/a/y/x', 'kv/+/y/*'],
    [['kv/+/+', 'kv/+/a'], 'kv/x/a', 'kv/+/a'],
    [['kv/data/x', 'kv/data/*'], 'kv/data/x', 'kv/data/x'],
  ])('among %j, %s is decided by %s', (paths, request, expected) => {
    // Each path holds only its own marker capability, so the winner is visible in what is allowed.
    const acl = paths.map((path) => ({ path, capability: 'read', ref: path }));
    const d = vaultDecides(acl, request, 'read');
    expect(d).toEqual({ allowed: true, path: expected, by: [expected] });
  });

  it(
    'deny on the deciding path refuses everything, sudo included; deny on a broader path does not reach a ' +
      'narrower one',
    () => {
      const acl = rules({
        'sys/*': ['deny'],
        'sys/policy/x': ['read', 'sudo'],
        'kv/data/x': ['read', 'sudo'],
        'kv/data/x#2': ['deny'],
      });
      expect(vaultDecides(acl, 'sys/mounts', 'read')).toEqual({ allowed: false, path: 'sys/*', reason: 'denied' });
      expect(vaultDecides(acl, 'kv/data/x', 'sudo')).toEqual({ allowed: false, path: 'kv/data/x', reason: 'denied' });
      expect(vaultDecides(acl, 'sys/policy/x', 'sudo')).toMatchObject({ allowed: true, path: 'sys/policy/x' });
      expect(vaultDecides(acl, 'secret/x', 'read')).toEqual({ allowed: false, path: null, reason: 'no-path' });
    },
  );

  it('fills templates from the entity, and drops a path whose template has no value', () => {
    const acl = rules({
      'kv/data/{{identity.entity.name}}/*': ['read'],
      'kv/data/{{identity.entity.metadata.team}}/*': ['update'],
      'kv/data/+/*': ['list'],
    });
    const values = new Map([['identity.entity.name', 'app-one']]);
    expect(vaultDecides(acl, 'kv/data/app-one/x', 'read', values)).toEqual({
      allowed: true,
      path: 'kv/data/app-one/*',
      by: ['read on kv/data/{{identity.entity.name}}/*'],
    });
    // The narrower filled-in path decides, so the broader `+` path's list is gone there.
    expect(vaultDecides(acl, 'kv/data/app-one/x', 'list', values)).toMatchObject({ allowed: false });
    expect(vaultDecides(acl, 'kv/data/payments/x', 'update', values)).toMatchObject({ allowed: false });
    expect(vaultDecides(acl, 'kv/data/other/x', 'list', values)).toMatchObject({ allowed: true, path: 'kv/data/+/*' });
  });

  it.each([
    ['kv/+*', true],
    ['kv/a+*', true],
    ['kv/+*/x', true],
    ['kv/+/*', false],
    ['kv/a+b*', false],
    ['kv/*+', false],
  ])('Vault refuses a policy with %s: %s', (path, refused) => {
    expect(vaultPathRefused(path) !== null).toBe(refused);
  });
});
