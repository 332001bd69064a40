import { show, type Path } from '../../common/findings.js';
import { reachesAny } from '../../access/kubernetes-api.js';
import { fileList, LISTED } from '../lib/listing.js';
import { isTombstone } from '../lib/status.js';
import { parseVaultPath, vaultPathMatches, vaultPolicyPaths } from '../../access/vault-paths.js';
import { defineRule, type RepoEntry, type RepoReport } from '../types.js';

interface Read {
  /** A Vault policy path, or `cluster/namespace` for Kubernetes secrets. */
  where: string;
  /** Kubernetes only: the secret name the grant is limited to, or null for any. */
  name: string | null;
  at: Path;
}

interface Summary {
  /** spec.delivery: where idac writes this identity's generated credential. */
  vault?: string;
  secret?: { place: string; name: string };
  vaultReads: Read[];
  secretReads: Read[];
}

type Entry = RepoEntry<Summary>;
interface Target {
  file: string;
  identity: string;
}

const messages = {
  readsOne:
    '{{what}} reaches the credential of {{files}} (delivered to {{where}}); only the identity a credential ' +
    'belongs to may read it',
  readsMany:
    '{{what}} reaches the credentials of {{files}} (delivered to {{where}}, …); only the identity a ' +
    'credential belongs to may read it',
} as const;

export default defineRule({
  kind: 'repo',
  meta: {
    id: 'reuse/delivered-credential-readable',
    severity: 'error',
    title: 'Another identity can read a delivered credential',
    rationale:
      'idac writes a generated credential (an AppRole secret-id, AWS access keys) to spec.delivery; any ' +
      'other identity that can read that Vault path or Kubernetes secret can log in as its owner, so the two ' +
      'share one credential however distinct their names are.',
    fix:
      "Narrow the reading grant to the identity's own paths (or name its own secrets in resourceNames), or " +
      'deliver the credential to a path only its workload reads, such as kv/data/<team>/<identity>/….',
    owasp: ['NHI9', 'NHI5'],
  },
  messages,
  summarize({ data, access }): Summary | null {
    if (isTombstone(data)) return null; // its credential is revoked, and it reads nothing
    const out: Summary = { vaultReads: [], secretReads: [] };
    const { delivery, access: declared } = data.spec;
    if (delivery?.vaultPath !== undefined) out.vault = delivery.vaultPath;
    // A delivered secret lands in the identity's own cluster; without one it has no known place.
    if (delivery?.kubernetesSecret && declared.kubernetes)
      out.secret = {
        place: `${declared.kubernetes.cluster}/${delivery.kubernetesSecret.namespace}`,
        name: delivery.kubernetesSecret.name,
      };
    for (const p of vaultPolicyPaths(access)) {
      if (p.capabilities.some((c) => c.capability === 'read'))
        out.vaultReads.push({ where: p.path, name: null, at: p.at });
    }
    const seen = new Set<string>();
    for (const g of access.grants) {
      if (g.target !== 'kubernetes' || !reachesAny(g, '', ['secrets'], ['get', 'list', 'watch'])) continue;
      const key = JSON.stringify([g.path, g.resourceName]);
      if (seen.has(key)) continue;
      seen.add(key);
      out.secretReads.push({ where: `${g.cluster}/${g.namespace}`, name: g.resourceName, at: g.path });
    }
    const any =
      out.vault !== undefined || out.secret !== undefined || out.vaultReads.length > 0 || out.secretReads.length > 0;
    return any ? out : null;
  },
  check(entries: readonly Entry[]) {
    // Deliveries indexed by every prefix of their segments: a read pattern is tested only against
    // those under its literal prefix (the part before any `+` or glob). Team-scoped grants touch a
    // handful; only broad globs, which vault/* and boundary/* rules already report, scan many.
    const vaultUnder = new Map<string, (Target & { path: string })[]>();
    const secretsIn = new Map<string, (Target & { name: string })[]>();
    for (const e of entries) {
      const t = { file: e.file, identity: e.identity };
      if (e.value.vault !== undefined) {
        const segs = e.value.vault.split('/');
        for (let i = 0; i <= segs.length; i++)
          push(vaultUnder, segs.slice(0, i).join('/'), { ...t, path: e.value.vault });
      }
      if (e.value.secret) push(secretsIn, e.value.secret.place, { ...t, name: e.value.secret.name });
    }
    const out: RepoReport<typeof messages>[] = [];
    const report = (e: Entry, read: Read, what: string, owners: Target[], where: string): void => {
      if (owners.length === 0) return;
      const files = fileList(
        owners.slice(0, LISTED).map((o) => o.file),
        owners.length,
      );
      const one = owners.length === 1;
      out.push({
        file: e.file,
        identity: e.identity,
        path: read.at,
        messageId: one ? 'readsOne' : 'readsMany',
        data: { what, files, where: show(where, 120) },
      });
    };
    for (const e of entries) {
      for (const read of e.value.vaultReads) {
        const candidates = vaultUnder.get(literalPrefix(read.where)) ?? [];
        const owners = candidates.filter((d) => d.identity !== e.identity && vaultPathMatches(read.where, d.path));
        report(e, read, `read on Vault path ${show(read.where)}`, owners, owners[0]?.path ?? '');
      }
      for (const read of e.value.secretReads) {
        const owners = (secretsIn.get(read.where) ?? []).filter(
          (d) => d.identity !== e.identity && (read.name === null || read.name === d.name),
        );
        report(e, read, `reading secrets in ${show(read.where)}`, owners, `${read.where}/${owners[0]?.name ?? ''}`);
      }
    }
    return out;
  },
});

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** The segments of a policy path before its first `+` or glob segment. */
function literalPrefix(path: string): string {
  const p = parseVaultPath(path);
  const fixed: string[] = [];
  for (let i = 0; i < p.segments.length; i++) {
    const seg = p.segments[i]!;
    if (seg === '+' || (p.prefix && i === p.segments.length - 1)) break;
    fixed.push(seg);
  }
  return fixed.join('/');
}
