import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const PERM = '        - actions: [s3:GetObject]\n          resources: [arn:aws:s3:::bank-drop/*]\n';
/** Permission k's actions are on line 23 + 2k (first at column 21), its resources on 24 + 2k (column 23). */
const perms = (...ps: [string, string][]): string => edit(IDENTITY, PERM, ps.map(([a, r]) => `        - actions: [${a}]\n          resources: [${r}]\n`).join(''));
/** Appends an elevation (active at NOW by default): its actions are on the 9th line after the text (column 25), resources on the 10th (column 27). */
const elevation = (text: string, actions: string, resources: string, from = '2026-11-23T00:00:00Z', until = '2026-11-23T08:00:00Z'): string =>
  `${text}  elevations:\n    - reason: INC-4711 replay\n      approvedBy: dave@example.com\n      from: ${from}\n      until: ${until}\n      access:\n        aws:\n          permissions:\n            - actions: [${actions}]\n              resources: [${resources}]\n`;
const tombstone = (text: string): string => `${text}  status: decommissioned\n`;

ruleTable('aws/foreign-account-arn', {
  good: [
    { name: 'S3 ARNs have no account', files: { [at]: IDENTITY } },
    { name: 'the identity\'s own account', files: { [at]: perms(['dynamodb:GetItem', 'arn:aws:dynamodb:eu-west-1:123456789012:table/orders']) } },
    { name: 'AWS-managed resources', files: { [at]: perms(['iam:GetPolicy', 'arn:aws:iam::aws:policy/ReadOnlyAccess']) } },
    { name: '"*" is aws/resource-wildcard-write\'s concern', files: { [at]: perms(['s3:GetObject', '"*"']) } },
    { name: 'an ended elevation', files: { [at]: elevation(IDENTITY, 'sqs:SendMessage', 'arn:aws:sqs:eu-west-1:999999999999:jobs', '2026-11-20T00:00:00Z', '2026-11-20T08:00:00Z') } },
    { name: 'a tombstone is skipped', files: { [at]: tombstone(perms(['sqs:SendMessage', 'arn:aws:sqs:eu-west-1:999999999999:jobs'])) } },
  ],
  bad: [
    { name: 'another account', files: { [at]: perms(['sqs:SendMessage', 'arn:aws:sqs:eu-west-1:999999999999:jobs']) }, expect: [{ line: 24, column: 23, message: /^resource "arn:aws:sqs:eu-west-1:999999999999:jobs" is in AWS account 999999999999, not this identity's account 123456789012$/ }] },
    { name: 'any account', files: { [at]: perms(['sts:AssumeRole', 'arn:aws:iam::*:role/reader']) }, expect: [{ line: 24, column: 23, message: /matches any AWS account \(account field "\*"\)/ }] },
    { name: 'a partial account wildcard', files: { [at]: perms(['sqs:SendMessage', 'arn:aws:sqs:eu-west-1:12345678901?:jobs']) }, expect: [{ line: 24, column: 23, message: /matches other AWS accounts/ }] },
    { name: 'the second resource', files: { [at]: perms(['dynamodb:GetItem', 'arn:aws:dynamodb:eu-west-1:123456789012:table/a, arn:aws:dynamodb:eu-west-1:210987654321:table/b']) }, expect: [{ line: 24, column: 72, message: /account 210987654321/ }] },
    { name: 'an elevation still to come', files: { [at]: elevation(IDENTITY, 'sqs:SendMessage', 'arn:aws:sqs:eu-west-1:999999999999:jobs', '2026-12-01T00:00:00Z', '2026-12-01T08:00:00Z') }, expect: [{ line: 34, column: 27 }] },
  ],
});
