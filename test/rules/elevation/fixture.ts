// Shared fixtures for the elevation/* rule tables: the harness IDENTITY (24 lines) with
// spec.elevations appended. Item k (0-based) of `withElevations` starts on line 26 + 9k (with the
// default access): approvedBy on 27 + 9k (value at column 19), from on 28 + 9k, until on 29 + 9k
// (value at column 14), access on 30 + 9k and its first target on 31 + 9k (column 9).

import { IDENTITY } from '../harness.js';

export const at = 'identities/payments/app.yaml';

/** The access of an elevation unless told otherwise: one S3 write permission (4 lines). */
export const S3_WRITE =
  '        aws:\n          permissions:\n            - actions: [s3:PutObject]\n              resources: ' +
  '[arn:aws:s3:::bank-drop/replay/*]\n';

export interface Item {
  approvedBy?: string;
  from?: string;
  until?: string;
  /** The lines under `access:`, each ending in a newline. */
  access?: string;
}

/** One item of spec.elevations: approved by dave, 2026-11-23 08:00–16:00Z, granting S3_WRITE, unless told otherwise. */
export const item = ({
  approvedBy = 'dave@example.com',
  from = '2026-11-23T08:00:00Z',
  until = '2026-11-23T16:00:00Z',
  access = S3_WRITE,
}: Item = {}): string => `    - reason: INC-1 replay failed settlements
      approvedBy: ${approvedBy}
      from: ${from}
      until: ${until}
      access:
${access}`;

/** The default item, approved by `approver`. */
export const approvedBy = (approver: string): string => item({ approvedBy: approver });

/** The default item, from `from` to `until`. */
export const during = (from: string, until: string): string => item({ from, until });

/** The default item, ending at `until`. */
export const endingAt = (until: string): string => item({ until });

/** The harness identity with spec.elevations holding `items` (its first line is 25). */
export const withElevations = (...items: string[]): string => `${IDENTITY}  elevations:\n${items.join('')}`;
