import { formatDuration, parseDuration } from '../../common/time.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  zeroTtl: "certificate ttl {{ttl}} is zero: Vault would issue with the mount's default lifetime; give a positive ttl",
  zeroTtlLimit:
    "certificate ttl {{ttl}} is zero: Vault would issue with the mount's default lifetime; give a positive " +
    'ttl of at most {{limit}}',
  tooLong: 'certificate ttl {{ttl}} exceeds the limit of {{limit}} in org.yaml limits.certificateTtl',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'certificate/max-ttl',
    severity: 'error',
    title: 'Certificate lifetime longer than the organisation allows',
    rationale:
      'A certificate cannot be revoked reliably (CRLs and OCSP are often not checked), so its ttl is how ' +
      'long a stolen key stays usable; org.yaml limits.certificateTtl bounds it. A ttl of 0 does not mean ' +
      '"none": Vault then issues with the mount\'s default, which can be a month or more.',
    fix:
      'Set certificates[].ttl to a positive duration of at most limits.certificateTtl in identities/org.yaml, ' +
      'and renew the certificate at two thirds of it.',
    owasp: ['NHI7'],
  },
  messages,
  check({ data }, { org }) {
    const limit = org?.spec.limits?.certificateTtl;
    const max = limit === undefined ? null : parseDuration(limit);
    const out: Report<typeof messages>[] = [];
    (data.spec.access.vault?.certificates ?? []).forEach((c, i) => {
      const ttl = parseDuration(c.ttl);
      const path = ['spec', 'access', 'vault', 'certificates', i, 'ttl'];
      if (ttl === null) return; // schema/format reports it
      if (ttl === 0)
        out.push(
          max === null
            ? { path, messageId: 'zeroTtl', data: { ttl: c.ttl } }
            : { path, messageId: 'zeroTtlLimit', data: { ttl: c.ttl, limit: formatDuration(max) } },
        );
      else if (max !== null && ttl > max)
        out.push({ path, messageId: 'tooLong', data: { ttl: formatDuration(ttl), limit: formatDuration(max) } });
    });
    return out;
  },
});
