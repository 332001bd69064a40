import { show } from '../../common/findings.js';
import { declaredVaultPaths, hasMidPathStar } from '../../access/vault-paths.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  oneSegment:
    'Vault reads the * inside {{path}} as a literal character, not a wildcard, so this path grants nothing ' +
    'where a wildcard was meant; for one segment write {{replacement}}',
  partSegment:
    'Vault reads the * inside {{path}} as a literal character, not a wildcard, so this path grants nothing ' +
    'where a wildcard was meant; use + for one whole segment',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'vault/glob-mid-path',
    severity: 'error',
    title: 'Vault * before the end of a path',
    rationale:
      'Vault treats * as a glob only as the last character; anywhere else it is a literal *, so ' +
      'kv/data/*/config grants nothing where a wildcard was meant — and the usual reaction, widening the ' +
      'path until it works, overshoots.',
    fix: 'Use + for exactly one segment (kv/data/+/config), or end the path with /* .',
    owasp: ['NHI5'],
  },
  messages,
  check({ data }, { now }) {
    return declaredVaultPaths(data, now)
      .filter((p) => hasMidPathStar(p.path))
      .map((p): Report<typeof messages> => {
        const segs = p.path.split('/');
        // Only a whole-segment * has a direct replacement; `app*/x` needs a person to decide.
        const wholeSegments = segs.every(
          (s, i) => !s.includes('*') || s === '*' || (i === segs.length - 1 && s.indexOf('*') === s.length - 1),
        );
        if (!wholeSegments) return { path: p.at, messageId: 'partSegment', data: { path: show(p.path) } };
        const replacement = show(segs.map((s, i) => (s === '*' && i < segs.length - 1 ? '+' : s)).join('/'));
        return { path: p.at, messageId: 'oneSegment', data: { path: show(p.path), replacement } };
      });
  },
});
