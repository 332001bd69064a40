// src/apply/providers.ts: no Vault provider without org.yaml targets.vault.address.
import { ORG, planTable, type Editable } from './harness.js';

const ADDRESS = '      address: https://vault.acme.example:8200\n';
const NEEDING =
  'edge-gateway, ledger-ci, ledger-writer, legacy-etl, payout-worker, press-17, report-exporter, settlement-reader, ' +
  'support-assistant';
const noAddress = (f: Editable): void => void f.edit(ORG, ADDRESS, '');
const message = (who: string, s = '') =>
  `add the Vault server's URL as targets.vault.address: without it idac apply cannot configure the Vault ` +
  `provider, and refuses; ${who} need${s} it`;

planTable('plan/vault-unconfigured', 'error', {
  good: [
    {
      name: 'the address moved to another server',
      change: (f) => void f.edit(ORG, ADDRESS, '      address: https://vault-2.acme.example:8200\n'),
    },
    {
      name: 'a Kubernetes-only identity changed while the base has no address',
      base: noAddress,
      change: (f) => void f.edit('identities/platform/release-bot.yaml', 'verbs: [create]', 'verbs: [create, patch]'),
    },
    {
      name: 'a Vault identity changed with the address in place',
      change: (f) => void f.edit('identities/platform/edge-gateway.yaml', 'criticality: medium', 'criticality: high'),
    },
  ],
  bad: [
    {
      name: 'the address removed: at targets.vault',
      change: noAddress,
      findings: [{ file: ORG, line: 62, column: 5, identity: null, messageId: 'manyNeed', message: message(NEEDING) }],
    },
    {
      name: 'targets.vault removed: at targets',
      change: (f) => void f.write(ORG, f.read(ORG).replace(/ {4}vault:\n(?: {6}.*\n)+/, '')),
      findings: [{ file: ORG, line: 38, column: 3, identity: null, messageId: 'manyNeed', message: message(NEEDING) }],
    },
    {
      name: 'a Vault identity changed while the base already lacks the address: only what the change touches is named',
      base: noAddress,
      change: (f) => void f.edit('identities/platform/edge-gateway.yaml', 'criticality: medium', 'criticality: high'),
      findings: [
        {
          file: ORG,
          line: 62,
          column: 5,
          identity: null,
          messageId: 'oneNeeds',
          message: message('edge-gateway', 's'),
        },
      ],
    },
  ],
});
