import { accountTrusts } from '../lib/role-trust.js';
import { defineRule, type Report } from '../types.js';

// No message names the external id's value: it is the shared secret of a vendor integration.
const messages = {
  missing:
    'account {{account}} is a third party ({{name}}) but the trust sets no externalId: the vendor could be ' +
    'tricked into using this role for another of its customers; set the external id the vendor gave you',
  ownAccount:
    'account {{account}} is one of ours (org.yaml targets.aws); an externalId there guards against no ' +
    'confused deputy, and callers that do not pass it fail; remove it',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'aws/trust-external-id',
    severity: 'error',
    title: 'Cross-account trust and its external id disagree with the account',
    rationale:
      "A third party assumes roles in many customers' accounts; without sts:ExternalId anyone who can " +
      'make it act for them (another customer) can steer it into your role: the confused-deputy problem. ' +
      'Between accounts of the organisation there is no such deputy: an external id written in git is no ' +
      'secret, adds no protection, and breaks every caller that does not know it, so it is likely a mistake ' +
      '(a warning).',
    fix:
      'Set externalId on every trust of an account that org.yaml spec.trustedAccounts marks thirdParty: true ' +
      '(the id the vendor assigned); remove it from trusts of accounts declared under targets.aws.',
    owasp: ['NHI5', 'NHI3'],
  },
  messages,
  severities: { ownAccount: 'warning' },
  check({ data }, { org }) {
    if (!org) return [];
    const out: Report<typeof messages>[] = [];
    for (const { item, path, own, trusted } of accountTrusts(data, org)) {
      if (trusted?.thirdParty === true && item.externalId === undefined)
        out.push({ path, at: 'key', messageId: 'missing', data: { account: item.id, name: trusted.name } });
      else if (item.externalId !== undefined && own)
        out.push({ path: [...path, 'externalId'], at: 'key', messageId: 'ownAccount', data: { account: item.id } });
    }
    return out;
  },
});
