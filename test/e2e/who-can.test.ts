// idac who-can through the built CLI: SPEC §5's JSON shape on examples/acme (an elevation counted only
// inside its window, tombstones and suspended identities holding nothing), the forward view, small
// temp repos for cross-account grants, Vault deny and terminal safety, and the exit-2 messages.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifest } from '../query/manifest.js';
import { idac, repo, root, STACK_TRACE } from './cli.js';

const ACME = join(root, 'examples/acme');
const SR = 'identities/payments/settlement-reader.yaml';
const DURING = '2026-11-23T12:00:00Z';
const AFTER = '2026-11-23T16:00:00Z';

const whoCan = (args: string[], now = DURING, dir = ACME) => idac(['who-can', ...args, '--dir', dir, '--now', now]);
const json = (args: string[], now = DURING, dir = ACME) => {
  const r = whoCan([...args, '--format', 'json'], now, dir);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as unknown;
};

describe('idac who-can on examples/acme', () => {
  it('answers an S3 read with the grant as written and where it is written (nightly-recon is decommissioned)', () => {
    expect(json(['s3:GetObject', 'arn:aws:s3:::bank-drop/settlements/2026-11-22.csv'])).toEqual({
      matches: [
        {
          identity: 'settlement-reader',
          target: 'aws',
          grant: 's3:GetObject on arn:aws:s3:::bank-drop/settlements/*',
          file: SR,
          line: 29,
          column: 21,
          elevation: null,
          window: null,
        },
      ],
    });
    // s3:Get… is not s3:Put…; the action is matched case-insensitively.
    expect(json(['s3:putobject', 'arn:aws:s3:::bank-drop/settlements/2026-11-22.csv'])).toEqual({ matches: [] });
    expect(json(['S3:GETOBJECT', 'arn:aws:s3:::bank-drop/settlements/x'])).toMatchObject({
      matches: [{ identity: 'settlement-reader' }],
    });
    // settlement-reader writes s3:GetObject on the bucket too, but IAM never allows it there: nobody can.
    expect(whoCan(['s3:GetObject', 'arn:aws:s3:::bank-drop'])).toEqual({
      code: 0,
      stdout: 'no identity can s3:GetObject on arn:aws:s3:::bank-drop\n',
      stderr:
        'idac: note: s3:GetObject does not act on a resource like "arn:aws:s3:::bank-drop" (it takes ' +
        'arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}, ' +
        'arn:${Partition}:s3:::${BucketName}/${ObjectName})\n',
    });
  });

  it('a grant under conditions: JSON carries them beside the unchanged grant, text says "only when"', () => {
    const args = ['s3:PutObject', 'arn:aws:s3:::acme-finance-reports/monthly/2026-11.csv'];
    expect(json(args)).toEqual({
      matches: [
        {
          identity: 'report-exporter',
          target: 'aws',
          grant: 's3:PutObject on arn:aws:s3:::acme-finance-reports/monthly/*',
          conditions: { IpAddress: { 'aws:SourceIp': '198.51.100.0/24' } },
          file: 'identities/data/report-exporter.yaml',
          line: 29,
          column: 21,
          elevation: null,
          window: null,
        },
      ],
    });
    expect(whoCan(args)).toEqual({
      code: 0,
      stdout:
        'report-exporter  aws  s3:PutObject on arn:aws:s3:::acme-finance-reports/monthly/* only when ' +
        'aws:SourceIp within 198.51.100.0/24  identities/data/report-exporter.yaml:29\n',
      stderr: '',
    });
  });

  it('counts the INC-4711 elevation only inside its window', () => {
    const args = ['s3:PutObject', 'arn:aws:s3:::bank-drop/replay/2026-11-22.csv'];
    expect(json(args, DURING)).toEqual({
      matches: [
        {
          identity: 'settlement-reader',
          target: 'aws',
          grant: 's3:PutObject on arn:aws:s3:::bank-drop/replay/*',
          file: SR,
          line: 57,
          column: 25,
          elevation: 0,
          window: { from: '2026-11-23T08:00:00Z', until: '2026-11-23T16:00:00Z' },
        },
      ],
    });
    expect(json(args, '2026-11-23T07:59:59Z')).toEqual({ matches: [] });
    const after = whoCan(args, AFTER);
    expect(after).toEqual({
      code: 0,
      stdout: 'no identity can s3:PutObject on arn:aws:s3:::bank-drop/replay/2026-11-22.csv\n',
      stderr: '',
    });
  });

  it('answers Kubernetes and Vault requests; a suspended identity holds nothing (exit 0 either way)', () => {
    expect(whoCan(['patch', 'k8s:prod-eu/releases/deployments.apps/shop']).stdout).toBe(
      'ci-deployer  kubernetes  patch apps/deployments/shop in prod-eu/releases  ' +
        'identities/platform/ci-deployer.yaml:37\n',
    );
    expect(whoCan(['list', 'k8s:prod-eu/releases/deployments']).stdout).toBe(
      'release-bot  kubernetes  list apps/deployments in prod-eu/releases  identities/platform/release-bot.yaml:26\n',
    );
    // ci-deployer may patch only the deployment named shop.
    expect(json(['patch', 'k8s:prod-eu/releases/deployments/web'])).toEqual({ matches: [] });
    expect(json(['update', 'vault:pki/issue/settlement-reader'])).toEqual({
      matches: [
        {
          identity: 'settlement-reader',
          target: 'vault',
          grant: 'update on pki/issue/settlement-reader',
          file: SR,
          line: 46,
          column: 18,
          elevation: null,
          window: null,
        },
      ],
    });
    const legacy = whoCan(['read', 'vault:kv/data/data/legacy-etl/x']);
    expect(legacy).toEqual({
      code: 0,
      stdout: 'no identity can read on vault:kv/data/data/legacy-etl/x\n',
      stderr: '',
    });
  });

  it('--identity: everything one identity can do, in and after its elevation', () => {
    const text = [
      'settlement-reader  aws         s3:GetObject on arn:aws:s3:::bank-drop/settlements/*  ' +
        'identities/payments/settlement-reader.yaml:29',
      'settlement-reader  aws         s3:ListBucket on arn:aws:s3:::bank-drop               ' +
        'identities/payments/settlement-reader.yaml:29',
      'settlement-reader  aws         s3:PutObject on arn:aws:s3:::bank-drop/replay/*       ' +
        'identities/payments/settlement-reader.yaml:57  (elevation 0, 2026-11-23T08:00:00Z to ' +
        '2026-11-23T16:00:00Z)',
      'settlement-reader  kubernetes  get configmaps/settlement-config in prod-eu/payments  ' +
        'identities/payments/settlement-reader.yaml:39',
      'settlement-reader  vault       read on kv/data/payments/settlement/*                 ' +
        'identities/payments/settlement-reader.yaml:44',
      'settlement-reader  vault       update on pki/issue/settlement-reader                 ' +
        'identities/payments/settlement-reader.yaml:46',
      '',
    ];
    expect(whoCan(['--identity', 'settlement-reader'])).toEqual({ code: 0, stdout: text.join('\n'), stderr: '' });
    const after = json(['--identity', 'settlement-reader'], AFTER) as {
      matches: { grant: string; elevation: number | null }[];
    };
    expect(after.matches.map((m) => m.grant)).toEqual([
      's3:GetObject on arn:aws:s3:::bank-drop/settlements/*',
      's3:ListBucket on arn:aws:s3:::bank-drop',
      'get configmaps/settlement-config in prod-eu/payments',
      'read on kv/data/payments/settlement/*',
      'update on pki/issue/settlement-reader',
    ]);
    expect(whoCan(['--identity', 'legacy-etl'])).toEqual({
      code: 0,
      stdout: `legacy-etl holds no access at ${DURING}\n`,
      stderr: 'idac: note: legacy-etl is suspended: it holds no access\n',
    });
  });

  it(
    '--out writes the answer to a file (ci-deployer: one grant on *, five on its repository, get and patch on ' +
      'its deployment)',
    () => {
      const dir = repo({});
      const out = join(dir, 'answer.json');
      const r = whoCan(['--identity', 'ci-deployer', '--format', 'json', '--out', out]);
      expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
      expect((JSON.parse(readFileSync(out, 'utf8')) as { matches: unknown[] }).matches).toHaveLength(8);
    },
  );

  it.each([
    [
      ['s3:GetObject', 'arn:aws:s3:::b/k', '--identity', 'ci-deployer'],
      'give ACTION RESOURCE or --identity NAME, not both',
    ],
    [
      [],
      'give ACTION RESOURCE (who can do this?), --identity NAME (what can this identity do?) or ' +
        '--assume NAME (who can become this identity?)',
    ],
    [['--assume', 'ci-deployer', '--identity', 'ci-deployer'], 'give --assume NAME alone, not with --identity NAME'],
    [['--assume', 'no-such-identity'], 'no identity named "no-such-identity" under identities/'],
    [
      ['s3:GetObject'],
      'RESOURCE is missing: idac who-can ACTION RESOURCE, where RESOURCE is an AWS ARN, ' +
        'k8s:CLUSTER/NAMESPACE/RESOURCE[/NAME] or vault:PATH',
    ],
    [['--identity', 'no-such-identity'], 'no identity named "no-such-identity" under identities/'],
    [
      ['s3:GetObject', 'bank-drop/settlements/x'],
      'RESOURCE "bank-drop/settlements/x" is not an AWS ARN, k8s:CLUSTER/NAMESPACE/RESOURCE[/NAME] or vault:PATH',
    ],
    [
      ['s3:GetObject', 'arn:aws:s3'],
      'RESOURCE "arn:aws:s3" is not an ARN: it does not have the six colon-separated fields ' +
        'arn:partition:service:region:account:resource',
    ],
    [['s3:GetObjekt', 'arn:aws:s3:::b/k'], 's3 has no action "GetObjekt"; did you mean "s3:GetObject"?'],
    [['get', 'k8s:prod-eu/payments'], 'RESOURCE "k8s:prod-eu/payments" is not k8s:CLUSTER/NAMESPACE/RESOURCE[/NAME]'],
    [
      ['raed', 'vault:kv/x'],
      'ACTION "raed" is not a Vault capability: one of create, read, update, patch, delete, list, sudo, ' +
        'subscribe, recover (did you mean "read"?)',
    ],
    [['--identity', 'ci-deployer', '--format', 'yaml'], '--format must be one of text, json, not "yaml"'],
  ])('exit 2: %j', (args, message) => {
    const r = whoCan(args);
    expect(r).toEqual({ code: 2, stdout: '', stderr: `idac: ${message}\n` });
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });
});

describe('idac who-can on small repos', () => {
  const dir = repo({
    'identities/org.yaml':
      'apiVersion: idac/v1\nkind: Organization\nspec:\n  teams:\n    ops:\n      members: [a@example.com, ' +
      'b@example.com]\n',
    'identities/ops/home.yaml': manifest(
      'home',
      `    aws:
      account: "222222222222"
      principal: role
      permissions:
        - actions: [sqs:SendMessage]
          resources: ["*"]
`,
      { team: 'ops' },
    ),
    'identities/ops/wide.yaml': manifest(
      'wide',
      `    aws:
      account: "111111111111"
      principal: role
      permissions:
        - actions: ["sqs:*"]
          resources: ["arn:aws:sqs:*:*:orders", "arn:aws:sqs:eu-west-1:333333333333:orders"]
        - actions: [s3:GetObject]
          resources: ["arn:aws:s3:::b/\\e[31mred"]
    vault:
      auth: approle
      paths:
        - path: kv/data/ops/*
          capabilities: [read]
        - path: kv/data/ops/root
          capabilities: [read, deny]
`,
      { team: 'ops' },
    ),
    'identities/ops/broken.yaml': 'apiVersion: idac/v1\nkind: MachineIdentity\nmetadata: {name: broken}\n',
  });

  it(
    'a wildcard account reaches only the own account; a named one reaches that account; invalid manifests are ' +
      'reported as skipped',
    () => {
      const r = whoCan(
        ['sqs:SendMessage', 'arn:aws:sqs:eu-west-1:222222222222:orders', '--format', 'json'],
        DURING,
        dir,
      );
      expect(r.code).toBe(0);
      expect(r.stderr).toBe(
        'idac: note: 1 manifest is not valid and was skipped; run idac validate: the answer does not cover them\n',
      );
      expect(JSON.parse(r.stdout)).toEqual({
        matches: [
          {
            identity: 'home',
            target: 'aws',
            grant: 'sqs:SendMessage on *',
            file: 'identities/ops/home.yaml',
            line: 18,
            column: 21,
            elevation: null,
            window: null,
          },
        ],
        skipped: ['identities/ops/broken.yaml'],
      });
      const named = JSON.parse(
        whoCan(['sqs:SendMessage', 'arn:aws:sqs:eu-west-1:333333333333:orders', '--format', 'json'], DURING, dir)
          .stdout,
      ) as { matches: { identity: string; grant: string }[] };
      expect(named.matches.map((m) => `${m.identity}: ${m.grant}`)).toEqual([
        'wide: sqs:* on arn:aws:sqs:eu-west-1:333333333333:orders',
      ]);
      const own = JSON.parse(
        whoCan(['sqs:SendMessage', 'arn:aws:sqs:us-east-1:111111111111:orders', '--format', 'json'], DURING, dir)
          .stdout,
      ) as { matches: { identity: string; grant: string }[] };
      expect(own.matches.map((m) => `${m.identity}: ${m.grant}`)).toEqual(['wide: sqs:* on arn:aws:sqs:*:*:orders']);
    },
  );

  it('Vault deny on the deciding path refuses; text output never prints a control character', () => {
    expect(whoCan(['read', 'vault:kv/data/ops/root'], DURING, dir).stdout).toBe(
      'no identity can read on vault:kv/data/ops/root\n',
    );
    expect(whoCan(['read', 'vault:kv/data/ops/app'], DURING, dir).stdout).toBe(
      'wide  vault  read on kv/data/ops/*  identities/ops/wide.yaml:26\n',
    );
    const r = whoCan(['--identity', 'wide'], DURING, dir);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\u001b/);
    expect(r.stdout).toContain('s3:GetObject on arn:aws:s3:::b/\\u001b[31mred');
    expect(r.stdout).toContain('deny on kv/data/ops/root');
    expect(r.stdout).not.toContain('read on kv/data/ops/root');
  });
});
