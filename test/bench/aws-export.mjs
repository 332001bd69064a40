// A synthetic `aws iam get-account-authorization-details` export for the import bench: n roles in
// one account, deterministic for a given n, mixing the trust kinds (GitHub, EKS, a service, a partner
// account, another OIDC issuer), inline policies and a few shared customer-managed policies (several
// versions, one default), printed as two pages the way a paged read leaves them. About 1 % of the roles
// carry a Deny, so the not-expressible path is measured too.

const ACCOUNT = '123456789012';
const GH = 'token.actions.githubusercontent.com';
const EKS = 'oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE0123456789ABCDEF01234567';
const doc = (...Statement) => ({ Version: '2012-10-17', Statement });
const allow = (Action, Resource) => ({ Effect: 'Allow', Action, Resource });
const web = (host, aud, sub) => ({
  Effect: 'Allow',
  Principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/${host}` },
  Action: 'sts:AssumeRoleWithWebIdentity',
  Condition: { StringEquals: { [`${host}:aud`]: aud, [`${host}:sub`]: sub } },
});

function trust(i) {
  const name = `svc-${String(i).padStart(5, '0')}`;
  switch (i % 5) {
    case 0:
      return doc(
        web(GH, 'sts.amazonaws.com', [`repo:acme/${name}:environment:prod`, `repo:acme/${name}:ref:refs/heads/main`]),
      );
    case 1:
      return doc(web(EKS, 'sts.amazonaws.com', `system:serviceaccount:team-${i % 40}:${name}`));
    case 2:
      return doc({
        Effect: 'Allow',
        Principal: { Service: 'lambda.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { ArnLike: { 'aws:SourceArn': `arn:aws:lambda:eu-west-1:${ACCOUNT}:function:${name}` } },
      });
    case 3:
      return doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 'sts:AssumeRole' });
    default:
      return doc(
        web('gitlab.acme.example', 'https://gitlab.acme.example', `project_path:acme/${name}:ref_type:branch:ref:main`),
      );
  }
}

/** The export text for n roles. */
export function generateAwsExport(n) {
  const policies = Array.from({ length: 10 }, (_, p) => ({
    PolicyName: `shared-${p}`,
    Arn: `arn:aws:iam::${ACCOUNT}:policy/shared-${p}`,
    Path: '/',
    DefaultVersionId: 'v2',
    PolicyVersionList: [
      { VersionId: 'v1', IsDefaultVersion: false, Document: doc(allow('s3:*', '*')) },
      {
        VersionId: 'v2',
        IsDefaultVersion: true,
        Document: doc(
          allow(['s3:GetObject', 's3:ListBucket'], [`arn:aws:s3:::shared-${p}`, `arn:aws:s3:::shared-${p}/*`]),
        ),
      },
    ],
  }));
  const roles = Array.from({ length: n }, (_, i) => {
    const name = `svc-${String(i).padStart(5, '0')}`;
    const statements = [
      allow(['sqs:SendMessage', 'sqs:ReceiveMessage', 'sqs:DeleteMessage'], `arn:aws:sqs:eu-west-1:${ACCOUNT}:${name}`),
      allow(
        ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
        `arn:aws:dynamodb:eu-west-1:${ACCOUNT}:table/${name}`,
      ),
    ];
    if (i % 100 === 7) statements.push({ Effect: 'Deny', Action: 'dynamodb:DeleteTable', Resource: '*' });
    return {
      Path: i % 3 === 0 ? '/workloads/' : '/',
      RoleName: name,
      RoleId: `AROA${String(i).padStart(17, '0')}`,
      Arn: `arn:aws:iam::${ACCOUNT}:role${i % 3 === 0 ? '/workloads/' : '/'}${name}`,
      CreateDate: '2025-01-01T00:00:00+00:00',
      AssumeRolePolicyDocument: trust(i),
      RolePolicyList: [{ PolicyName: 'app', PolicyDocument: doc(...statements) }],
      AttachedManagedPolicies: [
        { PolicyName: `shared-${i % 10}`, PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/shared-${i % 10}` },
      ],
      Tags: [
        { Key: 'team', Value: `team-${i % 40}` },
        { Key: 'owner', Value: `owner${i % 40}@example.com` },
      ],
      InstanceProfileList: [],
      RoleLastUsed: {},
    };
  });
  const half = Math.ceil(n / 2);
  const page = (list, more) => ({
    UserDetailList: [],
    GroupDetailList: [],
    RoleDetailList: list,
    Policies: more ? [] : policies,
    IsTruncated: more,
  });
  const first = JSON.stringify(page(roles.slice(0, half), true), null, 4);
  return `${first}\n${JSON.stringify(page(roles.slice(half), false), null, 4)}\n`;
}
