// Shared fixtures for the reuse/* rule tables: several identities in one repo, told apart by
// name and team.

import { edit, IDENTITY } from '../harness.js';

/** The harness identity's role trust (a flow mapping on line 21). */
export const TRUST = 'kubernetes: { cluster: prod-eu, namespace: payments, serviceAccount: app }';

/** `text` (the harness identity by default) renamed to `name`. */
export const named = (name: string, text = IDENTITY) => edit(text, '  name: app\n', `  name: ${name}\n`);

/** `text` moved to team risk, with risk's members as owner and successor. */
export const toRisk = (text: string) =>
  edit(
    edit(edit(text, 'team: payments', 'team: risk'), 'owner: alice@example.com', 'owner: dave@example.com'),
    'successor: bob@example.com',
    'successor: erin@example.com',
  );

/** `text` with spec.status: decommissioned, right after spec.expires. */
export const tombstone = (text: string) =>
  edit(text, '  expires: 2027-05-31\n', '  expires: 2027-05-31\n  status: decommissioned\n');

/** The paths of manifest `name` in the payments and the risk folder. */
export const p = (name: string) => `identities/payments/${name}.yaml`;
export const r = (name: string) => `identities/risk/${name}.yaml`;
