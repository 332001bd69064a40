// Shared fixtures for the aws/* rule tables: the harness IDENTITY (an AWS role with one
// permission on lines 23–24 and a Kubernetes trust on line 21) with its permissions replaced,
// an elevation appended, or the identity retired.

import { edit, IDENTITY } from '../harness.js';

export const at = 'identities/payments/app.yaml';

/** The harness identity's only permission (lines 23–24). */
export const PERM = '        - actions: [s3:GetObject]\n          resources: [arn:aws:s3:::bank-drop/*]\n';

/** Permission k's actions are on line 23 + 2k (first at column 21), its resources on 24 + 2k (column 23). */
export const perms = (...ps: [string, string][]): string =>
  edit(IDENTITY, PERM, ps.map(([a, r]) => `        - actions: [${a}]\n          resources: [${r}]\n`).join(''));

/**
 * Appends an elevation (active at NOW by default): its actions are on the 9th line after the text (column 25),
 * resources on the 10th (column 27).
 */
export const elevation = (
  text: string,
  actions: string,
  resources: string,
  from = '2026-11-23T00:00:00Z',
  until = '2026-11-23T08:00:00Z',
): string =>
  `${text}  elevations:\n    - reason: INC-4711 replay\n      approvedBy: dave@example.com\n      from: ` +
  `${from}\n      until: ${until}\n      access:\n        aws:\n          permissions:\n            - ` +
  `actions: [${actions}]\n              resources: [${resources}]\n`;

/** Appends `status: decommissioned` to a manifest that ends inside spec. */
export const tombstone = (text: string): string => `${text}  status: decommissioned\n`;

/** The harness identity's trust entry (line 21, column 9). */
export const K8S_TRUST = '        kubernetes: { cluster: prod-eu, namespace: payments, serviceAccount: app }\n';

/** The harness identity's whole trust block (lines 20–21). */
export const TRUST = `      trust:\n${K8S_TRUST}`;

/**
 * The harness identity with one permission carrying conditions (a YAML flow mapping): actions on line 23,
 * resources on 24, `conditions:` on 25 with its first operator at column 25.
 */
export const conditioned = (actions: string, resources: string, conditions: string): string =>
  edit(
    IDENTITY,
    PERM,
    `        - actions: [${actions}]\n          resources: [${resources}]\n          conditions: ${conditions}\n`,
  );
