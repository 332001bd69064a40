import { show } from '../../common/findings.js';
import { didYouMean, guess } from '../lib/role-trust.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  unknownCa: 'certificate authority {{ca}} is not declared in org.yaml targets.vault.certificateAuthorities{{guess}}',
  noCertificates:
    'vault.auth is cert but the identity declares no spec.access.vault.certificates: no common name would be ' +
    'admitted, so nothing could log in',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'vault/cert-ca',
    severity: 'error',
    title: 'Vault cert login without a declared CA or a certificate name',
    rationale:
      'Vault cert auth admits a client certificate signed by the CA the role holds and carrying one of its ' +
      'allowed common names. The CA must be one org.yaml vetted (targets.vault.certificateAuthorities), and ' +
      "the names are the identity's own certificate names; without them the role admits nothing, or, " +
      'written as an empty list, any name the CA signed (Vault reads no allowed names as all of them).',
    fix:
      'Name a CA of targets.vault.certificateAuthorities in spec.access.vault.cert.ca, and declare the ' +
      "device's certificate under spec.access.vault.certificates (its common names are the ones admitted).",
    owasp: ['NHI4', 'NHI5'],
  },
  messages,
  check({ data }, { org }) {
    const vault = data.spec.access.vault;
    if (vault?.auth !== 'cert' || !vault.cert) return [];
    const out: Report<typeof messages>[] = [];
    const cas = org?.spec.targets?.vault?.certificateAuthorities ?? {};
    if (org && !Object.hasOwn(cas, vault.cert.ca))
      out.push({
        path: ['spec', 'access', 'vault', 'cert', 'ca'],
        messageId: 'unknownCa',
        data: { ca: show(vault.cert.ca), guess: guess(didYouMean(vault.cert.ca, Object.keys(cas))) },
      });
    if (!vault.certificates)
      out.push({ path: ['spec', 'access', 'vault', 'cert'], at: 'key', messageId: 'noCertificates' });
    return out;
  },
});
