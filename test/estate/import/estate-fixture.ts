// A hand-made AWS estate for the import tests: a role with origins from several policies, a trust to
// a partner with an external id, a statement a manifest cannot express, a user with keys, a role
// nothing places, and a service-linked role.

import type { Estate, EstateIdentity } from '../../../src/features/estate/types.js';

export const ACCOUNT = '123456789012';
export const NOW = Date.parse('2026-12-03T10:00:00Z');
const role = (path: string, name: string) => `arn:aws:iam::${ACCOUNT}:role${path}${name}`;

export const reader: EstateIdentity = {
  target: 'aws',
  id: role('/app/', 'Settlement_Reader'),
  name: 'Settlement_Reader',
  labels: { Team: 'payments', owner: 'alice@acme.example', successor: 'bob@acme.example', type: 'pipeline' },
  access: {
    aws: {
      account: ACCOUNT,
      principal: 'role',
      trust: { account: { id: '444455556666', externalId: 'ext-7f3a-partner' } },
      permissions: [
        { actions: ['s3:GetObject'], resources: ['arn:aws:s3:::bank-drop/*'] },
        { actions: ['s3:ListBucket'], resources: ['arn:aws:s3:::bank-drop'] },
        {
          actions: ['kms:Decrypt'],
          resources: ['*'],
          conditions: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } },
        },
      ],
    },
  },
  notExpressible: [
    {
      source: 'inline policy deny-delete',
      statement: '{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}',
      reason: 'a Deny has no manifest field',
    },
    {
      source: 'trust policy',
      statement:
        '{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Condition":{"StringEquals":' +
        '{"sts:ExternalId":"ext-7f3a-partner"}},"Action":"sts:AssumeRole","Extra":1}',
      reason: 'an unsupported condition key',
    },
  ],
  origins: [
    { path: ['aws', 'permissions', 0], from: 'inline policy s3-access' },
    { path: ['aws', 'permissions', 1], from: 'inline policy s3-access' },
    { path: ['aws', 'permissions', 2], from: 'managed policy arn:aws:iam::123456789012:policy/kms-use (v3)' },
    { path: ['aws', 'trust'], from: 'trust policy' },
  ],
  live: {
    path: '/app/',
    maxSessionDuration: 3600,
    inlinePolicies: ['deny-delete', 's3-access'],
    managedPolicies: ['arn:aws:iam::123456789012:policy/kms-use'],
  },
};

export const user: EstateIdentity = {
  target: 'aws',
  id: `arn:aws:iam::${ACCOUNT}:user/legacy.uploader`,
  name: 'legacy.uploader',
  labels: { owner: 'not-an-email' },
  access: {
    aws: {
      account: ACCOUNT,
      principal: 'user',
      permissions: [{ actions: ['s3:PutObject'], resources: ['arn:aws:s3:::drop/*'] }],
    },
  },
  notExpressible: [],
  origins: [{ path: ['aws', 'permissions', 0], from: 'group uploaders' }],
  live: { path: '/', groups: ['uploaders'] },
};

export const serviceLinked: EstateIdentity = {
  target: 'aws',
  id: role('/aws-service-role/', 'AWSServiceRoleForSupport'),
  name: 'AWSServiceRoleForSupport',
  labels: {},
  access: { aws: { account: ACCOUNT, principal: 'role' } },
  notExpressible: [],
  origins: [],
  skip: 'a service-linked role: AWS owns it',
};

export function estate(identities: EstateIdentity[] = [reader, user, serviceLinked]): Estate {
  return {
    target: 'aws',
    scope: ACCOUNT,
    identities,
    keys: [
      { user: user.id, userName: user.name, keyId: 'AKIA…WXYZ', status: 'Active', created: '2024-01-02T00:00:00Z' },
    ],
    org: { trustedAccounts: { '444455556666': { name: 'account 444455556666', thirdParty: true } } },
    warnings: [],
  };
}
