import { show } from '../../findings.js';
import { defineRule, type RepoEntry, type RepoReport } from '../types.js';

interface Summary {
  renamedFrom?: string;
}

/** How many other files a message names; the rest are counted, so messages (and the rule) stay linear. */
const LISTED = 3;

export default defineRule({
  kind: 'repo',
  meta: {
    id: 'name/collision',
    severity: 'error',
    title: 'Two identities share a name',
    rationale: 'metadata.name becomes the IAM role, Kubernetes service account and Vault role, and IAM names are unique ignoring case: two files with one name (or a rename onto a name still in use) would fight over, and share, one physical identity.',
    fix: 'Give each identity its own name; a rename (metadata.renamedFrom) must start from a name no other identity still uses.',
    owasp: ['NHI9'],
  },
  summarize({ data }): Summary {
    const { renamedFrom } = data.metadata;
    return renamedFrom === undefined ? {} : { renamedFrom };
  },
  check(entries: readonly RepoEntry<Summary>[]) {
    const byName = group(entries, (e) => e.identity);
    const byOldName = group(entries.filter((e) => e.value.renamedFrom !== undefined), (e) => e.value.renamedFrom!);
    const out: RepoReport[] = [];
    for (const same of byName.values()) {
      if (same.length < 2) continue;
      same.forEach((e, i) => out.push({
        file: e.file, identity: e.identity, path: ['metadata', 'name'],
        message: `name ${show(e.identity, 60)} is also used by ${others(same, i)} (names are unique ignoring case)`,
      }));
    }
    for (const [key, renamed] of byOldName) {
      // A renamedFrom equal to the identity's own name is a no-op, not a clash with itself.
      const holders = byName.get(key) ?? [];
      renamed.forEach((e, i) => {
        const path = ['metadata', 'renamedFrom'];
        const old = show(e.value.renamedFrom, 60);
        if (holders.length > 0 && e.identity.toLowerCase() !== key) {
          out.push({ file: e.file, identity: e.identity, path, message: `renamedFrom ${old} is still the name of ${others(holders, -1)}; a rename must not take a name that is in use` });
        }
        if (renamed.length > 1) {
          out.push({ file: e.file, identity: e.identity, path, message: `renamedFrom ${old} is also claimed by ${others(renamed, i)}; only one identity can take over the old one's live objects` });
        }
      });
    }
    return out;
  },
});

function group<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item).toLowerCase();
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** The files of `list` other than index `skip`: the first few by name, the rest as a count (constant work per call). */
function others(list: readonly { file: string }[], skip: number): string {
  const shown: string[] = [];
  for (let i = 0; i < list.length && shown.length < LISTED; i++) if (i !== skip) shown.push(show(list[i]!.file, 80));
  const total = list.length - (skip >= 0 && skip < list.length ? 1 : 0);
  return total > shown.length ? `${shown.join(', ')} and ${total - shown.length} more` : shown.join(', ');
}
