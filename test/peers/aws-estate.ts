// A realistic AWS estate built in moto_server through the SDK, for the estate tests (read live and as
// an export file), and for import → drift → mutate → drift. One account (moto's 123456789012) with:
//   - 39 roles: GitHub (10), EKS service accounts (8), services with and without aws:SourceArn (6), a
//     partner account with an external id (4), GitLab OIDC (3), Roles Anywhere (2), Pod Identity (2, one
//     naming no association), a SAML role, an MFA-only role, a role with a Deny, a service-linked role,
//     an AWSReservedSSO_ role, roles on an AWS-managed policy;
//   - customer policies with several versions (only the default counts), one with a Deny, one NotAction;
//   - 12 users, in groups with inline and attached policies, with 16 access keys (4 inactive).
// Names are fixed so tests can assert them; moto picks ids, dates and secrets, which are returned only so
// a test can prove none of them reaches any output.

import type { IAMClient } from '@aws-sdk/client-iam';
import { startMoto } from './moto.js';
import type { Peer } from './peers.js';

export const ESTATE_ACCOUNT = '123456789012';
const A = ESTATE_ACCOUNT;
const GH = 'token.actions.githubusercontent.com';
export const ESTATE_EKS_ISSUER = 'oidc.eks.eu-west-1.amazonaws.com/id/A1B2C3D4E5F60718293A4B5C6D7E8F90';
export const ESTATE_GITLAB = 'gitlab.acme.example';
export const ESTATE_ANCHOR = `arn:aws:rolesanywhere:eu-west-1:${A}:trust-anchor/0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d`;
export const ESTATE_PARTNER = '444455556666';
/** The partner trust's external id: it belongs in trust.account.externalId and nowhere else. */
export const ESTATE_EXTERNAL_ID = 'acme-partner-ext-0042';

type Doc = { Version: '2012-10-17'; Statement: Record<string, unknown>[] };
const doc = (...Statement: Record<string, unknown>[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement } satisfies Doc);
const allow = (Action: string | string[], Resource: string | string[], Condition?: object) => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...(Condition ? { Condition } : {}),
});
const web = (host: string, aud: string, sub: string | string[], like = false) => ({
  Effect: 'Allow',
  Principal: { Federated: `arn:aws:iam::${A}:oidc-provider/${host}` },
  Action: 'sts:AssumeRoleWithWebIdentity',
  Condition: like
    ? { StringEquals: { [`${host}:aud`]: aud }, StringLike: { [`${host}:sub`]: sub } }
    : { StringEquals: { [`${host}:aud`]: aud, [`${host}:sub`]: sub } },
});
const two = (i: number): string => String(i).padStart(2, '0');

export interface BuiltAwsEstate {
  /** Secret access keys and full key ids moto handed out: no output may contain any of them. */
  secrets: string[];
  /** What was created, for the assertions. */
  roles: number;
  users: number;
  keys: { user: string; active: boolean }[];
}

interface RoleSpec {
  name: string;
  path?: string;
  trust: string;
  inline?: [string, string][];
  attach?: string[];
  tags?: Record<string, string>;
}

/** Builds the estate through `client` (an IAMClient pointed at moto). */
export async function buildAwsEstate(client: IAMClient): Promise<BuiltAwsEstate> {
  const sdk = await import('@aws-sdk/client-iam');

  // Customer policies: app-artifacts has three versions, v2 the default; v3 (wider) is not.
  const artifacts = `arn:aws:iam::${A}:policy/app-artifacts`;
  await client.send(
    new sdk.CreatePolicyCommand({ PolicyName: 'app-artifacts', PolicyDocument: doc(allow('s3:*', '*')) }),
  );
  await client.send(
    new sdk.CreatePolicyVersionCommand({
      PolicyArn: artifacts,
      PolicyDocument: doc(allow(['s3:GetObject', 's3:PutObject'], 'arn:aws:s3:::acme-artifacts/*')),
      SetAsDefault: true,
    }),
  );
  await client.send(
    new sdk.CreatePolicyVersionCommand({
      PolicyArn: artifacts,
      PolicyDocument: doc(allow('s3:*', 'arn:aws:s3:::*')),
      SetAsDefault: false,
    }),
  );
  const guarded = `arn:aws:iam::${A}:policy/guarded-tables`;
  await client.send(
    new sdk.CreatePolicyCommand({
      PolicyName: 'guarded-tables',
      PolicyDocument: doc(allow(['dynamodb:GetItem', 'dynamodb:Query'], `arn:aws:dynamodb:eu-west-1:${A}:table/*`), {
        Effect: 'Deny',
        Action: 'dynamodb:*',
        Resource: `arn:aws:dynamodb:eu-west-1:${A}:table/secrets`,
      }),
    }),
  );
  const allButIam = `arn:aws:iam::${A}:policy/all-but-iam`;
  await client.send(
    new sdk.CreatePolicyCommand({
      PolicyName: 'all-but-iam',
      PolicyDocument: doc({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }),
    }),
  );
  const s3ReadOnly = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';

  const roles: RoleSpec[] = [];
  for (let i = 0; i < 10; i++)
    roles.push({
      name: `gh-deploy-${two(i)}`,
      trust: doc(
        web(GH, 'sts.amazonaws.com', [
          `repo:acme/svc-${two(i)}:environment:prod`,
          `repo:acme/svc-${two(i)}:ref:refs/heads/main`,
        ]),
      ),
      inline: [
        [
          'deploy',
          doc(
            allow(
              ['lambda:UpdateFunctionCode', 'lambda:GetFunction'],
              `arn:aws:lambda:eu-west-1:${A}:function:svc-${two(i)}`,
            ),
          ),
        ],
      ],
      attach: i % 2 === 0 ? [artifacts] : [],
      tags: { team: i < 5 ? 'payments' : 'platform', owner: `dev${i}@acme.example` },
    });
  for (let i = 0; i < 8; i++)
    roles.push({
      name: `eks-svc-${two(i)}`,
      path: '/workloads/',
      trust: doc(web(ESTATE_EKS_ISSUER, 'sts.amazonaws.com', `system:serviceaccount:apps:svc-${two(i)}`)),
      inline: [
        [
          'queue',
          doc(
            allow('sqs:SendMessage', `arn:aws:sqs:eu-west-1:${A}:svc-${two(i)}`, {
              Bool: { 'aws:SecureTransport': 'true' },
            }),
          ),
        ],
      ],
      tags: { team: 'platform' },
    });
  for (let i = 0; i < 4; i++)
    roles.push({
      name: `fn-${two(i)}`,
      path: '/service-role/',
      trust: doc({
        Effect: 'Allow',
        Principal: { Service: 'lambda.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: {
          StringEquals: { 'aws:SourceAccount': A },
          ArnLike: { 'aws:SourceArn': `arn:aws:lambda:eu-west-1:${A}:function:fn-${two(i)}` },
        },
      }),
      inline: [
        [
          'logs',
          doc(
            allow(
              ['logs:CreateLogStream', 'logs:PutLogEvents'],
              `arn:aws:logs:eu-west-1:${A}:log-group:/aws/lambda/fn-${two(i)}:*`,
            ),
          ),
        ],
      ],
    });
  for (let i = 0; i < 2; i++)
    roles.push({
      name: `ec2-worker-${two(i)}`,
      trust: doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }),
      attach: [s3ReadOnly],
    });
  for (let i = 0; i < 4; i++)
    roles.push({
      name: `partner-read-${two(i)}`,
      trust: doc({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ESTATE_PARTNER}:root` },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': ESTATE_EXTERNAL_ID } },
      }),
      inline: [['reports', doc(allow('s3:GetObject', `arn:aws:s3:::acme-reports/partner-${two(i)}/*`))]],
    });
  for (let i = 0; i < 3; i++)
    roles.push({
      name: `gitlab-${two(i)}`,
      trust: doc(
        web(ESTATE_GITLAB, `https://${ESTATE_GITLAB}`, `project_path:acme/tool-${two(i)}:ref_type:branch:ref:*`, true),
      ),
      attach: [guarded],
    });
  for (let i = 0; i < 2; i++)
    roles.push({
      name: `device-${two(i)}`,
      trust: doc({
        Effect: 'Allow',
        Principal: { Service: 'rolesanywhere.amazonaws.com' },
        Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
        Condition: {
          StringEquals: { 'aws:PrincipalTag/x509Subject/CN': `press-${two(i)}.plant.acme.example` },
          ArnEquals: { 'aws:SourceArn': ESTATE_ANCHOR },
        },
      }),
      inline: [['telemetry', doc(allow('iot:Publish', `arn:aws:iot:eu-west-1:${A}:topic/presses/${two(i)}/*`))]],
    });
  // Pod Identity: one role pinned to a service account by the session tags, one admitting any association.
  const pods = (Condition?: object) =>
    doc({
      Effect: 'Allow',
      Principal: { Service: 'pods.eks.amazonaws.com' },
      Action: ['sts:AssumeRole', 'sts:TagSession'],
      ...(Condition ? { Condition } : {}),
    });
  roles.push({
    name: 'checkout-api',
    trust: pods({
      StringEquals: {
        'aws:RequestTag/eks-cluster-name': 'acme-prod',
        'aws:RequestTag/kubernetes-namespace': 'checkout',
        'aws:RequestTag/kubernetes-service-account': 'api',
      },
    }),
    inline: [
      ['carts', doc(allow(['dynamodb:GetItem', 'dynamodb:PutItem'], `arn:aws:dynamodb:eu-west-1:${A}:table/carts`))],
    ],
  });
  roles.push({ name: 'any-pod', trust: pods(), attach: [s3ReadOnly] });
  roles.push({
    name: 'okta-readonly',
    trust: doc({
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::${A}:saml-provider/okta` },
      Action: 'sts:AssumeRoleWithSAML',
      Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
    }),
    attach: [s3ReadOnly],
  });
  roles.push({
    name: 'break-glass',
    trust: doc({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${A}:root` },
      Action: 'sts:AssumeRole',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    }),
    attach: [allButIam],
  });
  roles.push({
    name: 'AWSReservedSSO_Admin_0123456789abcdef',
    path: '/aws-reserved/sso.amazonaws.com/',
    trust: doc({
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::${A}:saml-provider/AWSSSO_0123456789abcdef_DO_NOT_DELETE` },
      Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
    }),
    attach: [s3ReadOnly],
  });

  for (const r of roles) {
    await client.send(
      new sdk.CreateRoleCommand({
        RoleName: r.name,
        Path: r.path ?? '/',
        AssumeRolePolicyDocument: r.trust,
        Tags: Object.entries(r.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
      }),
    );
    for (const [PolicyName, PolicyDocument] of r.inline ?? [])
      await client.send(new sdk.PutRolePolicyCommand({ RoleName: r.name, PolicyName, PolicyDocument }));
    for (const PolicyArn of r.attach ?? [])
      await client.send(new sdk.AttachRolePolicyCommand({ RoleName: r.name, PolicyArn }));
  }
  await client.send(new sdk.CreateServiceLinkedRoleCommand({ AWSServiceName: 'ecs.amazonaws.com' }));

  // Groups and users.
  await client.send(new sdk.CreateGroupCommand({ GroupName: 'deployers' }));
  await client.send(
    new sdk.PutGroupPolicyCommand({
      GroupName: 'deployers',
      PolicyName: 'describe',
      PolicyDocument: doc(allow(['ec2:DescribeInstances', 'ec2:DescribeImages'], '*')),
    }),
  );
  await client.send(new sdk.AttachGroupPolicyCommand({ GroupName: 'deployers', PolicyArn: artifacts }));
  await client.send(new sdk.CreateGroupCommand({ GroupName: 'readers' }));
  await client.send(new sdk.AttachGroupPolicyCommand({ GroupName: 'readers', PolicyArn: s3ReadOnly }));

  const secrets: string[] = [];
  const keys: { user: string; active: boolean }[] = [];
  const users = 12;
  for (let i = 0; i < users; i++) {
    const name = `svc-user-${two(i)}`;
    await client.send(
      new sdk.CreateUserCommand({
        UserName: name,
        Path: i < 6 ? '/' : '/legacy/',
        Tags: [{ Key: 'owner', Value: `ops${i}@acme.example` }],
      }),
    );
    await client.send(
      new sdk.PutUserPolicyCommand({
        UserName: name,
        PolicyName: 'own-bucket',
        PolicyDocument: doc(allow(['s3:GetObject', 's3:PutObject'], `arn:aws:s3:::acme-${name}/*`)),
      }),
    );
    if (i % 3 === 0) await client.send(new sdk.AddUserToGroupCommand({ GroupName: 'deployers', UserName: name }));
    if (i % 4 === 1) await client.send(new sdk.AddUserToGroupCommand({ GroupName: 'readers', UserName: name }));
    if (i === 11) await client.send(new sdk.AttachUserPolicyCommand({ UserName: name, PolicyArn: allButIam }));
    // 16 keys: users 0-3 hold two (the second inactive), users 4-11 one.
    for (let k = 0; k < (i < 4 ? 2 : 1); k++) {
      const out = await client.send(new sdk.CreateAccessKeyCommand({ UserName: name }));
      secrets.push(out.AccessKey!.AccessKeyId!, out.AccessKey!.SecretAccessKey!);
      const active = k === 0;
      if (!active)
        await client.send(
          new sdk.UpdateAccessKeyCommand({
            UserName: name,
            AccessKeyId: out.AccessKey!.AccessKeyId!,
            Status: 'Inactive',
          }),
        );
      keys.push({ user: name, active });
    }
  }
  return { secrets, roles: roles.length + 1, users, keys };
}

/** An IAMClient on moto's loopback address with moto's fake credentials. */
export async function motoIamClient(address: string): Promise<IAMClient> {
  const sdk = await import('@aws-sdk/client-iam');
  return new sdk.IAMClient({
    region: 'us-east-1',
    endpoint: address,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
  });
}

/** The environment fetchAwsEstate reads to reach moto (as a user would set it for any endpoint). */
export function motoEnv(address: string): NodeJS.ProcessEnv {
  return {
    AWS_ENDPOINT_URL_IAM: address,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
  };
}

/**
 * moto_server with AWS's managed policies loaded (off by default in moto: MOTO_IAM_LOAD_MANAGED_POLICIES),
 * so roles can attach arn:aws:iam::aws:policy/… as in a real account.
 */
export async function startMotoWithManagedPolicies(bin: string): Promise<Peer> {
  const before = process.env.MOTO_IAM_LOAD_MANAGED_POLICIES;
  process.env.MOTO_IAM_LOAD_MANAGED_POLICIES = 'true';
  try {
    return await startMoto(bin);
  } finally {
    if (before === undefined) delete process.env.MOTO_IAM_LOAD_MANAGED_POLICIES;
    else process.env.MOTO_IAM_LOAD_MANAGED_POLICIES = before;
  }
}

/** What mutateAwsEstate changed, for the drift assertions. */
export interface AwsEstateMutation {
  /** gh-deploy-00: its inline policy `deploy` edited "in the console" to also allow s3:DeleteObject. */
  changed: string;
  /** A role nobody declared: a shadow identity (orphan). */
  orphan: string;
  /** The user whose only access key was deleted. */
  keyDeletedFrom: string;
}

/** The edits drift must see: a console edit, a new orphan role, a deleted access key. */
export async function mutateAwsEstate(client: IAMClient): Promise<AwsEstateMutation> {
  const sdk = await import('@aws-sdk/client-iam');
  await client.send(
    new sdk.PutRolePolicyCommand({
      RoleName: 'gh-deploy-00',
      PolicyName: 'deploy',
      PolicyDocument: doc(
        allow(['lambda:UpdateFunctionCode', 'lambda:GetFunction'], `arn:aws:lambda:eu-west-1:${A}:function:svc-00`),
        allow('s3:DeleteObject', 'arn:aws:s3:::acme-artifacts/*'),
      ),
    }),
  );
  await client.send(
    new sdk.CreateRoleCommand({
      RoleName: 'shadow-admin',
      AssumeRolePolicyDocument: doc({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${A}:root` },
        Action: 'sts:AssumeRole',
      }),
    }),
  );
  await client.send(
    new sdk.AttachRolePolicyCommand({
      RoleName: 'shadow-admin',
      PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
    }),
  );
  const user = 'svc-user-04';
  const keys = await client.send(new sdk.ListAccessKeysCommand({ UserName: user }));
  for (const k of keys.AccessKeyMetadata ?? [])
    await client.send(new sdk.DeleteAccessKeyCommand({ UserName: user, AccessKeyId: k.AccessKeyId! }));
  return {
    changed: `arn:aws:iam::${A}:role/gh-deploy-00`,
    orphan: `arn:aws:iam::${A}:role/shadow-admin`,
    keyDeletedFrom: `arn:aws:iam::${A}:user/${user}`,
  };
}
