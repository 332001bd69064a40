// Trust statements the AWS reader cannot express, as both estate tests (the fixture export and the
// moto estate) hold them, in the compact JSON a report carries.

/** Pod Identity without the session-tag conditions: any association naming the role. */
export const ANY_POD_TRUST = JSON.stringify({
  Effect: 'Allow',
  Principal: { Service: 'pods.eks.amazonaws.com' },
  Action: ['sts:AssumeRole', 'sts:TagSession'],
});

/** The account's own root, with MFA required: a condition no manifest field holds. */
export const mfaRootTrust = (account: string): string =>
  JSON.stringify({
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${account}:root` },
    Action: 'sts:AssumeRole',
    Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
  });

/** SAML federation through the provider `okta`. */
export const oktaSamlTrust = (account: string): string =>
  JSON.stringify({
    Effect: 'Allow',
    Principal: { Federated: `arn:aws:iam::${account}:saml-provider/okta` },
    Action: 'sts:AssumeRoleWithSAML',
    Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
  });
