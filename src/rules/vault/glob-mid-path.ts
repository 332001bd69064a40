import { show } from '../../common/findings.js';
import { isTombstone } from '../lib/status.js';
import { declaredVaultPaths, hasMidPathStar } from '../../access/vault-paths.js';
import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'vault/glob-mid-path',
    severity: 'error',
    title: 'Vault * before the end of a path',
    rationale: 'Vault treats * as a glob only as the last character; anywhere else it is a literal *, so kv/data/*/config grants nothing where a wildcard was meant — and the usual reaction, widening the path until it works, overshoots.',
    fix: 'Use + for exactly one segment (kv/data/+/config), or end the path with /* .',
    owasp: ['NHI5'],
  },
  check({ data }, { now }) {
    if (isTombstone(data)) return [];
    return declaredVaultPaths(data, now)
      .filter((p) => hasMidPathStar(p.path))
      .map((p) => {
        const segs = p.path.split('/');
        // Only a whole-segment * has a direct replacement; `app*/x` needs a person to decide.
        const wholeSegments = segs.every((s, i) => !s.includes('*') || s === '*' || (i === segs.length - 1 && s.indexOf('*') === s.length - 1));
        const hint = wholeSegments ? `; for one segment write ${show(segs.map((s, i) => (s === '*' && i < segs.length - 1 ? '+' : s)).join('/'))}` : '; use + for one whole segment';
        return { path: p.at, message: `Vault reads the * inside ${show(p.path)} as a literal character, not a wildcard, so this path grants nothing where a wildcard was meant${hint}` };
      });
  },
});
