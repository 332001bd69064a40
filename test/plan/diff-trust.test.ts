// Who can become an identity is access: each trust kind and Vault login, added, removed or changed,
// is an `assume` grant gained or lost in the plan (and so in history).
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { iamCatalog } from '../../src/access/iam-catalog.js';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import { diffAccess } from '../../src/plan/plan.js';
import { diffTrust } from '../../src/plan/diff-trust.js';
import { edit, IDENTITY } from '../rules/harness.js';

const NOW = Date.parse('2026-11-23T00:00:00Z');
const K8S_TRUST = '      trust:\n        kubernetes: { cluster: prod-eu, namespace: payments, serviceAccount: app }\n';
const K8S = 'kubernetes service account prod-eu/payments/app can become app';

/** IDENTITY with its aws trust block replaced (YAML lines under `trust:`), and `extra` appended to spec.access. */
function identity(trust: string, extra = '', status?: string): MachineIdentity {
  let text = edit(IDENTITY, K8S_TRUST, trust === '' ? '' : `      trust:\n${trust}`);
  if (extra !== '') text += extra;
  if (status !== undefined)
    text = edit(text, '  expires: 2027-05-31\n', `  expires: 2027-05-31\n  status: ${status}\n`);
  return parse(text) as MachineIdentity;
}

const VAULT = (auth: string) =>
  `    vault:\n${auth}      paths:\n        - path: kv/data/app/*\n          capabilities: [read]\n`;

const rows: { kind: string; trust: string; extra?: string; grants: string[] }[] = [
  {
    kind: 'github',
    trust: '        github: { repository: acme/ledger, ref: refs/heads/main }\n',
    grants: ['github repo:acme/ledger:ref:refs/heads/main can become app'],
  },
  {
    kind: 'service',
    trust:
      '        service:\n          principal: lambda.amazonaws.com\n' +
      '          sourceArn: "arn:aws:lambda:eu-west-1:123456789012:function:x"\n',
    grants: ['service lambda.amazonaws.com for arn:aws:lambda:eu-west-1:123456789012:function:x can become app'],
  },
  {
    kind: 'service, a list',
    trust:
      '        service:\n          - { principal: lambda.amazonaws.com }\n' +
      '          - { principal: ecs-tasks.amazonaws.com }\n',
    grants: ['service ecs-tasks.amazonaws.com can become app', 'service lambda.amazonaws.com can become app'],
  },
  {
    kind: 'eksPodIdentity',
    trust: '        eksPodIdentity: { cluster: prod-eu, namespace: payments, serviceAccount: app }\n',
    grants: ['eks pod identity prod-eu/payments/app can become app'],
  },
  {
    kind: 'account (external id never shown)',
    trust: '        account: { id: "210987654321", role: partner-sync, externalId: "k3y-from-partner" }\n',
    grants: ['account 210987654321 role partner-sync with external id can become app'],
  },
  {
    kind: 'account root',
    trust: '        account: { id: "210987654321" }\n',
    grants: ['account 210987654321 (any principal it allows) can become app'],
  },
  {
    kind: 'oidc, a list',
    trust:
      '        oidc:\n' +
      '          - provider: gitlab\n            audience: "https://gitlab.example.com"\n' +
      '            subject: "project_path:acme/ledger:ref_type:branch:ref:main"\n' +
      '          - { provider: circleci, audience: "org-1", subject: "org/1/project/2/user/*" }\n',
    grants: [
      'oidc circleci org/1/project/2/user/* can become app',
      'oidc gitlab project_path:acme/ledger:ref_type:branch:ref:main can become app',
    ],
  },
  {
    kind: 'rolesAnywhere',
    trust:
      '        rolesAnywhere: { trustAnchor: factory-ca, commonName: press-17.plant.example.com, ' +
      'organizationalUnit: presses, sessionDuration: 1h }\n',
    grants: ['roles anywhere factory-ca CN=press-17.plant.example.com OU=presses can become app'],
  },
  {
    kind: 'vault jwt',
    trust: '',
    extra: VAULT(
      '      auth: jwt\n      jwt: { mount: jwt-gitlab, audience: "https://vault.example.com", ' +
        'claims: { project_path: acme/ledger, ref: [main, release] } }\n',
    ),
    grants: ['vault jwt jwt-gitlab project_path=acme/ledger ref=main|release can become app'],
  },
  {
    kind: 'vault aws',
    trust: '',
    extra: VAULT('      auth: aws\n      aws: { mount: aws }\n'),
    grants: ['vault aws aws role app in 123456789012 can become app'],
  },
  {
    kind: 'vault cert',
    trust: '',
    extra: VAULT(
      '      auth: cert\n      cert: { mount: cert, ca: factory-ca }\n' +
        '      certificates:\n        - { mount: pki, commonNames: [b.example.com, a.example.com], ttl: 72h }\n',
    ),
    grants: [
      'vault cert cert factory-ca CN=a.example.com can become app',
      'vault cert cert factory-ca CN=b.example.com can become app',
    ],
  },
  {
    kind: 'vault approle',
    trust: '',
    extra: VAULT('      auth: approle\n'),
    grants: ['vault approle secret-id can become app'],
  },
];

const texts = (list: { grant: string }[]) => list.map((a) => a.grant).sort();

beforeAll(() => iamCatalog.load(['s3']));

describe.each(rows)('trust $kind', ({ trust, extra, grants }) => {
  const without = identity('', extra === undefined ? '' : VAULT('      auth: kubernetes\n'));
  const withIt = identity(trust, extra);

  it('adding it gains one assume grant per principal, each with its pattern', () => {
    const d = diffTrust('app', without, withIt);
    expect(texts(d.gained)).toEqual(grants);
    expect(d.lost).toEqual([]);
    expect(d.gained.every((a) => a.target === 'assume' && a.identity === 'app')).toBe(true);
    expect(d.patterns.map((p) => [p.change, `${p.pattern} can become ${p.resource}`, p.count, p.total]).sort()).toEqual(
      grants.map((g) => ['gained', g, 1, 1]),
    );
  });

  it('removing it loses them', () => {
    const d = diffTrust('app', withIt, without);
    expect([texts(d.lost), d.gained]).toEqual([grants, []]);
  });

  it('suspending the identity loses them; resuming gains them back', () => {
    expect(texts(diffTrust('app', withIt, identity(trust, extra, 'suspended')).lost)).toEqual(grants);
    expect(texts(diffTrust('app', identity(trust, extra, 'suspended'), withIt).gained)).toEqual(grants);
  });

  it('an unchanged trust is no change', () => {
    expect(diffTrust('app', withIt, identity(trust, extra))).toEqual({ gained: [], lost: [], patterns: [] });
  });
});

describe('trust changes through diffAccess', () => {
  it('changing a subject loses the old principal and gains the new one', () => {
    const oidc = (ref: string) =>
      identity(
        '        oidc: { provider: gitlab, audience: gl, ' +
          `subject: "project_path:acme/ledger:ref_type:branch:ref:${ref}" }\n`,
      );
    const { gained, lost } = diffAccess('app', oidc('main'), oidc('release-*'), NOW, iamCatalog);
    expect(gained).toEqual([
      {
        identity: 'app',
        target: 'assume',
        grant: 'oidc gitlab project_path:acme/ledger:ref_type:branch:ref:release-* can become app',
      },
    ]);
    expect(lost.map((a) => a.grant)).toEqual([
      'oidc gitlab project_path:acme/ledger:ref_type:branch:ref:main can become app',
    ]);
  });

  it('a new identity gains its trust beside its permissions; a removed one loses both', () => {
    const base = parse(IDENTITY) as MachineIdentity;
    expect(diffAccess('app', null, base, NOW, iamCatalog).gained.map((a) => [a.target, a.grant])).toEqual([
      ['aws', 's3:GetObject on arn:aws:s3:::bank-drop/*'],
      ['assume', K8S],
    ]);
    expect(diffAccess('app', base, null, NOW, iamCatalog).lost.map((a) => a.target)).toEqual(['aws', 'assume']);
  });

  it('the external id of an account trust is in no grant or pattern', () => {
    const acct = identity(
      '        account: { id: "210987654321", role: partner-sync, externalId: "k3y-from-partner" }\n',
    );
    const d = diffAccess('app', null, acct, NOW, iamCatalog, true);
    expect(JSON.stringify(d)).not.toContain('k3y-from-partner');
  });

  it('a decommissioned identity trusts nobody', () => {
    const base = parse(IDENTITY) as MachineIdentity;
    const gone = parse(edit(IDENTITY, '  expires: 2027-05-31\n', '  expires: 2027-05-31\n  status: decommissioned\n'));
    expect(diffTrust('app', base, gone as MachineIdentity).lost.map((a) => a.grant)).toEqual([K8S]);
  });
});
