import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const PERM = '        - actions: [s3:GetObject]\n          resources: [arn:aws:s3:::bank-drop/*]\n';
/** Permission k's actions are on line 23 + 2k (first at column 21), its resources on 24 + 2k (column 23). */
const perms = (...ps: [string, string][]): string => edit(IDENTITY, PERM, ps.map(([a, r]) => `        - actions: [${a}]\n          resources: [${r}]\n`).join(''));
/** Appends an elevation (active at NOW by default): its actions are on the 9th line after the text (column 25), resources on the 10th (column 27). */
const elevation = (text: string, actions: string, resources: string, from = '2026-11-23T00:00:00Z', until = '2026-11-23T08:00:00Z'): string =>
  `${text}  elevations:\n    - reason: INC-4711 replay\n      approvedBy: dave@example.com\n      from: ${from}\n      until: ${until}\n      access:\n        aws:\n          permissions:\n            - actions: [${actions}]\n              resources: [${resources}]\n`;
const tombstone = (text: string): string => `${text}  status: decommissioned\n`;

ruleTable('aws/assume-role-any', {
  good: [
    { name: 'no AssumeRole', files: { [at]: IDENTITY } },
    { name: 'AssumeRole on one role', files: { [at]: perms(['sts:AssumeRole', 'arn:aws:iam::123456789012:role/reader']) } },
    { name: 'other STS actions on "*"', files: { [at]: perms(['sts:GetCallerIdentity', '"*"']) } },
    { name: 'an ended elevation', files: { [at]: elevation(IDENTITY, 'sts:AssumeRole', '"*"', '2026-11-20T00:00:00Z', '2026-11-20T08:00:00Z') } },
    { name: 'a tombstone is skipped', files: { [at]: tombstone(perms(['sts:AssumeRole', '"*"'])) } },
  ],
  bad: [
    { name: 'AssumeRole on "*"', files: { [at]: perms(['sts:AssumeRole', '"*"']) }, expect: [{ line: 23, column: 21, message: /^sts:AssumeRole on "\*" can assume any role whose trust policy admits this identity$/ }] },
    { name: 'web identity on "*"', files: { [at]: perms(['sts:AssumeRoleWithWebIdentity', '"*"']) }, expect: [{ line: 23, column: 21, message: /^sts:AssumeRoleWithWebIdentity on/ }] },
    { name: 'sts:Assume* on "*"', files: { [at]: perms(['sts:Assume*', '"*"']) }, expect: [{ line: 23, column: 21, message: /through "sts:Assume\*"/ }] },
    { name: 'any role of any account', files: { [at]: perms(['sts:AssumeRole', 'arn:aws:iam::*:role/*']) }, expect: [{ line: 23, column: 21, message: /on "arn:aws:iam::\*:role\/\*"/ }] },
    { name: '"*" on "*"', files: { [at]: perms(['"*"', '"*"']) }, expect: [{ line: 23, column: 21, message: /^sts:AssumeRole \(through "\*"\)/ }] },
    { name: 'an active elevation', files: { [at]: elevation(IDENTITY, 'sts:AssumeRole', '"*"') }, expect: [{ line: 33, column: 25 }] },
  ],
});
