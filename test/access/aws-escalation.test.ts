// The escalation data is checked against AWS's IAM reference, so a renamed or retired action shows
// up here instead of silently never matching.
import { beforeAll, describe, expect, it } from 'vitest';
import { actionCovers, splitAction } from '../../src/access/aws-actions.js';
import { ESCALATION_ACTIONS, ESCALATION_COMBINATIONS } from '../../src/access/aws-escalation-list.js';
import { escalationsCoveredBy } from '../../src/access/aws-escalation.js';
import { iamCatalog } from '../../src/access/iam-catalog.js';

// Undocumented API: AWS's reference does not list it (THREATS.md c1 row 23).
const UNDOCUMENTED = new Set(['codestar:CreateProjectFromTemplate']);
const names = [...ESCALATION_ACTIONS.map((e) => e.action), ...ESCALATION_COMBINATIONS.flatMap((c) => c.parts.flat())];

beforeAll(async () => {
  await iamCatalog.load(names.map((n) => splitAction(n)!.service));
});

describe('escalation data', () => {
  it.each([...new Set(names)].map((n) => [n]))('%s is a real action, spelled as AWS spells it', (name) => {
    const { service, action } = splitAction(name)!;
    const found = iamCatalog.action(service, action);
    if (UNDOCUMENTED.has(name)) expect(found).toBeUndefined();
    else expect(found && `${found.service}:${found.name}`).toBe(name);
  });

  it('has no duplicate single-action rows', () => {
    expect(new Set(ESCALATION_ACTIONS.map((e) => e.action)).size).toBe(ESCALATION_ACTIONS.length);
  });

  it('matches patterns as IAM does: case-insensitive, with wildcards', () => {
    expect(escalationsCoveredBy('IAM:putrolepolicy').map((e) => e.action)).toEqual(['iam:PutRolePolicy']);
    expect(
      escalationsCoveredBy('iam:Put*')
        .map((e) => e.action)
        .sort(),
    ).toEqual([
      'iam:PutGroupPolicy',
      'iam:PutRolePermissionsBoundary',
      'iam:PutRolePolicy',
      'iam:PutUserPermissionsBoundary',
      'iam:PutUserPolicy',
    ]);
    expect(escalationsCoveredBy('codestar:Create*').map((e) => e.action)).toEqual([
      'codestar:CreateProjectFromTemplate',
    ]);
    expect(escalationsCoveredBy('*')).toHaveLength(ESCALATION_ACTIONS.length);
    expect(escalationsCoveredBy('s3:*')).toEqual([]);
    expect(actionCovers('iam:Pass*', 'iam:PassRole')).toBe(true);
  });
});
