import { show } from '../../common/findings.js';
import { onlyWildcards } from '../lib/pinned.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  noClaims:
    'JWT login on {{mount}} binds no claims: every token the issuer signs for audience {{audience}} (any ' +
    'project, branch or pipeline) could log in; pin the repository or project and the ref or environment',
  unpinned:
    'JWT login on {{mount}} pins no {{missing}}: tokens of {{others}} could log in; add a claim such as {{example}}',
  wildcardOnly: 'claim {{claim}} matches any value ({{value}}); bind a value or drop the claim',
  wildcardProject:
    'claim {{claim}} is a pattern ({{value}}): it admits every project or repository it matches; bind the ' +
    'exact one (a pattern may only narrow a final ref, branch or environment)',
} as const;

const REPOSITORY = /project|repository|repo|workspace/i;
// GitLab's ref_type (branch or tag) names a kind of ref, not which one: it pins nothing.
const namesRef = (key: string): boolean => /ref|environment|branch/i.test(key) && !/_type$/i.test(key);

/**
 * A `sub` value of `key:value` pairs (GitLab, GitHub, Buildkite write it so) with a ref, environment or branch
 * key followed by a value that is not wildcards only (`project_path:acme/ledger:ref_type:branch:ref:main`).
 */
const subPinsRef = (value: string): boolean =>
  value
    .split(':')
    .some((part, i, all) => i % 2 === 0 && namesRef(part) && i < all.length - 1 && /[^*?]/.test(all[i + 1]!));

/**
 * A `sub` pattern that opens the project: a wildcard before its last field
 * (`project_path:acme/*:ref_type:branch:ref:main`), or in the value of a repository or project key
 * (`project_path:acme/*`). A wildcard in a final ref is judged by subPinsRef.
 */
const subOpensProject = (value: string): boolean => {
  const parts = value.split(':');
  return parts.some(
    (part, i) => /[*?]/.test(part) && (i < parts.length - 1 || (i % 2 === 1 && REPOSITORY.test(parts[i - 1]!))),
  );
};

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'vault/jwt-claims',
    severity: 'error',
    title: 'Vault JWT login does not pin the repository and the ref or environment',
    rationale:
      'A CI issuer signs tokens for every project and branch on it, usually with one audience. A JWT role ' +
      'is only as narrow as its bound claims: without a claim naming the repository or project, any ' +
      "project's pipeline logs in; without the ref or environment, any branch (a fork's pull request, an " +
      'unreviewed feature branch) does. A claim matching only * binds nothing.',
    fix:
      'Bind a claim naming the project (project_path, repository, workspace, or sub) and one naming the ref ' +
      'or environment (ref, environment, branch, or a sub that holds one), e.g. { project_path: acme/ledger, ' +
      'ref: main }.',
    owasp: ['NHI6', 'NHI4'],
  },
  messages,
  check({ data }) {
    const vault = data.spec.access.vault;
    const jwt = vault?.auth === 'jwt' ? vault.jwt : undefined;
    if (!jwt) return [];
    const at = ['spec', 'access', 'vault', 'jwt'];
    const claims = Object.entries(jwt.claims ?? {});
    const mount = show(jwt.mount);
    if (claims.length === 0)
      return [
        {
          path: jwt.claims ? [...at, 'claims'] : at,
          at: 'key',
          messageId: 'noClaims',
          data: { mount, audience: show(jwt.audience) },
        },
      ];
    const out: Report<typeof messages>[] = [];
    let repository = false;
    let ref = false;
    for (const [claim, raw] of claims) {
      if (raw === undefined) continue;
      const values: readonly string[] = Array.isArray(raw) ? raw : [raw];
      const wild = values.find(onlyWildcards);
      if (wild !== undefined) {
        out.push({
          path: [...at, 'claims', claim],
          messageId: 'wildcardOnly',
          data: { claim: show(claim), value: show(wild) },
        });
        continue;
      }
      // A pattern over the project is no pin: acme/* is every project of the group, reviewed or not.
      const broad =
        claim === 'sub'
          ? values.find(subOpensProject)
          : REPOSITORY.test(claim)
            ? values.find((v) => /[*?]/.test(v))
            : undefined;
      if (broad !== undefined) {
        out.push({
          path: [...at, 'claims', claim],
          messageId: 'wildcardProject',
          data: { claim: show(claim), value: show(broad) },
        });
        continue;
      }
      if (claim === 'sub') {
        repository = true;
        if (values.every(subPinsRef)) ref = true;
        continue;
      }
      if (REPOSITORY.test(claim)) repository = true;
      else if (namesRef(claim)) ref = true;
    }
    const missing = [
      !repository && {
        missing: 'repository or project',
        others: 'every project',
        example: 'project_path: acme/ledger',
      },
      !ref && { missing: 'ref or environment', others: 'every branch', example: 'ref: main' },
    ].filter((m) => m !== false);
    for (const m of missing)
      out.push({ path: [...at, 'claims'], at: 'key', messageId: 'unpinned', data: { mount, ...m } });
    return out;
  },
});
