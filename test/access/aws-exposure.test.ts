// The exposure lists are checked against AWS's IAM reference (a renamed or retired action shows up
// here instead of silently never matching) and against docs/coverage.md, whose tables say which
// rule reports each entry on "*".
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { splitAction } from '../../src/access/aws-actions.js';
import { CREDENTIALS_ACTIONS, DATA_READ_ACTIONS, RESOURCE_POLICY_PAIRS } from '../../src/access/aws-exposure-list.js';
import { wildcardOwner } from '../../src/access/aws-exposure.js';
import { iamCatalog } from '../../src/access/iam-catalog.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const lists = [
  ['aws/data-read-any', DATA_READ_ACTIONS],
  ['aws/credentials-exposure', CREDENTIALS_ACTIONS],
] as const;
const rows = lists.flatMap(([rule, list]) => list.map((r) => ({ rule, ...r })));
const pairActions = RESOURCE_POLICY_PAIRS.flatMap((p) => [p.bucketAction, p.objectAction]);

beforeAll(async () => {
  await iamCatalog.load([...rows.map((r) => r.action), ...pairActions].map((n) => splitAction(n)!.service));
});

/** The table line of docs/coverage.md that starts with the entry, within the section. */
function docLine(section: string, entry: string): string | undefined {
  const text = readFileSync(`${root}/docs/coverage.md`, 'utf8');
  const start = text.indexOf(`\n## ${section}\n`);
  const end = text.indexOf('\n## ', start + 1);
  return text
    .slice(start, end < 0 ? undefined : end)
    .split('\n')
    .find((l) => l.startsWith(`| \`${entry}\``));
}

describe('exposure lists', () => {
  it.each(rows.map((r) => [r.action, r] as const))('%s is spelled as AWS spells it, or marked absent', (_, row) => {
    const { service, action } = splitAction(row.action)!;
    const found = iamCatalog.action(service, action);
    if (row.absent) expect(found).toBeUndefined();
    else expect(found && `${found.service}:${found.name}`).toBe(row.action);
  });

  it.each(pairActions.map((a) => [a]))('%s (Parliament pair) is a real action', (name) => {
    const { service, action } = splitAction(name)!;
    const found = iamCatalog.action(service, action);
    expect(found && `${found.service}:${found.name}`).toBe(name);
  });

  it('has no duplicate rows', () => {
    for (const [, list] of lists) expect(new Set(list.map((r) => r.action)).size).toBe(list.length);
    expect(new Set(RESOURCE_POLICY_PAIRS.map((p) => `${p.bucketAction} ${p.objectAction}`)).size).toBe(
      RESOURCE_POLICY_PAIRS.length,
    );
  });

  it('exempts exactly the actions AWS grants only on "*"', () => {
    const exempt = rows.filter((r) => {
      const split = splitAction(r.action)!;
      const a = iamCatalog.action(split.service, split.action);
      return a && wildcardOwner(a, r.rule) === 'exempt';
    });
    expect(exempt.map((r) => r.action)).toEqual([
      'appsync:CreateApiKey',
      'chime:CreateApiKey',
      'cognito-identity:GetOpenIdToken',
      'cognito-identity:GetCredentialsForIdentity',
      'cognito-idp:AssociateSoftwareToken',
      'ecr:GetAuthorizationToken',
      'ecr-public:GetAuthorizationToken',
      'license-manager:GetAccessToken',
      'lightsail:DownloadDefaultKeyPair',
      'sts:GetSessionToken',
    ]);
  });

  it.each(rows.map((r) => [r.action, r] as const))('docs/coverage.md names the rule that reports %s', (_, row) => {
    const line = docLine('Cloudsplaining: data exfiltration, credentials exposure, resource exposure', row.action);
    expect(line, `a table line for ${row.action}`).toBeDefined();
    const split = splitAction(row.action)!;
    const a = iamCatalog.action(split.service, split.action);
    if (!a) expect(line).toContain('aws/unknown-action');
    else {
      const owner = wildcardOwner(a, row.rule);
      expect(line).toContain(owner === 'exempt' ? 'exempt' : `\`${owner}\``);
    }
  });
});
