import { show, type Path } from '../../common/findings.js';
import { trustItems } from '../../access/trust.js';
import { othersOf } from '../lib/listing.js';
import { issuerHost } from '../lib/role-trust.js';
import { isTombstone } from '../lib/status.js';
import { defineRule, type RepoEntry, type RepoReport } from '../types.js';

interface Pin {
  account: string;
  provider: string;
  audience: string;
  subject: string;
  path: Path;
}

interface Summary {
  pins: Pin[];
}

const messages = {
  sharedSubject:
    'OIDC subject {{subject}} of {{provider}} also becomes the role of {{others}}: one pipeline holds ' +
    "both identities' access; give each role a subject of its own",
} as const;

export default defineRule({
  kind: 'repo',
  meta: {
    id: 'reuse/shared-oidc-subject',
    severity: 'error',
    title: 'Two AWS roles trust the same OIDC subject',
    rationale:
      'A pipeline gets one token with one sub claim; when the roles of two identities trust the same ' +
      'issuer, audience and subject, that pipeline can become either, so the two identities are one in ' +
      'practice and their access adds up, as with a GitHub subject shared by two roles.',
    fix:
      "Pin each identity's spec.access.aws.trust.oidc to a subject of its own (another ref, environment or " +
      'project), or merge the two identities if one pipeline really needs both sets of access.',
    owasp: ['NHI9', 'NHI6'],
  },
  messages,
  summarize({ data }): Summary | null {
    const aws = data.spec.access.aws;
    if (isTombstone(data) || aws?.principal !== 'role') return null;
    const pins: Pin[] = [];
    for (const { item, path } of trustItems(aws.trust, 'oidc')) {
      // A pattern is judged by aws/trust-oidc-subject; only the same exact subject is one pipeline for sure.
      if (item.subject === undefined || /[*?]/.test(item.subject)) continue;
      pins.push({
        account: aws.account,
        provider: item.provider,
        audience: item.audience,
        subject: item.subject,
        path,
      });
    }
    return pins.length > 0 ? { pins } : null;
  },
  check(entries: readonly RepoEntry<Summary>[], { org }) {
    // Two accounts may declare the same issuer under different names: compare issuers, not names.
    const issuer = (p: Pin): string => {
      const url = org?.spec.targets?.aws?.[p.account]?.oidcProviders?.[p.provider];
      return url !== undefined ? issuerHost(url) : `${p.account}/${p.provider}`;
    };
    const byKey = new Map<string, { file: string; identity: string; pin: Pin }[]>();
    for (const e of entries) {
      for (const pin of e.value.pins) {
        const key = JSON.stringify([issuer(pin), pin.audience, pin.subject]);
        const list = byKey.get(key);
        const item = { file: e.file, identity: e.identity, pin };
        if (!list) byKey.set(key, [item]);
        else if (!list.some((u) => u.identity === e.identity)) list.push(item);
      }
    }
    const out: RepoReport<typeof messages>[] = [];
    for (const users of byKey.values()) {
      if (users.length < 2) continue;
      users.forEach((u, i) =>
        out.push({
          file: u.file,
          identity: u.identity,
          path: [...u.pin.path, 'subject'],
          messageId: 'sharedSubject',
          data: { subject: show(u.pin.subject, 120), provider: u.pin.provider, others: othersOf(users, i) },
        }),
      );
    }
    return out;
  },
});
