// The effective-access model on real IAM reference data: what an identity can do at --now.
import { describe, expect, it } from 'vitest';
import { iamCatalog } from '../../src/access/iam-catalog.js';
import { awsServices, effectiveAccess, grantText, type AwsGrant } from '../../src/access/model.js';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import { parseInstant } from '../../src/common/time.js';

function identity(
  access: MachineIdentity['spec']['access'],
  elevations: MachineIdentity['spec']['elevations'] = [],
): MachineIdentity {
  return {
    apiVersion: 'idac/v1',
    kind: 'MachineIdentity',
    metadata: { name: 'app' },
    spec: {
      type: 'workload',
      purpose: 'Reads settlement files from the bank drop bucket.',
      stewardship: { owner: 'a@example.com', successor: 'b@example.com', team: 'payments' },
      expires: '2027-01-01',
      access,
      elevations,
    },
  };
}

async function model(data: MachineIdentity, now = '2026-11-23T12:00:00Z') {
  await iamCatalog.load(awsServices(data));
  return effectiveAccess(data, parseInstant(now)!, iamCatalog);
}

const aws = (actions: string[], resources = ['arn:aws:s3:::b/*']) => ({
  account: '123456789012',
  principal: 'role' as const,
  permissions: [{ actions, resources }],
});

describe('effective access', () => {
  it('expands s3:*Object to the real actions, with access levels', async () => {
    const m = await model(identity({ aws: aws(['s3:*Object']) }));
    const actions = m.grants.map((g) => (g as AwsGrant).action);
    expect(actions).toContain('s3:DeleteObject');
    expect(actions).toContain('s3:PutObject');
    expect(actions).toContain('s3:GetObject');
    expect(actions.every((a) => /^s3:.*Object$/i.test(a))).toBe(true);
    expect((m.grants.find((g) => (g as AwsGrant).action === 's3:DeleteObject') as AwsGrant).levels).toEqual(['Write']);
    expect(m.grants[0]!.path).toEqual(['spec', 'access', 'aws', 'permissions', 0, 'actions', 0]);
  });

  it('matches case-insensitively and supports ?', async () => {
    const m = await model(
      identity({
        aws: aws(['S3:getobject', 'iam:Pass?ole'], ['arn:aws:s3:::b/*', 'arn:aws:iam::123456789012:role/app']),
      }),
    );
    expect(m.grants.map(grantText)).toEqual([
      's3:GetObject on arn:aws:s3:::b/*',
      'iam:PassRole on arn:aws:iam::123456789012:role/app',
    ]);
    expect(m.unknown).toEqual([]);
  });

  it('records unknown services, unknown actions and wildcards that match nothing', async () => {
    const m = await model(identity({ aws: aws(['s4:GetObject', 's3:GetObjekt', 's3:Frobnicate*']) }));
    expect(m.grants).toEqual([]);
    expect(m.unknown.map((u) => [u.declared, u.reason])).toEqual([
      ['s4:GetObject', 'unknown-service'],
      ['s3:GetObjekt', 'unknown-action'],
      ['s3:Frobnicate*', 'matches-nothing'],
    ]);
  });

  it('keeps * as one grant that covers everything', async () => {
    const m = await model(identity({ aws: aws(['*'], ['*']) }));
    expect(m.grants).toEqual([expect.objectContaining({ action: '*', resource: '*', levels: null })]);
  });

  it('adds elevation grants only inside the window [from, until)', async () => {
    const elevations = [
      {
        reason: 'INC-1 replay',
        approvedBy: 'c@example.com',
        from: '2026-11-23T08:00:00Z',
        until: '2026-11-23T16:00:00Z',
        access: { aws: { permissions: [{ actions: ['s3:PutObject'], resources: ['arn:aws:s3:::b/replay/*'] }] } },
      },
    ];
    const data = identity({ aws: aws(['s3:GetObject']) }, elevations);
    const during = await model(data, '2026-11-23T08:00:00Z');
    expect(during.activeElevations).toEqual([0]);
    expect(during.grants.map(grantText)).toEqual([
      's3:GetObject on arn:aws:s3:::b/*',
      's3:PutObject on arn:aws:s3:::b/replay/*',
    ]);
    expect(during.grants[1]).toMatchObject({
      elevation: 0,
      path: ['spec', 'elevations', 0, 'access', 'aws', 'permissions', 0, 'actions', 0],
    });
    for (const now of ['2026-11-23T07:59:59Z', '2026-11-23T16:00:00Z'])
      expect((await model(data, now)).grants.map(grantText)).toEqual(['s3:GetObject on arn:aws:s3:::b/*']);
  });

  describe('an action is a grant only on resources of the types AWS lists for it', () => {
    const on = async (actions: string[], resources: string[]) =>
      (await model(identity({ aws: aws(actions, resources) }))).grants.map(grantText);

    it(
      's3:Get* on a bucket and a prefix: bucket actions on the bucket, object actions on the prefix, account ' +
        'actions nowhere',
      async () => {
        const grants = await on(['s3:Get*'], ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/curated/*']);
        expect(grants).toContain('s3:GetObject on arn:aws:s3:::reports/curated/*');
        expect(grants).toContain('s3:GetBucketPolicy on arn:aws:s3:::reports');
        for (const never of [
          's3:GetObject on arn:aws:s3:::reports',
          's3:GetBucketPolicy on arn:aws:s3:::reports/curated/*',
          's3:GetAccountPublicAccessBlock on arn:aws:s3:::reports/curated/*',
          's3:GetAccountPublicAccessBlock on arn:aws:s3:::reports',
          's3:GetAccessGrant on arn:aws:s3:::reports/curated/*',
        ]) {
          expect(grants).not.toContain(never);
        }
        expect(grants.every((g) => /^s3:Get\w+ on arn:aws:s3:::reports(\/curated\/\*)?$/.test(g))).toBe(true);
      },
    );

    it('an action without resource types applies only to "*"', async () => {
      expect(
        await on(['ecr:GetAuthorizationToken'], ['arn:aws:ecr:eu-west-1:123456789012:repository/shop', '*']),
      ).toEqual(['ecr:GetAuthorizationToken on *']);
    });

    it('"*" as the resource grants every action the pattern expands to', async () => {
      const grants = await on(['s3:GetAccount*', 's3:GetObject'], ['*']);
      expect(grants).toContain('s3:GetAccountPublicAccessBlock on *');
      expect(grants).toContain('s3:GetObject on *');
    });

    it('wildcards in the ARN: * crosses /, ? is one character, and a bucket name holds no /', async () => {
      expect(await on(['s3:GetObject', 's3:ListBucket'], ['arn:aws:s3:::*'])).toEqual([
        's3:GetObject on arn:aws:s3:::*',
        's3:ListBucket on arn:aws:s3:::*',
      ]);
      expect(await on(['s3:GetObject', 's3:ListBucket'], ['arn:aws:s3:::reports/*'])).toEqual([
        's3:GetObject on arn:aws:s3:::reports/*',
      ]);
      expect(await on(['s3:GetObject', 's3:ListBucket'], ['arn:aws:s3:::report?'])).toEqual([
        's3:ListBucket on arn:aws:s3:::report?',
      ]);
      expect(await on(['s3:GetObject', 's3:ListBucket'], ['arn:aws:s3:::rep*'])).toEqual([
        's3:GetObject on arn:aws:s3:::rep*',
        's3:ListBucket on arn:aws:s3:::rep*',
      ]);
      expect(
        await on(['sqs:SendMessage'], ['arn:aws:sqs:eu-west-1:123456789012:jobs/x', 'arn:aws:sqs:*:123456789012:jobs']),
      ).toEqual(['sqs:SendMessage on arn:aws:sqs:*:123456789012:jobs']);
      expect(
        await on(['dynamodb:GetItem'], ['arn:aws:dynamodb:eu-west-1:123456789012:table/orders', 'arn:aws:s3:::orders']),
      ).toEqual(['dynamodb:GetItem on arn:aws:dynamodb:eu-west-1:123456789012:table/orders']);
    });

    it('a short ARN ending in * is read as IAM reads it; text that is no ARN grants nothing, even to "*"', async () => {
      expect(await on(['s3:GetObject', 'sqs:SendMessage'], ['arn:aws:s3:*'])).toEqual(['s3:GetObject on arn:aws:s3:*']);
      expect(await on(['s3:GetObject', '*'], ['arn:aws:s3:bank-drop/x', 'bank-drop/*'])).toEqual([]);
      expect(await on(['*'], ['arn:aws:s3:::bank-drop'])).toEqual(['* on arn:aws:s3:::bank-drop']);
    });
  });

  it('normalises Kubernetes rules and Vault paths into triples', async () => {
    const m = await model(
      identity({
        kubernetes: {
          cluster: 'prod-eu',
          namespace: 'payments',
          rules: [
            { apiGroups: ['', 'apps'], resources: ['configmaps'], resourceNames: ['a', 'b'], verbs: ['get', 'list'] },
          ],
        },
        vault: {
          auth: 'kubernetes',
          paths: [{ path: 'kv/data/payments/*', capabilities: ['read', 'list'] }],
          certificates: [{ mount: 'pki', commonNames: ['app.payments.svc.cluster.local'], ttl: '72h' }],
        },
      }),
    );
    expect(m.grants.map(grantText)).toEqual([
      'get configmaps/a in prod-eu/payments',
      'get configmaps/b in prod-eu/payments',
      'get apps/configmaps/a in prod-eu/payments',
      'get apps/configmaps/b in prod-eu/payments',
      'list configmaps/a in prod-eu/payments',
      'list configmaps/b in prod-eu/payments',
      'list apps/configmaps/a in prod-eu/payments',
      'list apps/configmaps/b in prod-eu/payments',
      'read on kv/data/payments/*',
      'list on kv/data/payments/*',
      'update on pki/issue/app',
    ]);
  });
});
