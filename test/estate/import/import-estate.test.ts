import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importEstate, importExitCode, type ImportContext } from '../../../src/features/estate/import/import-estate.js';
import { lenientOrg } from '../../../src/features/estate/import/org-merge.js';
import { loadText } from '../../../src/manifest/load.js';
import { estate, NOW, reader, user } from './estate-fixture.js';

const GOLDEN = readFileSync(new URL('../../fixtures/estate/import/settlement-reader.yaml', import.meta.url), 'utf8');
const ACME_ORG = readFileSync(new URL('../../../examples/acme/identities/org.yaml', import.meta.url), 'utf8');

function ctx(more: Partial<ImportContext> = {}): ImportContext {
  return {
    org: null,
    orgText: null,
    existing: [],
    options: { placement: { from: 'team', team: 'platform' }, ownerFrom: 'owner', force: false },
    now: NOW,
    ...more,
  };
}

const fileOf = (r: ReturnType<typeof importEstate>, path: string) => r.files.find((f) => f.path === path)?.text;

describe('importEstate', () => {
  const result = importEstate(estate(), ctx());

  it('writes the house format: schema line, key order, flow style, origins, what was not expressible', () => {
    expect(fileOf(result, 'identities/payments/settlement-reader.yaml')).toBe(GOLDEN);
  });

  it('writes files that load, the one without an owner tag too', () => {
    const issues = result.files.map((f) => ({
      path: f.path,
      issues: loadText(f.text, { expect: 'MachineIdentity', fast: false }).issues.map((i) => i.message),
    }));
    expect(issues).toEqual([
      { path: 'identities/payments/settlement-reader.yaml', issues: [] },
      {
        path: 'identities/platform/legacy-uploader.yaml',
        // No owner tag: the file still loads (stewardship/owner-required asks for one, SPEC §2).
        issues: [],
      },
    ]);
  });

  it('summarises imported, needs owner, not expressible (external id masked), skipped, keys; sorted', () => {
    expect(result.summary).toEqual({
      imported: [
        { identity: 'settlement-reader', file: 'identities/payments/settlement-reader.yaml', source: reader.id },
        { identity: 'legacy-uploader', file: 'identities/platform/legacy-uploader.yaml', source: user.id },
      ],
      needsOwner: ['legacy-uploader'],
      notExpressible: [
        {
          identity: 'settlement-reader',
          source: 'inline policy deny-delete',
          statement: '{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}',
          reason: 'a Deny has no manifest field',
        },
        {
          identity: 'settlement-reader',
          source: 'trust policy',
          statement:
            '{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Condition":{"StringEquals":' +
            '{"sts:ExternalId":"[external id]"}},"Action":"sts:AssumeRole","Extra":1}',
          reason: 'an unsupported condition key',
        },
      ],
      skipped: [
        {
          source: 'arn:aws:iam::123456789012:role/aws-service-role/AWSServiceRoleForSupport',
          name: 'AWSServiceRoleForSupport',
          reason: 'a service-linked role: AWS owns it',
        },
      ],
      unplaced: [],
      org: {
        file: 'identities/org.yaml',
        added: [
          'spec.targets.aws.123456789012',
          'spec.teams.payments',
          'spec.teams.platform',
          'spec.trustedAccounts.444455556666',
        ],
        conflicts: [],
      },
      unmanagedKeys: [
        { identity: 'legacy-uploader', keyId: 'AKIA…WXYZ', status: 'Active', created: '2024-01-02T00:00:00Z' },
      ],
      warnings: [],
    });
    expect(importExitCode(result.summary)).toBe(1);
  });

  it('never writes an external id outside trust.account.externalId', () => {
    for (const f of result.files) {
      const lines = f.text.split('\n').filter((l) => l.includes('ext-7f3a-partner'));
      expect(lines.every((l) => /^\s+account: \{ id: "\d+", externalId: ext-7f3a-partner \}$/.test(l))).toBe(true);
    }
    expect(JSON.stringify(result.summary)).not.toContain('ext-7f3a-partner');
  });

  it('creates a minimal org.yaml that declares the teams, the account and the partner', () => {
    expect(result.orgText).toBe(
      [
        '# yaml-language-server: $schema=../schema/organization.schema.json',
        'apiVersion: idac/v1',
        'kind: Organization',
        'spec:',
        '  teams:',
        '    # Added by idac import with the owners its tags named: check them, add the rest of the team.',
        '    payments:',
        '      members: [alice@acme.example]',
        '    # Added by idac import: no owner tag named anyone; list the people of this team.',
        '    platform:',
        '      members: []',
        '  targets:',
        '    aws:',
        '      # Added by idac import; region: where apply reaches AWS (IAM itself is global).',
        '      "123456789012":',
        '        region: us-east-1',
        '  trustedAccounts:',
        '    "444455556666": { name: account 444455556666, thirdParty: true }',
        '',
      ].join('\n'),
    );
  });

  it('is byte-stable: the same estate in another order gives the same files, org.yaml and summary', () => {
    const again = importEstate({ ...estate(), identities: [...estate().identities].reverse() }, ctx());
    expect(again).toEqual(result);
  });

  it('skips a file that exists unless --force, and --force re-imports it byte for byte', () => {
    const existing = result.files.map((f) => ({
      path: f.path,
      name: f.path.replace(/^.*\/|\.yaml$/g, ''),
      importedId: f.path.includes('settlement') ? reader.id : user.id,
    }));
    const skipped = importEstate(estate(), ctx({ existing }));
    expect(skipped.files).toEqual([]);
    expect(skipped.orgText).toBeNull();
    expect(skipped.summary.skipped.map((s) => s.reason)).toEqual([
      'identities/payments/settlement-reader.yaml exists; --force overwrites it',
      'a service-linked role: AWS owns it',
      'identities/platform/legacy-uploader.yaml exists; --force overwrites it',
    ]);
    const forced = importEstate(estate(), ctx({ existing, options: { ...ctx().options, force: true } }));
    expect(forced.files).toEqual(result.files);
  });

  it('keeps the name of an earlier import; an import moved to another folder is not imported twice', () => {
    const existing = [{ path: 'identities/data/settlement.yaml', name: 'settlement', importedId: reader.id }];
    const r = importEstate(estate([reader]), ctx({ existing, options: { ...ctx().options, force: true } }));
    expect(r.files).toEqual([]);
    expect(r.summary.skipped).toEqual([
      {
        source: reader.id,
        name: reader.name,
        file: 'identities/data/settlement.yaml',
        reason: 'already imported as identities/data/settlement.yaml; move or delete that file to import it again',
      },
    ]);
  });

  it('does not take the name of a manifest of another identity', () => {
    const existing = [{ path: 'identities/ops/legacy-uploader.yaml', name: 'legacy-uploader' }];
    const r = importEstate(estate([user]), ctx({ existing }));
    expect(r.files.map((f) => f.path)).toEqual([
      expect.stringMatching(/^identities\/platform\/legacy-uploader-[0-9a-f]{6}\.yaml$/),
    ]);
  });

  it('merges into an existing org.yaml: its comments and lines kept, only additions', () => {
    const options = { ...ctx().options, placement: { from: 'team', team: 'ops' } };
    const r = importEstate(estate(), ctx({ orgText: ACME_ORG, options }));
    const before = ACME_ORG.split('\n');
    const after = r.orgText!.split('\n');
    let at = 0;
    for (const line of after) if (line === before[at]) at++;
    expect(at).toBe(before.length);
    expect(after.length - before.length).toBe(3);
    expect(r.summary.org.added).toEqual(['spec.teams.ops']);
    expect(r.orgText).toContain(
      '    # Added by idac import: no owner tag named anyone; list the people of this team.\n' +
        '    ops:\n      members: []\n  targets:\n',
    );
  });

  it('reports org.yaml declarations the estate sees differently, and leaves them', () => {
    const withProvider = {
      ...estate([reader]),
      org: { aws: { '123456789012': { oidcProviders: { github: 'token.example.com' } } } },
    };
    const r = importEstate(
      withProvider,
      ctx({ orgText: ACME_ORG, options: { ...ctx().options, placement: { team: 'payments' } } }),
    );
    expect(r.summary.org.conflicts).toEqual([
      'spec.targets.aws.123456789012.oidcProviders.github is "token.actions.githubusercontent.com" in org.yaml; ' +
        "the estate's provider host is token.example.com",
    ]);
    expect(r.orgText).toBeNull();
  });

  it('lists what no option places in a team, and writes nothing for it', () => {
    const r = importEstate(estate([user]), ctx({ options: { ...ctx().options, placement: { from: 'team' } } }));
    expect(r.files).toEqual([]);
    expect(r.summary.unplaced).toEqual([
      { source: user.id, name: user.name, reason: 'it has no usable team tag or label; give --team for the rest' },
    ]);
    expect(importExitCode(r.summary)).toBe(1);
  });

  it('never shows a statement that holds a secret', () => {
    const statement = reader.notExpressible[0]!.statement;
    const r = importEstate(estate([reader]), ctx({ secretStatements: new Set([statement]) }));
    expect(JSON.stringify(r)).not.toContain('s3:DeleteObject');
    expect(r.summary.notExpressible[0]!.statement).toBe('[withheld: the statement holds a secret]');
    expect(r.files[0]!.text).toContain('#   (statement withheld: it holds a secret)');
  });

  it('sets expires to today + limits.maxLifetime', () => {
    const org = {
      apiVersion: 'idac/v1' as const,
      kind: 'Organization' as const,
      spec: { teams: {}, limits: { maxLifetime: '365d' } },
    };
    const r = importEstate(estate([user]), ctx({ org }));
    expect(r.files[0]!.text).toContain('  expires: 2027-12-03\n');
  });
});

describe('withheld identities', () => {
  it('are never written: skipped with the reason the caller gave', () => {
    const reason = 'its manifest would hold a secret (secret/github-token, fingerprint abc123); not written';
    const r = importEstate(estate([reader, user]), ctx({ withheld: new Map([[reader.id, reason]]) }));
    expect(r.files.map((f) => f.path)).toEqual(['identities/platform/legacy-uploader.yaml']);
    expect(r.summary.skipped).toEqual([{ source: reader.id, name: reader.name, reason }]);
    expect(r.summary.notExpressible).toEqual([]);
  });
});

describe('lenientOrg', () => {
  it.each([
    [
      'an Organization that fails the schema (members: [])',
      'kind: Organization\nspec:\n  teams:\n    a: { members: [] }\n',
      true,
    ],
    ['a list', '- a\n', false],
    ['another kind', 'kind: MachineIdentity\nspec:\n  teams: {}\n', false],
    ['no teams', 'kind: Organization\nspec: {}\n', false],
    ['not YAML', 'kind: [\n', false],
  ])('%s → %s', (_, text, loads) => {
    expect(lenientOrg(text) !== null).toBe(loads);
  });
});
