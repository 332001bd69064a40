// The AWS estate reader against a real IAM API: moto_server holds the estate test/peers/aws-estate.ts
// builds (51 roles and users, 16 access keys), read live through the SDK (fetchAwsEstate: every page,
// ListRoles for the session limits, ListAccessKeys) and as the export file the CLI writes from the same
// pages. Both give the same estate, asserted exactly; no secret moto handed out reaches any output.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estateFromAwsLive, parseAwsExport } from '../../src/features/estate/read/aws-export.js';
import type { Estate } from '../../src/features/estate/types.js';
import { exportText, fetchAwsEstate, type AwsPage, type LiveAccessKey } from '../../src/io/aws-iam.js';
import {
  buildAwsEstate,
  ESTATE_ACCOUNT as A,
  ESTATE_ANCHOR,
  ESTATE_EKS_ISSUER,
  ESTATE_EXTERNAL_ID,
  ESTATE_PARTNER,
  motoEnv,
  motoIamClient,
  mutateAwsEstate,
  startMotoWithManagedPolicies,
  type BuiltAwsEstate,
} from './aws-estate.js';
import { motoBinary, MOTO_SKIP } from './moto.js';
import type { Peer } from './peers.js';
import { ANY_POD_TRUST, mfaRootTrust, oktaSamlTrust } from '../features/estate/read/aws-statements.js';

const bin = motoBinary();
const skipped = bin === null ? ` (skipped: ${MOTO_SKIP})` : '';
const CTX = { org: null, now: Date.UTC(2026, 11, 3) };

/** The estate without what moto makes up on each run (creation times). */
function stable(e: Estate): unknown {
  return { ...e, identities: e.identities.map(({ created: _, ...i }) => i) };
}

describe.skipIf(bin === null)(`AWS estate in moto_server, read live and as an export file${skipped}`, () => {
  let moto: Peer | null = null;
  let built: BuiltAwsEstate;
  let live: { pages: AwsPage[]; accessKeys: LiveAccessKey[] };
  let estate: Estate;
  let text: string;

  beforeAll(async () => {
    moto = await startMotoWithManagedPolicies(bin!);
    const client = await motoIamClient(moto.address);
    built = await buildAwsEstate(client);
    client.destroy();
    const read = await fetchAwsEstate(motoEnv(moto.address));
    if (!read.ok) throw new Error(read.diagnostics.map((d) => d.summary).join('\n'));
    live = read.value;
    const e = estateFromAwsLive(live, CTX);
    if (!e.ok) throw new Error(e.diagnostics.map((d) => d.summary).join('\n'));
    estate = e.value;
    text = exportText(live.pages);
  }, 120_000);

  afterAll(async () => {
    await moto?.stop();
  });

  const byName = (n: string) => estate.identities.find((i) => i.name === n)!;

  it('reads the export file written from the same pages as the same estate (keys come only live)', () => {
    const fromFile = parseAwsExport(text, CTX);
    expect(fromFile.ok).toBe(true);
    if (fromFile.ok) expect(fromFile.value).toEqual({ ...estate, keys: [] });
  });

  it('finds every principal, skips what AWS owns, and lists the keys masked', () => {
    expect(estate.scope).toBe(A);
    expect(estate.warnings).toEqual([]);
    expect(estate.identities).toHaveLength(built.roles + built.users);
    expect(estate.identities).toHaveLength(51);
    expect(estate.identities.filter((i) => i.skip !== undefined).map((i) => [i.name, i.skip])).toEqual([
      ['AWSReservedSSO_Admin_0123456789abcdef', 'IAM Identity Center (SSO) role: Identity Center creates and owns it'],
      ['AWSServiceRoleForecs', 'service-linked role: AWS creates and owns it'],
    ]);
    expect(estate.keys).toHaveLength(16);
    const pairs = (list: [string, string][]) => list.map((p) => p.join(' ')).sort();
    expect(pairs(estate.keys.map((k) => [k.userName, k.status]))).toEqual(
      pairs(built.keys.map((k) => [k.user, k.active ? 'Active' : 'Inactive'])),
    );
    expect(estate.keys.filter((k) => k.status === 'Inactive')).toHaveLength(4);
    // Sorted by user ARN, then masked id.
    const order = estate.keys.map((k) => `${k.user} ${k.keyId}`);
    expect(order).toEqual([...order].sort());
    for (const k of estate.keys) {
      expect(k.keyId).toMatch(/^AKIA…[A-Z0-9]{4}$/);
      expect(k.user).toBe(`arn:aws:iam::${A}:user/${Number(k.userName.slice(-2)) < 6 ? '' : 'legacy/'}${k.userName}`);
    }
  });

  it('reads each trust kind as often as it was made', () => {
    const kinds: Record<string, number> = {};
    for (const i of estate.identities)
      for (const [k, v] of Object.entries(i.access.aws?.trust ?? {}))
        kinds[k] = (kinds[k] ?? 0) + (Array.isArray(v) ? v.length : 1);
    expect(kinds).toEqual({
      github: 10,
      kubernetes: 8,
      service: 6,
      account: 4,
      oidc: 3,
      rolesAnywhere: 2,
      eksPodIdentity: 1,
    });
  });

  it('reads a GitHub role with a customer policy at its default version (v2, not the wider v3)', () => {
    const { created, ...role } = byName('gh-deploy-00');
    expect(created).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(role).toEqual({
      target: 'aws',
      id: `arn:aws:iam::${A}:role/gh-deploy-00`,
      name: 'gh-deploy-00',
      labels: { owner: 'dev0@acme.example', team: 'payments' },
      access: {
        aws: {
          account: A,
          principal: 'role',
          trust: { github: { repository: 'acme/svc-00', environment: 'prod', ref: 'refs/heads/main' } },
          permissions: [
            {
              actions: ['lambda:UpdateFunctionCode', 'lambda:GetFunction'],
              resources: [`arn:aws:lambda:eu-west-1:${A}:function:svc-00`],
            },
            { actions: ['s3:GetObject', 's3:PutObject'], resources: ['arn:aws:s3:::acme-artifacts/*'] },
          ],
        },
      },
      notExpressible: [],
      origins: [
        { path: ['aws', 'trust', 'github'], from: 'trust policy' },
        { path: ['aws', 'permissions', 0], from: 'inline policy deploy' },
        { path: ['aws', 'permissions', 1], from: `managed policy arn:aws:iam::${A}:policy/app-artifacts (v2)` },
      ],
      live: {
        path: '/',
        maxSessionDuration: 3600,
        inlinePolicies: ['deploy'],
        managedPolicies: [`arn:aws:iam::${A}:policy/app-artifacts`],
      },
    });
  });

  it('reads a user in two groups with their inline, customer and AWS-managed policies', () => {
    const u = byName('svc-user-09');
    expect(u.access).toEqual({
      aws: {
        account: A,
        principal: 'user',
        permissions: [
          { actions: ['s3:GetObject', 's3:PutObject'], resources: ['arn:aws:s3:::acme-svc-user-09/*'] },
          { actions: ['ec2:DescribeInstances', 'ec2:DescribeImages'], resources: ['*'] },
          { actions: ['s3:GetObject', 's3:PutObject'], resources: ['arn:aws:s3:::acme-artifacts/*'] },
          {
            actions: ['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'],
            resources: ['*'],
          },
        ],
      },
    });
    expect(u.origins.map((o) => o.from)).toEqual([
      'inline policy own-bucket',
      'group deployers: inline policy describe',
      `group deployers: managed policy arn:aws:iam::${A}:policy/app-artifacts (v2)`,
      'group readers: managed policy arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess (v3)',
    ]);
    expect(u.live).toEqual({
      path: '/legacy/',
      inlinePolicies: ['own-bucket'],
      managedPolicies: [],
      groups: ['deployers', 'readers'],
    });
  });

  it('reads the other trust kinds exactly', () => {
    const trust = (n: string) => byName(n).access.aws?.trust;
    expect(trust('eks-svc-03')).toEqual({
      kubernetes: { cluster: 'eks-eu-west-1-a1b2c3d4', namespace: 'apps', serviceAccount: 'svc-03' },
    });
    expect(trust('fn-01')).toEqual({
      service: { principal: 'lambda.amazonaws.com', sourceArn: `arn:aws:lambda:eu-west-1:${A}:function:fn-01` },
    });
    expect(trust('ec2-worker-00')).toEqual({ service: { principal: 'ec2.amazonaws.com' } });
    expect(trust('partner-read-02')).toEqual({ account: { id: ESTATE_PARTNER, externalId: ESTATE_EXTERNAL_ID } });
    expect(trust('gitlab-01')).toEqual({
      oidc: {
        provider: 'gitlab-acme-example',
        audience: 'https://gitlab.acme.example',
        subject: 'project_path:acme/tool-01:ref_type:branch:ref:*',
      },
    });
    expect(trust('device-01')).toEqual({
      rolesAnywhere: { trustAnchor: 'anchor-0a1b2c3d', commonName: 'press-01.plant.acme.example' },
    });
    expect(trust('checkout-api')).toEqual({
      eksPodIdentity: { cluster: 'acme-prod', namespace: 'checkout', serviceAccount: 'api' },
    });
  });

  it('reports every statement it cannot express', () => {
    const all = estate.identities.flatMap((i) => i.notExpressible.map((n) => [i.name, n.source, n.statement]));
    const deny = `{"Effect":"Deny","Action":"dynamodb:*","Resource":"arn:aws:dynamodb:eu-west-1:${A}:table/secrets"}`;
    const notAction = '{"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"}';
    const guarded = `managed policy arn:aws:iam::${A}:policy/guarded-tables (v1)`;
    const allButIam = `managed policy arn:aws:iam::${A}:policy/all-but-iam (v1)`;
    expect(all).toEqual([
      ['any-pod', 'trust policy', ANY_POD_TRUST],
      ['break-glass', allButIam, notAction],
      ['break-glass', 'trust policy', mfaRootTrust(A)],
      ['gitlab-00', guarded, deny],
      ['gitlab-01', guarded, deny],
      ['gitlab-02', guarded, deny],
      ['okta-readonly', 'trust policy', oktaSamlTrust(A)],
      ['svc-user-11', allButIam, notAction],
    ]);
  });

  it('adds what org.yaml needs for the trusts, with derived names', () => {
    expect(estate.org).toEqual({
      aws: {
        [A]: {
          oidcProviders: { 'eks-eu-west-1-a1b2c3d4': ESTATE_EKS_ISSUER, 'gitlab-acme-example': 'gitlab.acme.example' },
          trustAnchors: { 'anchor-0a1b2c3d': ESTATE_ANCHOR },
        },
      },
      kubernetes: { 'acme-prod': {}, 'eks-eu-west-1-a1b2c3d4': {} },
      trustedAccounts: { [ESTATE_PARTNER]: { name: ESTATE_PARTNER } },
    });
  });

  it('lets no secret key or full key id out, and the external id only into trust.account', () => {
    const outputs = [JSON.stringify(estate), text, JSON.stringify(live.accessKeys)];
    for (const secret of built.secrets) for (const out of outputs) expect(out.includes(secret)).toBe(false);
    expect(built.secrets).toHaveLength(32);
    const elsewhere = JSON.stringify(
      estate.identities.map((i) => ({ ...i, access: { ...i.access, aws: { ...i.access.aws, trust: undefined } } })),
    );
    expect(elsewhere.includes(ESTATE_EXTERNAL_ID)).toBe(false);
  });

  it('reads the same estate twice (stable order, nothing from the run)', async () => {
    const again = await fetchAwsEstate(motoEnv(moto!.address));
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    const e = estateFromAwsLive(again.value, CTX);
    expect(e.ok && stable(e.value)).toEqual(stable(estate));
  });
  // Last: it changes the estate the tests above read.
  it('sees a console edit, a new role and a deleted key in the next read', async () => {
    const client = await motoIamClient(moto!.address);
    const mutation = await mutateAwsEstate(client);
    client.destroy();
    const read = await fetchAwsEstate(motoEnv(moto!.address));
    const after = read.ok ? estateFromAwsLive(read.value, CTX) : read;
    expect(after.ok).toBe(true);
    if (!after.ok) return;
    const ids = (e: Estate) => e.identities.map((i) => i.id);
    expect(ids(after.value)).toEqual([...ids(estate), mutation.orphan].sort());
    const changed = after.value.identities.find((i) => i.id === mutation.changed)!;
    expect(changed.access.aws?.permissions).toContainEqual({
      actions: ['s3:DeleteObject'],
      resources: ['arn:aws:s3:::acme-artifacts/*'],
    });
    const orphan = after.value.identities.find((i) => i.id === mutation.orphan)!;
    expect(orphan.access.aws?.trust).toEqual({ account: { id: A } });
    expect(orphan.access.aws?.permissions).toContainEqual({ actions: ['*'], resources: ['*'] });
    expect(after.value.keys).toHaveLength(15);
    expect(after.value.keys.some((k) => k.user === mutation.keyDeletedFrom)).toBe(false);
  });
});
