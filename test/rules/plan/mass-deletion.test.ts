import { edit } from '../harness.js';
import { ACME, type Change, type Editable, ORG, planTable } from './harness.js';

const LIVE = [
  'data/report-exporter',
  'data/support-assistant',
  'payments/ledger-writer',
  'payments/settlement-reader',
  'platform/ci-deployer',
  'platform/edge-gateway',
  'platform/release-bot',
  'data/legacy-etl',
];
const EXTRA = ['platform/extra-0', 'platform/extra-1', 'platform/extra-2', 'platform/extra-3'];

/**
 * examples/acme (16 identities, nightly-recon decommissioned) and four more: 20 in the base, so the guard allows
 * max(10, 2) = 10.
 */
const thirteen: Change = (f) => {
  // Copies of release-bot (low, Kubernetes only): nothing protected among them.
  for (const e of EXTRA)
    f.write(
      `identities/${e}.yaml`,
      edit(ACME['identities/platform/release-bot.yaml']!, 'name: release-bot', `name: ${e.split('/')[1]}`),
    );
};
const removeAll =
  (paths: readonly string[]) =>
  (f: Editable): void => {
    for (const p of paths) f.remove(`identities/${p}.yaml`);
  };
const decommission =
  (paths: readonly string[]) =>
  (f: Editable): void => {
    for (const p of paths) {
      const file = `identities/${p}.yaml`;
      const text = f.read(file);
      f.write(
        file,
        /^ {2}status: /m.test(text)
          ? text.replace(/^ {2}status: \w+$/m, '  status: decommissioned')
          : text.replace('spec:\n', 'spec:\n  status: decommissioned\n'),
      );
    }
  };
// legacy-etl is suspended, so it counts when it goes; nightly-recon is already decommissioned, so its file going counts
// nothing.
const twelve = [...LIVE, ...EXTRA];

const message = (n: number) =>
  `this change deletes ${n} identities, more than the guard allows (max(10, 10 % of 20) = 10); if that is ` +
  `intended, have a security owner approve it and rerun with --allow-deletions ${n}`;

planTable('plan/mass-deletion', 'error', {
  good: [
    { name: 'ten identities removed: the limit itself', base: thirteen, change: removeAll(twelve.slice(0, 10)) },
    { name: 'twelve removed with --allow-deletions 12', base: thirteen, change: removeAll(twelve), allowDeletions: 12 },
    {
      name: 'twelve removed with --allow-deletions above the count',
      base: thirteen,
      change: removeAll(twelve),
      allowDeletions: 20,
    },
    {
      name: "a decommissioned identity's file removed is not counted again",
      base: thirteen,
      change: removeAll(['payments/nightly-recon', ...twelve.slice(0, 10)]),
    },
    { name: 'identities added, not deleted', change: thirteen },
  ],
  bad: [
    {
      name: 'twelve identities removed',
      base: thirteen,
      change: removeAll(twelve),
      findings: [
        { file: ORG, line: 1, column: 1, identity: null, messageId: 'tooManyDeletions', message: message(12) },
      ],
    },
    {
      name: 'twelve removed, --allow-deletions 11 is not enough',
      base: thirteen,
      change: removeAll(twelve),
      allowDeletions: 11,
      findings: [
        { file: ORG, line: 1, column: 1, identity: null, messageId: 'tooManyDeletions', message: message(12) },
      ],
    },
    {
      name: 'eleven decommissioned (a deletion too)',
      base: thirteen,
      change: decommission(twelve.filter((p) => p !== 'data/legacy-etl').slice(0, 11)),
      findings: [
        { file: ORG, line: 1, column: 1, identity: null, messageId: 'tooManyDeletions', message: message(11) },
      ],
    },
    {
      name: 'some removed, some decommissioned',
      base: thirteen,
      change: (f) => {
        removeAll(twelve.slice(0, 6))(f);
        decommission(twelve.slice(6, 11))(f);
      },
      findings: [
        { file: ORG, line: 1, column: 1, identity: null, messageId: 'tooManyDeletions', message: message(11) },
      ],
    },
  ],
});
