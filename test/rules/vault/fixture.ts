// Shared fixtures for the vault/* rule tables: the harness IDENTITY with access.vault policy paths
// appended (one entry per two lines), an elevation of more paths, a status, a certificate, or an
// org.yaml with other Vault mounts.

import { edit, IDENTITY, ORG } from '../harness.js';

export const at = 'identities/payments/app.yaml';

export type Entry = [path: string, capabilities: string];

/**
 * IDENTITY plus access.vault: entry i's path is on line 28 + 2i (column 17), its capabilities on line 29 + 2i (from
 * column 26).
 */
export const vault = (...entries: Entry[]) =>
  `${IDENTITY}    vault:\n      auth: kubernetes\n      ` +
  `paths:\n${entries.map(([p, c]) => `        - path: "${p}"\n          capabilities: [${c}]\n`).join('')}`;

/**
 * An elevation of 2026-11-23 08:00–16:00Z: after one base entry, its path i is on line 38 + 2i (column 21),
 * capabilities on 39 + 2i (from column 30).
 */
export const elevated = (text: string, ...entries: Entry[]) =>
  `${text}  elevations:\n    - reason: INC-1 replay failed settlements\n      approvedBy: ` +
  `dave@example.com\n      from: 2026-11-23T08:00:00Z\n      until: 2026-11-23T16:00:00Z\n      access:\n    ` +
  `    vault:\n          paths:\n` +
  entries.map(([p, c]) => `            - path: "${p}"\n              capabilities: [${c}]\n`).join('');

/** A `now` inside the window of `elevated` (the harness clock, 2026-11-23T00:00Z, is before it). */
export const ACTIVE = '2026-11-23T09:00:00Z';

/** Sets spec.status (e.g. decommissioned) right after spec.expires. */
export const status = (text: string, s: string) =>
  edit(text, '  expires: 2027-05-31\n', `  expires: 2027-05-31\n  status: ${s}\n`);

/**
 * The one base entry that the line numbers of `elevated` and `window` assume: a read of the identity's own KV secrets.
 */
export const BASE: Entry = ['kv/data/payments/app/*', 'read'];

/** An elevation in the window `from`–`until`: after one base entry, its path is on line 38 (column 21). */
export const window = (text: string, from: string, until: string, ...entries: Entry[]) =>
  edit(
    elevated(text, ...entries),
    'from: 2026-11-23T08:00:00Z\n      until: 2026-11-23T16:00:00Z',
    `from: ${from}\n      until: ${until}`,
  );

/** Windows for `window`: a day after the harness clock, and a day before it. */
export const FUTURE = ['2026-11-24T08:00:00Z', '2026-11-24T16:00:00Z'] as const;
export const ENDED = ['2026-11-22T08:00:00Z', '2026-11-22T16:00:00Z'] as const;

/**
 * IDENTITY with a certificate from `mount`: idac grants update on <mount>/issue/app, which is not a policy path of the
 * manifest.
 */
export const cert = (mount: string) =>
  `${IDENTITY}    vault:\n      auth: kubernetes\n      certificates:\n        - mount: ${mount}\n          ` +
  `commonNames: [app.payments.svc.cluster.local]\n          ttl: 72h\n`;

/** ORG with `mounts` of targets.vault replaced by `list` (flow-mapping entries). */
export const mounts = (list: string) => edit(ORG, 'mounts: { kv: kv-v2, pki: pki }', `mounts: { ${list} }`);
