// The reverse index and the forward view over small in-memory repositories: which identity, through
// which grant, written on which line, in force at which time.
import { describe, expect, it } from 'vitest';
import { iamCatalog } from '../../src/access/iam-catalog.js';
import { awsServices } from '../../src/access/model.js';
import { MemorySource } from '../../src/manifest/memory-source.js';
import { loadRepository, type LoadedIdentity as LocatedIdentity } from '../../src/check/repository.js';
import { canDo, whoCan, type Match } from '../../src/features/query/who-can.js';
import { parseQuery } from '../../src/features/query/who-can-query.js';
import { parseInstant } from '../../src/common/time.js';
import { manifest } from './manifest.js';
import { messageOf } from '../../src/common/result.js';

async function load(files: Record<string, string>): Promise<LocatedIdentity[]> {
  const read = await loadRepository(new MemorySource(files));
  if (!read.ok) throw new Error(messageOf(read));
  expect(read.value.skipped).toEqual([]);
  for (const id of read.value.identities) await iamCatalog.load(awsServices(id.data));
  return read.value.identities;
}

async function ask(
  identities: LocatedIdentity[],
  action: string,
  resource: string,
  now = '2026-11-23T12:00:00Z',
): Promise<Match[]> {
  await iamCatalog.load([action.split(':')[0]!]);
  const q = parseQuery(action, resource, iamCatalog);
  if (!q.ok) throw new Error(messageOf(q));
  return whoCan(identities, q.query, parseInstant(now)!, iamCatalog);
}

const short = (ms: Match[]) =>
  ms.map((m) => `${m.identity} ${m.grant} @${m.line}:${m.column}${m.elevation === null ? '' : ` e${m.elevation}`}`);

const AWS = (account: string, permissions: string) => `    aws:
      account: "${account}"
      principal: role
      permissions:
${permissions}`;

describe('whoCan: AWS', () => {
  it('answers with the grant as written, its line and column, in identity order', async () => {
    const ids = await load({
      'identities/tm/reader.yaml': manifest(
        'reader',
        AWS(
          '111111111111',
          `        - actions: [s3:Get*, s3:ListBucket]
          resources: [arn:aws:s3:::b, arn:aws:s3:::b/*]
`,
        ),
      ),
      'identities/tm/admin.yaml': manifest(
        'admin',
        AWS(
          '111111111111',
          `        - actions: ["*"]
          resources: ["*"]
`,
        ),
      ),
      'identities/tm/writer.yaml': manifest(
        'writer',
        AWS(
          '111111111111',
          `        - actions: [s3:PutObject]
          resources: [arn:aws:s3:::b/*]
`,
        ),
      ),
    });
    expect(short(await ask(ids, 's3:GetObject', 'arn:aws:s3:::b/k'))).toEqual([
      'admin * on * @18:21',
      'reader s3:Get* on arn:aws:s3:::b/* @18:21',
    ]);
    expect(short(await ask(ids, 's3:PutObject', 'arn:aws:s3:::b/k'))).toEqual([
      'admin * on * @18:21',
      'writer s3:PutObject on arn:aws:s3:::b/* @18:21',
    ]);
    expect(short(await ask(ids, 's3:ListBucket', 'arn:aws:s3:::b'))).toEqual([
      'admin * on * @18:21',
      'reader s3:ListBucket on arn:aws:s3:::b @18:30',
    ]);
    expect(short(await ask(ids, 's3:GetObject', 'arn:aws:s3:::c/k'))).toEqual(['admin * on * @18:21']);
    // IAM never allows s3:GetObject on a bucket ARN: nobody holds it, not even through "*" or s3:Get* on the bucket.
    expect(short(await ask(ids, 's3:GetObject', 'arn:aws:s3:::b'))).toEqual([]);
    expect(short(await ask(ids, 's3:GetBucketPolicy', 'arn:aws:s3:::b'))).toEqual([
      'admin * on * @18:21',
      'reader s3:Get* on arn:aws:s3:::b @18:21',
    ]);
  });

  it('reaches another account only where the grant names it', async () => {
    const ids = await load({
      'identities/tm/home.yaml': manifest(
        'home',
        AWS(
          '222222222222',
          `        - actions: [sqs:Send*]
          resources: ["*"]
`,
        ),
      ),
      'identities/tm/star.yaml': manifest(
        'star',
        AWS(
          '111111111111',
          `        - actions: [sqs:*]
          resources: ["*", "arn:aws:sqs:*:*:q"]
`,
        ),
      ),
      'identities/tm/named.yaml': manifest(
        'named',
        AWS(
          '111111111111',
          `        - actions: [sqs:SendMessage]
          resources: ["arn:aws:sqs:eu-west-?:222222222222:q"]
`,
        ),
      ),
    });
    expect(short(await ask(ids, 'sqs:SendMessage', 'arn:aws:sqs:eu-west-1:222222222222:q'))).toEqual([
      'home sqs:Send* on * @18:21',
      'named sqs:SendMessage on arn:aws:sqs:eu-west-?:222222222222:q @18:21',
    ]);
    expect(short(await ask(ids, 'sqs:SendMessage', 'arn:aws:sqs:eu-west-1:111111111111:q'))).toEqual([
      'star sqs:* on * @18:21',
      'star sqs:* on arn:aws:sqs:*:*:q @18:21',
    ]);
  });

  it('counts an elevation only inside its window, and no identity that is not active', async () => {
    const ids = await load({
      'identities/tm/app.yaml': manifest(
        'app',
        `${AWS(
          '111111111111',
          `        - actions: [s3:GetObject]
          resources: [arn:aws:s3:::b/*]
`,
        )}  elevations:
    - reason: INC-1 replay
      approvedBy: c@example.com
      from: 2026-11-23T08:00:00+01:00
      until: 2026-11-23T16:00:00Z
      access:
        aws:
          permissions:
            - actions: [s3:PutObject]
              resources: [arn:aws:s3:::b/replay/*]
`,
      ),
      'identities/tm/paused.yaml': manifest(
        'paused',
        AWS(
          '111111111111',
          `        - actions: [s3:PutObject]
          resources: ["*"]
`,
        ),
        { extra: '  status: suspended\n' },
      ),
    });
    const during = await ask(ids, 's3:PutObject', 'arn:aws:s3:::b/replay/1', '2026-11-23T07:00:00Z');
    expect(during).toEqual([
      {
        identity: 'app',
        target: 'aws',
        grant: 's3:PutObject on arn:aws:s3:::b/replay/*',
        file: 'identities/tm/app.yaml',
        line: 28,
        column: 25,
        elevation: 0,
        window: { from: '2026-11-23T07:00:00Z', until: '2026-11-23T16:00:00Z' },
      },
    ]);
    for (const now of ['2026-11-23T06:59:59Z', '2026-11-23T16:00:00Z'])
      expect(await ask(ids, 's3:PutObject', 'arn:aws:s3:::b/replay/1', now)).toEqual([]);
  });
});

describe('whoCan: Kubernetes and Vault', () => {
  const files = {
    'identities/tm/ops.yaml': manifest(
      'ops',
      `    kubernetes:
      cluster: prod-eu
      namespace: payments
      rules:
        - apiGroups: [""]
          resources: [pods, pods/exec]
          verbs: [get, create]
        - apiGroups: [""]
          resources: [configmaps]
          resourceNames: [cfg]
          verbs: ["*"]
    vault:
      auth: kubernetes
      paths:
        - path: kv/data/app/*
          capabilities: [read, list]
        - path: kv/data/app/secret
          capabilities: [update]
        - path: kv/data/+/shared
          capabilities: [read]
        - path: sys/*
          capabilities: [deny]
`,
    ),
    'identities/tm/other-ns.yaml': manifest(
      'other-ns',
      `    kubernetes:
      cluster: prod-eu
      namespace: default
      rules:
        - apiGroups: ["*"]
          resources: ["*"]
          verbs: ["*"]
`,
    ),
  };

  it('matches RBAC rules in their own namespace: subresources, resourceNames, verbs', async () => {
    const ids = await load(files);
    expect(short(await ask(ids, 'create', 'k8s:prod-eu/payments/pods/exec/web-0'))).toEqual([
      'ops create pods/exec in prod-eu/payments @20:24',
    ]);
    expect(short(await ask(ids, 'get', 'k8s:prod-eu/payments/pods/log/web-0'))).toEqual([]);
    expect(short(await ask(ids, 'delete', 'k8s:prod-eu/payments/configmaps/cfg'))).toEqual([
      'ops * configmaps/cfg in prod-eu/payments @24:19',
    ]);
    expect(short(await ask(ids, 'delete', 'k8s:prod-eu/payments/configmaps/other'))).toEqual([]);
    expect(short(await ask(ids, 'list', 'k8s:prod-eu/payments/configmaps'))).toEqual([]);
    expect(short(await ask(ids, 'delete', 'k8s:prod-eu/default/deployments.apps/x'))).toEqual([
      'other-ns * */* in prod-eu/default @20:19',
    ]);
  });

  it('lets the most specific Vault path decide', async () => {
    const ids = await load(files);
    expect(short(await ask(ids, 'read', 'vault:kv/data/app/config'))).toEqual(['ops read on kv/data/app/* @29:26']);
    expect(short(await ask(ids, 'read', 'vault:kv/data/app/secret'))).toEqual([]);
    expect(short(await ask(ids, 'update', 'vault:kv/data/app/secret'))).toEqual([
      'ops update on kv/data/app/secret @31:26',
    ]);
    expect(short(await ask(ids, 'read', 'vault:kv/data/team/shared'))).toEqual(['ops read on kv/data/+/shared @33:26']);
    // kv/data/app/* starts its glob later than kv/data/+/shared: it decides, and it grants read.
    expect(short(await ask(ids, 'read', 'vault:kv/data/app/shared'))).toEqual(['ops read on kv/data/app/* @29:26']);
    expect(short(await ask(ids, 'read', 'vault:sys/mounts'))).toEqual([]);
  });

  it('the forward view lists every grant in force, with the deny but without what a Role cannot grant', async () => {
    const ids = await load({
      ...files,
      'identities/tm/ops.yaml': files['identities/tm/ops.yaml']
        .replace('resources: [configmaps]', 'resources: [configmaps, nodes]')
        .replace('capabilities: [deny]', 'capabilities: [deny, read]'),
    });
    const ops = ids.find((i) => i.data.metadata.name === 'ops')!;
    expect(short(canDo(ops, parseInstant('2026-11-23')!, iamCatalog))).toEqual([
      'ops * configmaps/cfg in prod-eu/payments @24:19',
      'ops create pods in prod-eu/payments @20:24',
      'ops create pods/exec in prod-eu/payments @20:24',
      'ops get pods in prod-eu/payments @20:19',
      'ops get pods/exec in prod-eu/payments @20:19',
      'ops deny on sys/* @35:26',
      'ops list on kv/data/app/* @29:32',
      'ops read on kv/data/+/shared @33:26',
      'ops read on kv/data/app/* @29:26',
      'ops update on kv/data/app/secret @31:26',
    ]);
  });
});
