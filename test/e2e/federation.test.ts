// Federation end to end through the built CLI: on a copy of examples/acme (whose org.yaml declares
// a GitLab OIDC provider, a Roles Anywhere trust anchor, an EKS cluster, Vault jwt/aws/cert mounts and
// a device CA) with one more third-party account, one commit adds an identity per new trust kind and Vault auth
// method. The plan shows each as "can now become" above the fold (text, PR comment) and as `assume`
// access (JSON); who-can --assume answers who can become one; no external id is ever shown.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idac, root, STACK_TRACE } from './cli.js';
import { GitRepo } from './git.js';

const NOW = '2026-11-23';
const ORG = 'identities/org.yaml';
const EXTERNAL_ID = 'partner-x7Kq2-shared';
const validatePlan = new Ajv({ allErrors: true, strict: false }).compile(
  JSON.parse(readFileSync(join(root, 'schema/plan.schema.json'), 'utf8')),
);

function identity(name: string, team: string, purpose: string, access: string, type = 'workload'): string {
  const people: Record<string, [string, string, string]> = {
    payments: ['alice@acme.example', 'bob@acme.example', 'carol@acme.example'],
    platform: ['erin@acme.example', 'frank@acme.example', 'grace@acme.example'],
    data: ['heidi@acme.example', 'ivan@acme.example', 'judy@acme.example'],
  };
  const [owner, successor, reviewer] = people[team]!;
  return `apiVersion: idac/v1
kind: MachineIdentity
metadata:
  name: ${name}
spec:
  type: ${type}
  purpose: ${purpose}
  criticality: medium
  stewardship:
    owner: ${owner}
    successor: ${successor}
    team: ${team}
    costCenter: CC-1042
  expires: 2027-05-31
  review:
    lastReviewed: 2026-10-01
    reviewer: ${reviewer}
  access:
${access}`;
}

const ROLE = (account: string, trust: string, resources = 'arn:aws:s3:::bank-drop/settlements/*') => `    aws:
      account: "${account}"
      principal: role
      trust:
${trust}      permissions:
        - actions: [s3:GetObject]
          resources: [${resources}]
`;

const IDENTITIES: Record<string, string> = {
  'identities/payments/ledger-lambda.yaml': identity(
    'ledger-lambda',
    'payments',
    'Lambda function that books settlement files into the ledger.',
    ROLE(
      '123456789012',
      '        service:\n' +
        '          principal: lambda.amazonaws.com\n' +
        '          sourceArn: "arn:aws:lambda:eu-west-1:123456789012:function:ledger-lambda"\n',
    ) +
      `    vault:
      auth: aws
      aws: { mount: aws }
      paths:
        - path: kv/data/payments/ledger/*
          capabilities: [read]
`,
  ),
  'identities/payments/ledger-pods.yaml': identity(
    'ledger-pods',
    'payments',
    'Ledger API pods on EKS, through EKS Pod Identity.',
    ROLE(
      '123456789012',
      '        eksPodIdentity: { cluster: prod-eu, namespace: payments, serviceAccount: ledger-pods }\n',
    ),
  ),
  'identities/payments/ledger-release.yaml': identity(
    'ledger-release',
    'payments',
    'GitLab pipeline of acme/ledger on the release branch; publishes settlement reports.',
    ROLE(
      '123456789012',
      '        oidc:\n' +
        '          provider: gitlab\n' +
        '          audience: https://gitlab.acme.example\n' +
        '          subject: "project_path:acme/ledger:ref_type:branch:ref:release"\n',
    ) +
      `    vault:
      auth: jwt
      jwt:
        mount: jwt-gitlab
        audience: https://vault.acme.example
        claims: { project_path: acme/ledger, ref: release }
      paths:
        - path: kv/data/payments/ci/*
          capabilities: [read]
`,
    'pipeline',
  ),
  'identities/data/partner-sync.yaml': identity(
    'partner-sync',
    'data',
    'Lets the partner read the warehouse exports it is sent.',
    ROLE(
      '210987654321',
      `        account: { id: "999988887777", role: partner-sync, externalId: "${EXTERNAL_ID}" }\n`,
      'arn:aws:s3:::warehouse-exports/partner/*',
    ),
  ),
  'identities/platform/press-18.yaml': identity(
    'press-18',
    'platform',
    'Press 18 on the factory floor; uploads its logs with an X.509 certificate.',
    ROLE(
      '123456789012',
      '        rolesAnywhere:\n' +
        '          trustAnchor: factory-ca\n' +
        '          commonName: press-18.devices.acme.example\n' +
        '          organizationalUnit: presses\n' +
        '          sessionDuration: 1h\n',
      'arn:aws:s3:::factory-logs/press-18/*',
    ) +
      `    vault:
      auth: cert
      cert: { mount: cert, ca: factory-ca }
      paths:
        - path: kv/data/platform/press-18/*
          capabilities: [read]
      certificates:
        - mount: pki-devices
          commonNames: [press-18.devices.acme.example]
          ttl: 720h
`,
    'device',
  ),
};

const GAINED = [
  'account 999988887777 role partner-sync with external id can become partner-sync',
  'eks pod identity prod-eu/payments/ledger-pods can become ledger-pods',
  'oidc gitlab project_path:acme/ledger:ref_type:branch:ref:release can become ledger-release',
  'roles anywhere factory-ca CN=press-18.devices.acme.example OU=presses can become press-18',
  'service lambda.amazonaws.com for arn:aws:lambda:eu-west-1:123456789012:function:ledger-lambda can become ' +
    'ledger-lambda',
  'vault aws aws role ledger-lambda in 123456789012 can become ledger-lambda',
  'vault cert cert factory-ca CN=press-18.devices.acme.example can become press-18',
  'vault jwt jwt-gitlab project_path=acme/ledger ref=release can become ledger-release',
];

let repo: GitRepo;
let base: string;
let head: string;

beforeAll(() => {
  repo = GitRepo.fromFolder(join(root, 'examples/acme'));
  // examples/acme's org.yaml already declares the GitLab provider, the trust anchor, the EKS cluster,
  // the Vault auth mounts and the factory CA; the partner account is the one thing this test adds.
  repo.edit(
    ORG,
    '  trustedAccounts:\n',
    '  trustedAccounts:\n    "999988887777": { name: partner-co, thirdParty: true }\n',
  );
  base = repo.commit('org: federation targets');
  for (const [path, text] of Object.entries(IDENTITIES)) repo.write(path, text);
  expect(idac(['codeowners', '--dir', repo.dir, '--now', NOW]).code).toBe(0);
  head = repo.commit('federated identities');
});

afterAll(() => rmSync(repo.dir, { recursive: true, force: true }));

it('the head validates clean: the manifests are what the agreed semantics ask for', () => {
  const r = idac(['validate', '--dir', repo.dir, '--now', NOW]);
  expect(r.stdout.split('\n').filter((l) => / (error|warning) /.test(l))).toEqual([]);
  expect(r.code).toBe(0);
});

function plan(format: string): { code: number; stdout: string } {
  const r = idac(['plan', '--dir', repo.dir, '--base', base, '--head', head, '--now', NOW, '--format', format]);
  expect(r.stderr).not.toMatch(STACK_TRACE);
  expect(r.code, r.stderr).not.toBe(2);
  expect(r.stdout).not.toContain(EXTERNAL_ID);
  return r;
}

describe('plan: every new trust kind and Vault auth method is access gained', () => {
  it('json: one assume grant per way in, in access.gained and access.patterns', () => {
    const doc = JSON.parse(plan('json').stdout) as {
      identities: { added: string[] };
      access: {
        gained: { identity: string; target: string; grant: string }[];
        lost: unknown[];
        patterns: { identity: string; target: string; pattern: string; resource: string; count: number }[];
      };
    };
    expect(validatePlan(doc), JSON.stringify(validatePlan.errors)).toBe(true);
    expect(doc.identities.added).toEqual([
      'ledger-lambda',
      'ledger-pods',
      'ledger-release',
      'partner-sync',
      'press-18',
    ]);
    const assume = doc.access.gained.filter((a) => a.target === 'assume');
    expect(assume.map((a) => a.grant).sort()).toEqual(GAINED);
    expect(doc.access.lost).toEqual([]);
    expect(
      doc.access.patterns
        .filter((p) => p.target === 'assume')
        .map((p) => `${p.pattern} can become ${p.resource}`)
        .sort(),
    ).toEqual(GAINED);
  });

  it('text: "can now become" lines before the first identity block', () => {
    const lines = plan('text').stdout.split('\n');
    const at = lines.indexOf('Who can become an identity: 8 changes');
    expect(at).toBeGreaterThan(0);
    const block = lines.slice(at + 1, at + 9);
    expect(block.map((l) => l.replace(' can now become ', ' can become ').replace(/^ {4}\+ /, '')).sort()).toEqual(
      GAINED,
    );
    expect(lines.findIndex((l) => l.startsWith('+ ledger-release'))).toBeGreaterThan(at + 8);
  });

  it('markdown: the PR comment lists them in its summary, each value in code', () => {
    const out = plan('markdown').stdout;
    expect(out).toContain(
      '- ➕ `oidc gitlab project_path:acme/ledger:ref_type:branch:ref:release` **can now become** `ledger-release`\n',
    );
    expect(out).toContain(
      '- ➕ `account 999988887777 role partner-sync with external id` **can now become** `partner-sync`\n',
    );
    expect(out.indexOf('#### Who can become an identity: 8 changes')).toBeLessThan(out.indexOf('<details>'));
    expect(out.match(/\*\*can now become\*\*/g)).toHaveLength(8);
  });

  it('removing a trust is access lost', () => {
    const r = idac(['plan', '--dir', repo.dir, '--base', head, '--head', base, '--now', NOW, '--format', 'text']);
    expect(r.code).not.toBe(2);
    expect(r.stdout).toContain(
      '    - oidc gitlab project_path:acme/ledger:ref_type:branch:ref:release can no longer become ledger-release\n',
    );
    expect(r.stdout).not.toContain(EXTERNAL_ID);
  });
});

describe('who-can --assume', () => {
  const whoCan = (args: string[]) => idac(['who-can', '--dir', repo.dir, '--now', NOW, ...args]);

  beforeAll(() => {
    // who-can reads the working tree: the head revision.
    expect(repo.read('identities/payments/ledger-release.yaml')).toContain('ledger-release');
  });

  it('answers who can become an identity, with kind, file and line (JSON)', () => {
    const r = whoCan(['--assume', 'ledger-release', '--format', 'json']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toEqual({
      matches: [
        {
          identity: 'ledger-release',
          kind: 'aws:oidc',
          principal: 'oidc gitlab project_path:acme/ledger:ref_type:branch:ref:release',
          file: 'identities/payments/ledger-release.yaml',
          line: 24,
          column: 11,
        },
        {
          identity: 'ledger-release',
          kind: 'vault:jwt',
          principal: 'vault jwt jwt-gitlab project_path=acme/ledger ref=release',
          file: 'identities/payments/ledger-release.yaml',
          line: 33,
          column: 9,
        },
      ],
    });
  });

  it('text: one line per way in; an external id is never shown', () => {
    const r = whoCan(['--assume', 'partner-sync']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'partner-sync  aws:account  account 999988887777 role partner-sync with external id  ' +
        'identities/data/partner-sync.yaml:23\n',
    );
  });

  it('an AppRole secret-id is a way in too', () => {
    const r = whoCan(['--assume', 'edge-gateway', '--format', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { matches: { kind: string }[] }).matches.map((m) => m.kind)).toEqual([
      'vault:approle',
    ]);
  });

  it('an identity nobody can become: exit 0, and text says so', () => {
    repo.write(
      'identities/payments/ledger-pods.yaml',
      IDENTITIES['identities/payments/ledger-pods.yaml']!.replace(
        '  expires: 2027-05-31\n',
        '  expires: 2027-05-31\n  status: suspended\n',
      ),
    );
    try {
      const r = whoCan(['--assume', 'ledger-pods']);
      expect(r).toEqual({
        code: 0,
        stdout: 'nobody can become ledger-pods\n',
        stderr: 'idac: note: ledger-pods is suspended: nobody can become it\n',
      });
    } finally {
      repo.write('identities/payments/ledger-pods.yaml', IDENTITIES['identities/payments/ledger-pods.yaml']!);
    }
  });

  it.each([
    [
      ['--assume', 'ledger-releas'],
      'no identity named "ledger-releas" under identities/; did you mean ledger-release?',
    ],
    [
      ['--assume', 'ledger-release', '--identity', 'ledger-release'],
      'give --assume NAME alone, not with --identity NAME',
    ],
    [
      ['s3:GetObject', 'arn:aws:s3:::b/k', '--assume', 'ledger-release'],
      'give --assume NAME alone, not with ACTION RESOURCE',
    ],
  ])('%j exits 2: %s', (args, message) => {
    const r = whoCan(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });
});

describe('report', () => {
  it('counts the federated-only identities per team', () => {
    const r = idac(['report', '--dir', repo.dir, '--now', NOW, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(EXTERNAL_ID);
    const doc = JSON.parse(r.stdout) as {
      inventory: { name: string; login: string }[];
      kpis: { federation: { byTeam: { team: string; federated: number }[] } };
    };
    const login = Object.fromEntries(doc.inventory.map((i) => [i.name, i.login]));
    for (const name of ['ledger-release', 'ledger-lambda', 'ledger-pods', 'partner-sync', 'press-18'])
      expect(login[name]).toBe('federated');
    expect(login['edge-gateway']).toBe('static');
  });
});
