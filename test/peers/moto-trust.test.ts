// Every trust kind's compiled policy is a document IAM's API takes and keeps byte for byte: moto_server
// creates each role with it (CreateRole, under the /idac/<team>/ path) and GetRole gives it back
// URL-encoded, as IAM does. moto 5.2.5 stores a trust policy without judging it (it takes even text
// that is not JSON), so this proves the round trip and the role ARN, not IAM's grammar: the grammar
// is pinned by test/compile/aws-trust.test.ts and what the policy admits by aws-trust-property.test.ts.

import { afterAll, describe, expect, it, type TestContext } from 'vitest';
import { trustPolicy } from '../../src/access/aws-trust-policy.js';
import { ACCOUNT, CTX, OTHER_ACCOUNT, trusted, type Trust } from '../compile/aws-trust-fixture.js';
import { awsQuery, motoBinary, MOTO_SKIP, startMoto } from './moto.js';
import { needPeer, type Peer } from './peers.js';

const KINDS: [string, Trust][] = [
  ['github', { github: { repository: 'acme/ledger', ref: 'refs/heads/main', pullRequest: true } }],
  ['kubernetes', { kubernetes: { cluster: 'prod-eu', namespace: 'payments', serviceAccount: 'app' } }],
  [
    'service',
    {
      service: [
        { principal: 'lambda.amazonaws.com', sourceArn: `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:settle` },
        { principal: 'ec2.amazonaws.com' },
        { principal: 'logs.amazonaws.com', sourceArn: `arn:aws:logs:eu-west-1:${ACCOUNT}:*` },
      ],
    },
  ],
  ['eks-pod-identity', { eksPodIdentity: { cluster: 'prod-eu', namespace: 'payments', serviceAccount: 'app' } }],
  ['account', { account: [{ id: OTHER_ACCOUNT, role: 'ops/auditor', externalId: 'ext-1' }, { id: '333344445555' }] }],
  [
    'oidc',
    {
      oidc: [
        {
          provider: 'gitlab',
          audience: 'https://gitlab.acme.example',
          subject: 'project_path:acme/ledger:ref_type:branch:ref:main',
        },
        { provider: 'circleci', audience: 'org-id', subject: 'org/o/project/p/user/*' },
      ],
    },
  ],
  [
    'roles-anywhere',
    { rolesAnywhere: { trustAnchor: 'devices', commonName: 'till-1.acme.example', organizationalUnit: 'stores' } },
  ],
];

describe('moto_server takes every compiled trust policy', () => {
  const bin = motoBinary();
  let moto: Peer | null = null;

  afterAll(async () => {
    await moto?.stop();
  });

  const skipped = bin === null ? ` (skipped: ${MOTO_SKIP})` : '';
  const title = `creates a role per trust kind and reads the document back unchanged${skipped}`;

  it(title, async (ctx: TestContext) => {
    moto = await startMoto(needPeer(ctx, bin, MOTO_SKIP));
    const iam = (params: Record<string, string>) =>
      awsQuery(moto!.address, 'iam', { Version: '2010-05-08', ...params });
    const all = Object.assign({}, ...KINDS.map(([, t]) => t)) as Trust;

    for (const [kind, trust] of [...KINDS, ['all-kinds', all] as [string, Trust]]) {
      const policy = trustPolicy(trusted(trust).spec.access.aws!, CTX);
      const created = await iam({
        Action: 'CreateRole',
        RoleName: kind,
        Path: '/idac/payments/',
        AssumeRolePolicyDocument: policy,
      });
      expect(created.status, `${kind}: ${created.body}`).toBe(200);
      const got = await iam({ Action: 'GetRole', RoleName: kind });
      expect(got.status, kind).toBe(200);
      expect(got.body).toContain(`<Arn>arn:aws:iam::123456789012:role/idac/payments/${kind}</Arn>`);
      const encoded = /<AssumeRolePolicyDocument>([^<]*)<\/AssumeRolePolicyDocument>/.exec(got.body)?.[1];
      expect(encoded, kind).toBeDefined();
      expect(decodeURIComponent(encoded!), kind).toBe(policy);
    }
  });
});
