import { ruleTable } from '../harness.js';
import { ACTIVE, at, BASE, cert, elevated, status, vault } from './fixture.js';

ruleTable('vault/no-auth-role-write', {
  good: [
    {
      name: 'its own secret-id (the approle login flow)',
      files: { [at]: vault(['auth/approle/role/app/secret-id', 'update'], ['auth/approle/login', 'update']) },
    },
    {
      name: 'reading roles',
      files: { [at]: vault(['auth/approle/role/*', 'read, list'], ['auth/approle/role/app/role-id', 'read']) },
    },
    {
      name: "secret-id endpoints of other roles are vault/no-foreign-secret-id's",
      files: {
        [at]: vault(
          ['auth/approle/role/+/secret-id', 'update'],
          ['auth/approle/role/+/custom-secret-id', 'update'],
          ['auth/approle/role/+/secret-id-accessor/destroy', 'update'],
          ['auth/approle/role/+/secret-id/lookup', 'update'],
        ),
      },
    },
    { name: "token roles are vault/no-token-roles-write's", files: { [at]: vault(['auth/token/roles/*', 'update']) } },
    { name: "the identity's own certificate", files: { [at]: cert('auth/approle/role/x') } },
    { name: 'reading a JWT method config', files: { [at]: vault(['auth/jwt-gitlab/config', 'read']) } },
    { name: 'logging in with a certificate', files: { [at]: vault(['auth/cert/login', 'update']) } },
    {
      name: 'an elevation outside its window',
      files: { [at]: elevated(vault(BASE), ['auth/kubernetes/role/*', 'update']) },
    },
    { name: 'a tombstone', files: { [at]: status(vault(['auth/approle/role/*', 'update']), 'decommissioned') } },
  ],
  bad: [
    {
      name: 'every AppRole role',
      files: { [at]: vault(['auth/approle/role/*', 'update']) },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'roleWrite',
          message: new RegExp(
            String.raw`Vault path "auth\/approle\/role\/\*" grants update on auth method roles: it can change ` +
              String.raw`a role's token_policies or bound names`,
          ),
        },
      ],
    },
    {
      name: 'its own Kubernetes role',
      files: { [at]: vault(BASE, ['auth/kubernetes/role/app', 'update']) },
      expect: [{ line: 30, column: 17, messageId: 'roleWrite' }],
    },
    {
      name: 'a JWT role',
      files: { [at]: vault(['auth/jwt/role/deploy', 'create']) },
      expect: [{ line: 28, column: 17, messageId: 'roleWrite' }],
    },
    {
      name: 'roles on every auth mount',
      files: { [at]: vault(['auth/+/role/*', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'roleWrite' }],
    },
    {
      name: 'a nested auth mount',
      files: { [at]: vault(['auth/kubernetes/prod-eu/role/x', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'roleWrite' }],
    },
    {
      name: 'a role setting whose name starts with secret-id',
      files: { [at]: vault(['auth/approle/role/other/secret-id-ttl', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'roleWrite' }],
    },
    {
      name: "a prefix over a role's settings and its secret-ids",
      files: { [at]: vault(['auth/approle/role/app/s*', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'roleWrite' }],
    },
    {
      name: 'everything below auth/',
      files: { [at]: vault(['auth/*', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'roleWrite' }],
    },
    {
      name: 'the roles of a TLS certificate auth method',
      files: { [at]: vault(['auth/cert/certs/*', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'roleWrite' }],
    },
    {
      name: 'the roles of a JWT auth method on a nested mount',
      files: { [at]: vault(['auth/jwt/gitlab/role/+', 'create']) },
      expect: [{ line: 28, column: 17, messageId: 'roleWrite' }],
    },
    {
      name: "a JWT method's keys and bound issuer",
      files: { [at]: vault(['auth/jwt-gitlab/config', 'update']) },
      expect: [
        {
          line: 28,
          column: 17,
          messageId: 'configWrite',
          message: /^Vault path "auth\/jwt-gitlab\/config" grants update on auth method configuration/,
        },
      ],
    },
    {
      name: "an AWS method's client settings",
      files: { [at]: vault(['auth/aws/config/client', 'update']) },
      expect: [{ line: 28, column: 17, messageId: 'configWrite' }],
    },
    {
      name: 'an active elevation',
      now: ACTIVE,
      files: { [at]: elevated(vault(BASE), ['auth/kubernetes/role/*', 'update']) },
      expect: [{ line: 38, column: 21, messageId: 'roleWrite' }],
    },
    {
      name: 'a suspended identity is still checked',
      files: { [at]: status(vault(['auth/approle/role/*', 'update']), 'suspended') },
      expect: [{ line: 29, column: 17, messageId: 'roleWrite' }],
    },
  ],
});
