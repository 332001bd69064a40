import { show } from '../../common/findings.js';
import { fileList, LISTED, othersOf } from '../lib/listing.js';
import { defineRule, type RepoEntry, type RepoReport } from '../types.js';

interface Summary {
  renamedFrom?: string;
}

const messages = {
  nameShared: 'name {{name}} is also used by {{others}} (names are unique ignoring case)',
  oldNameInUse: 'renamedFrom {{old}} is still the name of {{holders}}; a rename must not take a name that is in use',
  oldNameClaimed:
    "renamedFrom {{old}} is also claimed by {{others}}; only one identity can take over the old one's live objects",
} as const;

export default defineRule({
  kind: 'repo',
  meta: {
    id: 'name/collision',
    severity: 'error',
    title: 'Two identities share a name',
    rationale:
      'metadata.name becomes the IAM role, Kubernetes service account and Vault role, and IAM names are ' +
      'unique ignoring case: two files with one name (or a rename onto a name still in use) would fight ' +
      'over, and share, one physical identity.',
    fix:
      'Give each identity its own name; a rename (metadata.renamedFrom) must start from a name no other ' +
      'identity still uses.',
    owasp: ['NHI9'],
  },
  messages,
  summarize({ data }): Summary {
    const { renamedFrom } = data.metadata;
    return renamedFrom === undefined ? {} : { renamedFrom };
  },
  check(entries: readonly RepoEntry<Summary>[]) {
    const byName = group(entries, (e) => e.identity);
    const byOldName = group(
      entries.filter((e) => e.value.renamedFrom !== undefined),
      (e) => e.value.renamedFrom!,
    );
    const out: RepoReport<typeof messages>[] = [];
    for (const same of byName.values()) {
      if (same.length < 2) continue;
      same.forEach((e, i) =>
        out.push({
          file: e.file,
          identity: e.identity,
          path: ['metadata', 'name'],
          messageId: 'nameShared',
          data: { name: show(e.identity, 60), others: othersOf(same, i) },
        }),
      );
    }
    for (const [key, renamed] of byOldName) {
      // A renamedFrom equal to the identity's own name is a no-op, not a clash with itself.
      const holders = byName.get(key) ?? [];
      renamed.forEach((e, i) => {
        const path = ['metadata', 'renamedFrom'];
        const old = show(e.value.renamedFrom, 60);
        if (holders.length > 0 && e.identity.toLowerCase() !== key) {
          out.push({
            file: e.file,
            identity: e.identity,
            path,
            messageId: 'oldNameInUse',
            data: {
              old,
              holders: fileList(
                holders.slice(0, LISTED).map((h) => h.file),
                holders.length,
              ),
            },
          });
        }
        if (renamed.length > 1) {
          out.push({
            file: e.file,
            identity: e.identity,
            path,
            messageId: 'oldNameClaimed',
            data: { old, others: othersOf(renamed, i) },
          });
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
