// The Vault policy parser: HCL 1 as Vault's own policies use it (comments, the `policy` shorthand,
// escapes), the JSON form, the stanzas a manifest cannot say (quoted exactly), and broken text.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { policyText } from '../../src/compile/vault.js';
import { parseVaultPolicy } from '../../src/features/estate/read/vault-policy.js';

function stanzas(text: string) {
  const r = parseVaultPolicy(text);
  if (!r.ok) throw new Error(r.diagnostics[0]!.summary);
  return r.value;
}

describe('parseVaultPolicy: what a manifest can say', () => {
  it.each([
    [
      'one stanza',
      'path "kv/data/app/*" {\n  capabilities = ["read", "list"]\n}\n',
      [{ path: 'kv/data/app/*', capabilities: ['read', 'list'] }],
    ],
    [
      'comments of every kind, trailing commas, several stanzas',
      '# hash\n// slashes\n/* block\n comment */ path "a/b" { capabilities = ["read",] }\n' +
        'path "c/+/d" {\n  # inside\n  capabilities = [ "create" , "update" ]\n}',
      [
        { path: 'a/b', capabilities: ['read'] },
        { path: 'c/+/d', capabilities: ['create', 'update'] },
      ],
    ],
    ['deny', 'path "kv/data/secret" { capabilities = ["deny"] }', [{ path: 'kv/data/secret', capabilities: ['deny'] }]],
    [
      'root-like: everything with sudo',
      'path "*" { capabilities = ["create","read","update","delete","list","sudo"] }',
      [{ path: '*', capabilities: ['create', 'read', 'update', 'delete', 'list', 'sudo'] }],
    ],
    [
      'the policy shorthand',
      'path "a" { policy = "read" }\npath "b" { policy = "write" }\n' +
        'path "c" { policy = "deny" }\npath "d" { policy = "sudo" }',
      [
        { path: 'a', capabilities: ['read', 'list'] },
        { path: 'b', capabilities: ['create', 'read', 'update', 'delete', 'list'] },
        { path: 'c', capabilities: ['deny'] },
        { path: 'd', capabilities: ['create', 'read', 'update', 'delete', 'list', 'sudo'] },
      ],
    ],
    [
      'a templated path',
      'path "kv/data/{{identity.entity.name}}/*" { capabilities = ["read"] }',
      [{ path: 'kv/data/{{identity.entity.name}}/*', capabilities: ['read'] }],
    ],
    [
      'JSON, an object under "path"',
      '{"path": {"kv/a": {"capabilities": ["read"]}, "kv/b": {"policy": "deny"}}}',
      [
        { path: 'kv/a', capabilities: ['read'] },
        { path: 'kv/b', capabilities: ['deny'] },
      ],
    ],
    [
      'JSON, a list of objects under "path"',
      '{"path": [{"kv/a": {"capabilities": ["list"]}}]}',
      [{ path: 'kv/a', capabilities: ['list'] }],
    ],
    [
      'a name of its own is ignored',
      'name = "x"\npath "a" { capabilities = ["read"] }',
      [{ path: 'a', capabilities: ['read'] }],
    ],
    ['nothing at all', '\n# only a comment\n', []],
    [
      'a heredoc value (HCL 1)',
      'path "a" {\n  capabilities = ["read"]\n  description = <<EOT\nfree text } with braces\nEOT\n}\n' +
        'path "b" { capabilities = ["list"] }',
      null,
    ],
  ])('%s', (_, text, expected) => {
    const p = stanzas(text);
    if (expected === null) {
      // The heredoc is read through (its brace closes nothing); the unknown key still makes a report.
      expect(p.stanzas.map((x) => [x.path, x.capabilities, x.problem === null])).toEqual([
        ['a', null, false],
        ['b', ['list'], true],
      ]);
      return;
    }
    expect(p.stanzas.map(({ path, capabilities }) => ({ path, capabilities }))).toEqual(expected);
    expect(p.stanzas.every((s) => s.problem === null)).toBe(true);
    expect(p.other).toEqual([]);
  });

  it('reads back what compile writes, escapes included', () => {
    const paths = [
      { path: 'kv/data/a$b/%x/*', capabilities: ['read' as const] },
      { path: 'kv/data/ü/"q"\\', capabilities: ['update' as const, 'deny' as const] },
    ];
    const p = stanzas(policyText(paths, ['pki/issue/app']));
    expect(p.stanzas.map(({ path, capabilities }) => ({ path, capabilities }))).toEqual([
      ...paths,
      { path: 'pki/issue/app', capabilities: ['update'] },
    ]);
  });
});

describe('parseVaultPolicy: what a manifest cannot say, quoted exactly', () => {
  const params =
    'path "kv/data/app" {\n  capabilities = ["create"]\n  allowed_parameters = {\n    "x" = ["1", "2"]\n  }\n}';
  it.each([
    ['allowed_parameters', params, params, /allowed_parameters.*request parameters/],
    [
      'denied_parameters',
      'path "a" { capabilities = ["update"]\n denied_parameters = { "*" = [] } }',
      'path "a" { capabilities = ["update"]\n denied_parameters = { "*" = [] } }',
      /denied_parameters/,
    ],
    [
      'required_parameters',
      'path "a" { capabilities = ["update"] required_parameters = ["b"] }',
      'path "a" { capabilities = ["update"] required_parameters = ["b"] }',
      /required_parameters/,
    ],
    [
      'wrapping TTLs',
      'path "a" {\n capabilities = ["read"]\n min_wrapping_ttl = "1m"\n max_wrapping_ttl = 90\n}',
      'path "a" {\n capabilities = ["read"]\n min_wrapping_ttl = "1m"\n max_wrapping_ttl = 90\n}',
      /min_wrapping_ttl/,
    ],
    [
      'control groups',
      'path "a" { capabilities = ["read"] control_group = { factor "ops" { identity { group_names = ["ops"] } } } }',
      'path "a" { capabilities = ["read"] control_group = { factor "ops" { identity { group_names = ["ops"] } } } }',
      /control_group/,
    ],
    ['no capability', 'path "a/b" { capabilities = [] }', 'path "a/b" { capabilities = [] }', /write it as deny/],
    ['an unknown capability', 'path "a" { capabilities = ["root"] }', 'path "a" { capabilities = ["root"] }', /"root"/],
    [
      'JSON with parameters',
      '{"path":{"a":{"capabilities":["update"],"allowed_parameters":{"k":[]}}}}',
      '{"path":{"a":{"capabilities":["update"],"allowed_parameters":{"k":[]}}}}',
      /allowed_parameters/,
    ],
  ])('%s', (_, text, quoted, reason) => {
    // Text around the stanza (comments; none for JSON, which has no comments) is not quoted.
    const [s] = stanzas(text.startsWith('{') ? text : `# before\n${text}\n# after\n`).stanzas;
    expect(s!.capabilities).toBeNull();
    expect(s!.text).toBe(quoted);
    expect(s!.problem).toMatch(reason);
  });

  it('keeps an unknown top-level block as its own report', () => {
    const p = stanzas('path "a" { capabilities = ["read"] }\nmystery "x" { y = 1 }\n');
    expect(p.stanzas).toHaveLength(1);
    expect(p.other).toEqual([
      { text: 'mystery "x" { y = 1 }', problem: 'Vault policies have no top-level "mystery x"' },
    ]);
  });
});

describe('parseVaultPolicy: broken text', () => {
  it.each([
    ['path "a" { capabilities = ["read"]', /line 1: a "\{" is never closed/],
    ['path "a" {\n capabilities = ["read"\n', /never closed/],
    ['path "a\n" { }', /line 1: a string is never closed/],
    ['}', /closes nothing/],
    ['path "a" { capabilities = ["\\q"] }', /unknown escape/],
    ['path "\\UFFFFFFFF" { }', /bad \\u escape/],
    ['{"path": ', /not valid JSON/],
  ])('%s', (text, message) => {
    const r = parseVaultPolicy(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]!.summary).toMatch(message);
  });
});

describe('parseVaultPolicy never throws', () => {
  it('on any text, and on policy-like fragments', () => {
    const fragment = fc.constantFrom(
      'path',
      '"a/*"',
      '{',
      '}',
      '[',
      ']',
      '=',
      ',',
      '"read"',
      'capabilities',
      '#',
      '\n',
      '<<EOT',
      'EOT',
      '/*',
      '"\\u00',
      '"\\UFFFFFFFF"',
      '1',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(fragment, { maxLength: 30 }).map((a) => a.join(' ')),
        ),
        (text) => {
          const r = parseVaultPolicy(text);
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 2000 },
    );
  });
});
