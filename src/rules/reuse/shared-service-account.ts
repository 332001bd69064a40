import { show, type Path } from '../../common/findings.js';
import { trustItems } from '../../access/trust.js';
import { othersOf } from '../lib/listing.js';
import { isTombstone } from '../lib/status.js';
import { defineRule, type RepoEntry, type RepoReport } from '../types.js';

interface Use {
  /** `cluster/namespace/serviceAccount`. */
  sa: string;
  path: Path;
  at: 'key' | 'value';
}

interface Summary {
  uses: Use[];
}

const messages = {
  sharedServiceAccount:
    'Kubernetes service account {{serviceAccount}} is also used by {{others}}; each identity needs its own',
} as const;

export default defineRule({
  kind: 'repo',
  meta: {
    id: 'reuse/shared-service-account',
    severity: 'error',
    title: 'Two identities share a Kubernetes service account',
    rationale:
      'A pod running as a service account gets everything bound to it: its RBAC rules, its Vault role and ' +
      "every AWS role that trusts it. Two identities on one service account each silently hold the other's " +
      'access, and neither can be revoked or audited alone. EKS Pod Identity allows one role per service account.',
    fix:
      'Give each identity its own service account (spec.access.kubernetes.serviceAccount, which defaults to ' +
      "the identity's name) and trust only that one from its AWS role (spec.access.aws.trust.kubernetes or " +
      'eksPodIdentity).',
    owasp: ['NHI9'],
  },
  messages,
  summarize({ data }): Summary | null {
    if (isTombstone(data)) return null; // its service account is deleted with it
    const { aws, kubernetes } = data.spec.access;
    const uses: Use[] = [];
    const add = (u: Use): void => {
      // An identity's role trusting its own service account is IRSA, not reuse: count it once.
      if (!uses.some((v) => v.sa === u.sa)) uses.push(u);
    };
    const trusted = aws?.trust?.kubernetes;
    if (trusted)
      add({
        sa: `${trusted.cluster}/${trusted.namespace}/${trusted.serviceAccount}`,
        path: ['spec', 'access', 'aws', 'trust', 'kubernetes', 'serviceAccount'],
        at: 'value',
      });
    // An EKS Pod Identity association hands the role to every pod running as the service account.
    for (const { item, path } of trustItems(aws?.principal === 'role' ? aws.trust : undefined, 'eksPodIdentity'))
      add({
        sa: `${item.cluster}/${item.namespace}/${item.serviceAccount}`,
        path: [...path, 'serviceAccount'],
        at: 'value',
      });
    if (kubernetes) {
      const named = kubernetes.serviceAccount !== undefined;
      add({
        sa: `${kubernetes.cluster}/${kubernetes.namespace}/${kubernetes.serviceAccount ?? data.metadata.name}`,
        path: named ? ['spec', 'access', 'kubernetes', 'serviceAccount'] : ['spec', 'access', 'kubernetes'],
        at: named ? 'value' : 'key',
      });
    }
    return uses.length > 0 ? { uses } : null;
  },
  check(entries: readonly RepoEntry<Summary>[]) {
    const bySa = new Map<string, { file: string; identity: string; use: Use }[]>();
    for (const e of entries) {
      for (const use of e.value.uses) {
        const list = bySa.get(use.sa);
        const item = { file: e.file, identity: e.identity, use };
        if (list) list.push(item);
        else bySa.set(use.sa, [item]);
      }
    }
    const out: RepoReport<typeof messages>[] = [];
    for (const [sa, users] of bySa) {
      if (users.length < 2) continue;
      users.forEach((u, i) =>
        out.push({
          file: u.file,
          identity: u.identity,
          path: u.use.path,
          at: u.use.at,
          messageId: 'sharedServiceAccount',
          data: { serviceAccount: show(sa, 120), others: othersOf(users, i) },
        }),
      );
    }
    return out;
  },
});
