// An identity's history from git alone: for each commit that touched it (renames and moves
// followed through metadata.name and metadata.renamedFrom), the semantic change — fields, access
// gained and lost (evaluated at the commit's date, wildcards expanded), and what happened to the
// identity (added, changed, moved, renamed, removed). Pure: the io layer supplies the commits and
// each changed file's two sides, already loaded.

import type { IamCatalog } from '../../access/iam-catalog.js';
import type { MachineIdentity } from '../../manifest/machine-identity.generated.js';
import { diffFields } from '../../plan/diff-fields.js';
import { compareAccess, diffAccess, WITHHELD } from '../../plan/plan.js';
import type { AccessChange, FieldChange } from '../../plan/types.js';

/** One side of a changed manifest: its data when valid, and whether the file holds a secret. */
export interface Side {
  file: string;
  /** metadata.name when it loads, else the file's base name. */
  name: string;
  data: MachineIdentity | null;
  secret: boolean;
}

export interface CommitInput {
  sha: string;
  author: string;
  email: string;
  /** ISO-8601 UTC. */
  date: string;
  subject: string;
  files: { before: Side | null; after: Side | null }[];
}

export type EntryKind = 'added' | 'changed' | 'moved' | 'renamed' | 'removed';

export interface HistoryEntry {
  sha: string;
  author: string;
  date: string;
  email: string;
  pr: number | null;
  identity: string;
  kind: EntryKind;
  /** The identity's name before the commit, when it had another one. */
  from: string | null;
  file: string;
  access: { gained: AccessChange[]; lost: AccessChange[] };
  changes: FieldChange[];
}

/** SPEC §5: `Merge pull request #N …`, or a (squash) subject ending `(#N)`. */
export function prNumber(subject: string): number | null {
  const m = /^Merge pull request #(\d+)\b/.exec(subject) ?? /\(#(\d+)\)\s*$/.exec(subject);
  return m ? Number(m[1]) : null;
}

/** Names that are one identity across renames: renamedFrom edges, lowercased, joined. */
class Lineage {
  private readonly parent = new Map<string, string>();

  find(name: string): string {
    const k = name.toLowerCase();
    let root = k;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    if (root !== k) this.parent.set(k, root);
    return root;
  }

  join(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

export function lineageOf(commits: readonly CommitInput[]): Lineage {
  const lineage = new Lineage();
  for (const c of commits) {
    for (const f of c.files) {
      const from = f.after?.data?.metadata.renamedFrom;
      if (from) lineage.join(from, f.after!.name);
    }
  }
  return lineage;
}

/**
 * Every (commit, identity) change, oldest first. `only`: an identity name (any name it ever had);
 * null for every identity. `since`: drop entries before this instant (the lineage still sees them).
 */
export function buildHistory(
  commits: readonly CommitInput[],
  opts: { only: string | null; since: number | null; catalog: IamCatalog },
): HistoryEntry[] {
  const lineage = lineageOf(commits);
  const target = opts.only === null ? null : lineage.find(opts.only);
  const out: HistoryEntry[] = [];
  for (const c of commits) {
    const at = Date.parse(c.date);
    // A rename or a move is a delete and an add in one commit: pair them by lineage.
    const groups = new Map<string, { before: Side | null; after: Side | null }>();
    for (const f of c.files) {
      const key = lineage.find((f.after ?? f.before)!.name);
      const g = groups.get(key) ?? { before: null, after: null };
      if (f.before) g.before = f.before;
      if (f.after) g.after = f.after;
      groups.set(key, g);
    }
    for (const [key, g] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (target !== null && key !== target) continue;
      if (opts.since !== null && at < opts.since) continue;
      out.push(entry(c, g.before, g.after, opts.catalog));
    }
  }
  return out;
}

function entry(c: CommitInput, before: Side | null, after: Side | null, catalog: IamCatalog): HistoryEntry {
  const now = Date.parse(c.date);
  const name = (after ?? before)!.name;
  const kind: EntryKind = !before
    ? 'added'
    : !after
      ? 'removed'
      : before.name.toLowerCase() !== after.name.toLowerCase()
        ? 'renamed'
        : before.file !== after.file
          ? 'moved'
          : 'changed';
  const withheld = Boolean(before?.secret || after?.secret);
  const access = diffAccess(name, before?.data ?? null, after?.data ?? null, now, catalog);
  const gained = access.gained.map((a) => ({ ...a, identity: name })).sort(compareAccess);
  const lost = access.lost.map((a) => ({ ...a, identity: name })).sort(compareAccess);
  const changes = before?.data && after?.data ? diffFields(before.data, after.data) : [];
  return {
    sha: c.sha,
    author: c.author,
    date: c.date,
    email: c.email,
    pr: prNumber(c.subject),
    identity: name,
    kind,
    from: kind === 'renamed' ? before!.name : null,
    file: (after ?? before)!.file,
    access: withheld
      ? { gained: gained.map((a) => ({ ...a, grant: WITHHELD })), lost: lost.map((a) => ({ ...a, grant: WITHHELD })) }
      : { gained, lost },
    changes: withheld ? changes.map((ch) => ({ path: ch.path, before: WITHHELD, after: WITHHELD })) : changes,
  };
}
