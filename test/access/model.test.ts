// The effective-access model on real IAM reference data: what an identity can do at --now.
import { describe, expect, it } from 'vitest';
import { iamCatalog } from '../../src/access/iam-catalog.js';
import { awsServices, effectiveAccess, grantText, type AwsGrant } from '../../src/access/model.js';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import { parseInstant } from '../../src/time.js';

function identity(access: MachineIdentity['spec']['access'], elevations: MachineIdentity['spec']['elevations'] = []): MachineIdentity {
  return {
    apiVersion: 'idac/v1', kind: 'MachineIdentity', metadata: { name: 'app' },
    spec: { type: 'workload', purpose: 'Reads settlement files from the bank drop bucket.', stewardship: { owner: 'a@example.com', successor: 'b@example.com', team: 'payments' }, expires: '2027-01-01', access, elevations },
  };
}

async function model(data: MachineIdentity, now = '2026-11-23T12:00:00Z') {
  await iamCatalog.load(awsServices(data));
  return effectiveAccess(data, parseInstant(now)!, iamCatalog);
}

const aws = (actions: string[], resources = ['arn:aws:s3:::b/*']) => ({ account: '123456789012', principal: 'role' as const, permissions: [{ actions, resources }] });

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
    const m = await model(identity({ aws: aws(['S3:getobject', 'iam:Pass?ole']) }));
    expect(m.grants.map((g) => (g as AwsGrant).action)).toEqual(['s3:GetObject', 'iam:PassRole']);
    expect(m.unknown).toEqual([]);
  });

  it('records unknown services, unknown actions and wildcards that match nothing', async () => {
    const m = await model(identity({ aws: aws(['s4:GetObject', 's3:GetObjekt', 's3:Frobnicate*']) }));
    expect(m.grants).toEqual([]);
    expect(m.unknown.map((u) => [u.declared, u.reason])).toEqual([['s4:GetObject', 'unknown-service'], ['s3:GetObjekt', 'unknown-action'], ['s3:Frobnicate*', 'matches-nothing']]);
  });

  it('keeps * as one grant that covers everything', async () => {
    const m = await model(identity({ aws: aws(['*'], ['*']) }));
    expect(m.grants).toEqual([expect.objectContaining({ action: '*', resource: '*', levels: null })]);
  });

  it('adds elevation grants only inside the window [from, until)', async () => {
    const elevations = [{ reason: 'INC-1 replay', approvedBy: 'c@example.com', from: '2026-11-23T08:00:00Z', until: '2026-11-23T16:00:00Z', access: { aws: { permissions: [{ actions: ['s3:PutObject'], resources: ['arn:aws:s3:::b/replay/*'] }] } } }];
    const data = identity({ aws: aws(['s3:GetObject']) }, elevations);
    const during = await model(data, '2026-11-23T08:00:00Z');
    expect(during.activeElevations).toEqual([0]);
    expect(during.grants.map(grantText)).toEqual(['s3:GetObject on arn:aws:s3:::b/*', 's3:PutObject on arn:aws:s3:::b/replay/*']);
    expect(during.grants[1]).toMatchObject({ elevation: 0, path: ['spec', 'elevations', 0, 'access', 'aws', 'permissions', 0, 'actions', 0] });
    for (const now of ['2026-11-23T07:59:59Z', '2026-11-23T16:00:00Z']) expect((await model(data, now)).grants.map(grantText)).toEqual(['s3:GetObject on arn:aws:s3:::b/*']);
  });

  it('normalises Kubernetes rules and Vault paths into triples', async () => {
    const m = await model(identity({
      kubernetes: { cluster: 'prod-eu', namespace: 'payments', rules: [{ apiGroups: ['', 'apps'], resources: ['configmaps'], resourceNames: ['a', 'b'], verbs: ['get', 'list'] }] },
      vault: { auth: 'kubernetes', paths: [{ path: 'kv/data/payments/*', capabilities: ['read', 'list'] }], certificates: [{ mount: 'pki', commonNames: ['app.payments.svc.cluster.local'], ttl: '72h' }] },
    }));
    expect(m.grants.map(grantText)).toEqual([
      'get configmaps/a in prod-eu/payments', 'get configmaps/b in prod-eu/payments', 'get apps/configmaps/a in prod-eu/payments', 'get apps/configmaps/b in prod-eu/payments',
      'list configmaps/a in prod-eu/payments', 'list configmaps/b in prod-eu/payments', 'list apps/configmaps/a in prod-eu/payments', 'list apps/configmaps/b in prod-eu/payments',
      'read on kv/data/payments/*', 'list on kv/data/payments/*', 'update on pki/issue/app',
    ]);
  });
});
