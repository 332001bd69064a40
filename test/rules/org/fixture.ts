// Shared fixtures for the org/* rule tables: org.yaml with spec.exceptions appended, and a second
// identity in another team folder.

import { edit, IDENTITY } from '../harness.js';

export const orgFile = 'identities/org.yaml';
export const at = 'identities/payments/app.yaml';

export interface Exception {
  identity?: string;
  rule?: string;
  approvedBy?: string;
  expires?: string;
}

/**
 * `org` (28 lines, as the harness ORG) with spec.exceptions holding `list`; unset fields are app,
 * rotation/required, sec@example.com and 2026-12-31. Entry k's identity is on line 30 + 5k
 * (value at column 17), its rule on 31 + 5k (column 13), approvedBy on 33 + 5k (column 19) and
 * expires on 34 + 5k (column 16).
 */
export const withExceptions = (org: string, ...list: Exception[]): string => `${org}  exceptions:
${list
  .map(
    (e) => `    - identity: ${e.identity ?? 'app'}
      rule: ${e.rule ?? 'rotation/required'}
      reason: On-premises uploader; federation arrives with the new host in Q1.
      approvedBy: ${e.approvedBy ?? 'sec@example.com'}
      expires: ${e.expires ?? '2026-12-31'}
`,
  )
  .join('')}`;

/** The harness identity renamed to `name` and moved to team risk, with risk's members as owner and successor. */
export const risk = (name: string): string =>
  edit(
    edit(
      edit(edit(IDENTITY, 'team: payments', 'team: risk'), 'owner: alice@example.com', 'owner: dave@example.com'),
      'successor: bob@example.com',
      'successor: erin@example.com',
    ),
    '  name: app\n',
    `  name: ${name}\n`,
  );
