import { show } from '../../common/findings.js';
import { parseDuration } from '../../common/time.js';
import { trustItems } from '../../access/trust.js';
import { didYouMean, guess, roleTrust } from '../lib/role-trust.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  unknownAnchor: 'trust anchor {{anchor}} is not declared in org.yaml targets.aws."{{account}}".trustAnchors{{guess}}',
  noCommonName:
    "Roles Anywhere trust through {{anchor}} pins no commonName: every certificate the anchor's CA signs " +
    'could assume the role; set the CN of the one device or workload',
  sessionDuration: 'Roles Anywhere sessionDuration {{duration}} is outside 15m..12h, which AWS refuses',
  foreignCommonName:
    'CN {{commonName}} is not one of the certificate names this identity declares ' +
    '(spec.access.vault.certificates); the holder of that certificate is another workload',
} as const;

const MIN = 15 * 60_000;
const MAX = 12 * 3_600_000;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/trust-roles-anywhere',
    severity: 'error',
    title: 'Roles Anywhere trust is not pinned to a declared anchor and one certificate',
    rationale:
      "IAM Roles Anywhere hands AWS credentials to whoever presents a certificate the trust anchor's CA " +
      'signed. The anchor must be one org.yaml vetted, and the role must pin the subject CN (and OU) of the ' +
      'one device or workload, or every certificate of the CA becomes the identity. AWS accepts sessions of ' +
      '15 minutes to 12 hours only. When the identity takes its certificates from Vault, the CN should be ' +
      'one of them (a warning): a CN that belongs to another workload hands that workload the role.',
    fix:
      'Name a trust anchor of targets.aws.<account>.trustAnchors, set commonName (and organizationalUnit) to ' +
      "the certificate's subject, keep sessionDuration between 15m and 12h, and use a commonName listed in " +
      'spec.access.vault.certificates when the identity gets its certificate there.',
    owasp: ['NHI4', 'NHI5'],
  },
  messages,
  severities: { foreignCommonName: 'warning' },
  check({ data }, { org }) {
    const role = roleTrust(data);
    if (!role) return [];
    const anchors = org?.spec.targets?.aws?.[role.account]?.trustAnchors ?? {};
    const certificates = data.spec.access.vault?.certificates;
    const names = new Set((certificates ?? []).flatMap((c) => c.commonNames));
    const out: Report<typeof messages>[] = [];
    for (const { item, path } of trustItems(role.trust, 'rolesAnywhere')) {
      // An undeclared account is target/aws-account's finding.
      if (org && Object.hasOwn(org.spec.targets?.aws ?? {}, role.account) && !Object.hasOwn(anchors, item.trustAnchor))
        out.push({
          path: [...path, 'trustAnchor'],
          messageId: 'unknownAnchor',
          data: {
            anchor: item.trustAnchor,
            account: role.account,
            guess: guess(didYouMean(item.trustAnchor, Object.keys(anchors))),
          },
        });
      if (item.commonName === undefined)
        out.push({ path, at: 'key', messageId: 'noCommonName', data: { anchor: item.trustAnchor } });
      else if (certificates && !names.has(item.commonName))
        out.push({
          path: [...path, 'commonName'],
          messageId: 'foreignCommonName',
          data: { commonName: show(item.commonName, 120) },
        });
      if (item.sessionDuration !== undefined) {
        const ms = parseDuration(item.sessionDuration);
        if (ms !== null && (ms < MIN || ms > MAX))
          out.push({
            path: [...path, 'sessionDuration'],
            messageId: 'sessionDuration',
            data: { duration: item.sessionDuration },
          });
      }
    }
    return out;
  },
});
