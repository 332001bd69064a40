// Wildcard expansion on AWS's real IAM reference data (issue 4, "done when").
import { beforeAll, describe, expect, it } from 'vitest';
import { actionId, expandAction } from '../../src/access/aws-actions.js';
import { iamCatalog } from '../../src/access/iam-catalog.js';
import { edit, IDENTITY, run } from '../rules/harness.js';

const at = 'identities/payments/app.yaml';
const PERM = '        - actions: [s3:GetObject]\n          resources: [arn:aws:s3:::bank-drop/*]\n';
const withPerms = (...perms: [string, string][]): string =>
  edit(IDENTITY, PERM, perms.map(([a, r]) => `        - actions: [${a}]\n          resources: [${r}]\n`).join(''));
const findings = async (text: string, prefix = 'aws/') =>
  (await run({ files: { [at]: text } }))
    .filter((f) => f.rule.startsWith(prefix))
    .map((f) => ({ rule: f.rule, line: f.line, column: f.column, message: f.message }));

beforeAll(async () => {
  await iamCatalog.load(['s3', 'iam', 'ec2']);
});

describe('expansion against the IAM reference', () => {
  it('s3:*Object includes s3:DeleteObject and s3:PutObject', () => {
    const x = expandAction('s3:*Object', iamCatalog);
    expect(x.kind).toBe('actions');
    const ids = x.kind === 'actions' ? x.actions.map(actionId) : [];
    expect(ids).toEqual(expect.arrayContaining(['s3:DeleteObject', 's3:PutObject', 's3:GetObject']));
    expect(ids.every((a) => /^s3:.*Object$/i.test(a))).toBe(true);
  });

  it('matches case-insensitively and `?` as one character', () => {
    const x = expandAction('S3:getobject', iamCatalog);
    expect(x.kind === 'actions' && x.actions.map(actionId)).toEqual(['s3:GetObject']);
    const y = expandAction('iam:Pass?ole', iamCatalog);
    expect(y.kind === 'actions' && y.actions.map(actionId)).toEqual(['iam:PassRole']);
  });
});

describe('rules over the expansion', () => {
  it('s3:*Object is reported as reaching write actions', async () => {
    expect(await findings(withPerms(['s3:*Object', 'arn:aws:s3:::bank-drop/*']))).toEqual([
      {
        rule: 'aws/wildcard-expands-to-write',
        line: 23,
        column: 21,
        message: expect.stringMatching(
          new RegExp(
            String.raw`"s3:\*Object" grants \d+ actions on its resources, \d+ of them write or ` +
              String.raw`permissions-management actions: s3:DeleteObject, .*s3:PutObject`,
          ),
        ),
      },
    ]);
  });

  it('iam:Pass* on "*" is iam:PassRole on every role', async () => {
    const rules = (await findings(withPerms(['iam:Pass*', '"*"']))).map((f) => f.rule);
    expect(rules).toContain('aws/passrole-any');
    expect(rules).toContain('aws/resource-wildcard-write');
  });

  it('iam:Pass* with ec2:RunInstances escalates in combination, wherever each is granted', async () => {
    const out = await findings(
      withPerms(
        ['iam:Pass*', 'arn:aws:iam::123456789012:role/app-*'],
        ['ec2:RunInstances', 'arn:aws:ec2:eu-west-1:123456789012:instance/*'],
      ),
    );
    expect(out.filter((f) => f.rule === 'aws/privilege-escalation-combination')).toEqual([
      {
        rule: 'aws/privilege-escalation-combination',
        line: 23,
        column: 21,
        message: expect.stringMatching(
          new RegExp(
            String.raw`iam:PassRole \+ ec2:RunInstances .*iam:PassRole through "iam:Pass\*" at ` +
              String.raw`spec\.access\.aws\.permissions\[0\]\.actions\[0\]; ec2:RunInstances at ` +
              String.raw`spec\.access\.aws\.permissions\[1\]\.actions\[0\]`,
          ),
        ),
      },
    ]);
    expect(out.map((f) => f.rule)).not.toContain('aws/passrole-any');
  });

  it('s3:GetObjekt is unknown, and s3:GetObject is suggested', async () => {
    expect(await findings(withPerms(['s3:GetObjekt', 'arn:aws:s3:::bank-drop/*']))).toEqual([
      {
        rule: 'aws/unknown-action',
        line: 23,
        column: 21,
        message: expect.stringContaining('did you mean "s3:GetObject"?'),
      },
    ]);
  });

  it('S3:getobject is s3:GetObject (IAM action names are case-insensitive)', async () => {
    expect(await findings(withPerms(['S3:getobject', 'arn:aws:s3:::bank-drop/*']))).toEqual([]);
  });

  it('an unknown service prefix suggests the closest one', async () => {
    expect(await findings(withPerms(['s4:GetObject', 'arn:aws:s3:::bank-drop/*']))).toEqual([
      { rule: 'aws/unknown-action', line: 23, column: 21, message: expect.stringContaining('did you mean "s3"?') },
    ]);
  });
});
