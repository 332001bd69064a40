import { ruleTable } from '../harness.js';
import { fed, vaulting } from '../federation.js';

const jwt = (claims: string): string =>
  vaulting('auth: jwt', `jwt: { mount: jwt-gitlab, audience: "https://vault.example.com"${claims} }`);

ruleTable('vault/jwt-claims', {
  good: [
    { name: 'project and ref', files: fed(jwt(', claims: { project_path: acme/ledger, ref: main }')) },
    {
      name: 'repository and environment, a list',
      files: fed(jwt(', claims: { repository: acme/shop, environment: [staging, production] }')),
    },
    {
      name: 'a sub naming the ref',
      files: fed(jwt(', claims: { sub: "project_path:acme/ledger:ref_type:branch:ref:main" }')),
    },
    { name: 'a narrow glob', files: fed(jwt(', claims: { project_path: acme/ledger, ref: release-* }')) },
  ],
  bad: [
    {
      name: 'no claims',
      files: fed(jwt('')),
      expect: [
        {
          line: 27,
          column: 7,
          messageId: 'noClaims',
          message:
            /^JWT login on "jwt-gitlab" binds no claims: every token .* audience "https:\/\/vault\.example\.com"/,
        },
      ],
    },
    {
      name: 'a project without a ref',
      files: fed(jwt(', claims: { project_path: acme/ledger }')),
      expect: [
        { line: 27, column: 72, messageId: 'unpinned', message: /pins no ref or environment: tokens of every branch/ },
      ],
    },
    {
      name: 'a ref without a project, and a claim that is only *',
      files: fed(jwt(', claims: { ref: main, namespace_path: "*" }')),
      expect: [
        {
          line: 27,
          column: 72,
          messageId: 'unpinned',
          message: /pins no repository or project: tokens of every project/,
        },
        {
          line: 27,
          column: 109,
          messageId: 'wildcardOnly',
          message: /^claim "namespace_path" matches any value \("\*"\)/,
        },
      ],
    },
    {
      name: 'ref_type names a kind of ref, not which one',
      files: fed(jwt(', claims: { project_path: acme/ledger, ref_type: branch }')),
      expect: [{ line: 27, column: 72, messageId: 'unpinned', message: /pins no ref or environment/ }],
    },
    {
      name: 'a sub whose ref is a wildcard',
      files: fed(jwt(', claims: { sub: "project_path:acme/ledger:ref_type:branch:ref:*" }')),
      expect: [{ line: 27, column: 72, messageId: 'unpinned', message: /pins no ref or environment/ }],
    },
    {
      name: 'a project that is a pattern, in a claim and in a sub',
      files: fed(
        jwt(', claims: { project_path: "acme/*", ref: main, sub: "project_path:acme/*:ref_type:branch:ref:main" }'),
      ),
      expect: [
        { line: 27, column: 72, messageId: 'unpinned', message: /pins no repository or project/ },
        {
          line: 27,
          column: 96,
          messageId: 'wildcardProject',
          message: /^claim "project_path" is a pattern \("acme\/\*"\): it admits every project/,
        },
        { line: 27, column: 122, messageId: 'wildcardProject' },
      ],
    },
    {
      name: 'a sub that pins no ref',
      files: fed(jwt(', claims: { sub: "project_path:acme/ledger:*" }')),
      expect: [{ line: 27, column: 72, messageId: 'unpinned', message: /pins no ref or environment/ }],
    },
  ],
});
