// The federation shapes of SPEC §2 through the schema: every trust kind as one object or a list, and
// the Vault jwt/aws/cert blocks, load clean when written right; a misspelled key in any of them is an
// unknown key at its line, with the key it was meant to be (a typo must never drop a pin silently).
import { fed, trusting, vaulting } from '../federation.js';
import { expect, it } from 'vitest';
import { ruleTable, run } from '../harness.js';

const TRUSTS = [
  'service: { principal: lambda.amazonaws.com, sourceArn: "arn:aws:lambda:eu-west-1:123456789012:function:app" }',
  'eksPodIdentity: [{ cluster: prod-eu, namespace: payments, serviceAccount: app }]',
  'account: { id: "210987654321", role: partner-sync, externalId: "k3y-from-partner" }',
  'oidc: [{ provider: gitlab, audience: "https://gitlab.example.com", ' +
    'subject: "project_path:acme/app:ref_type:branch:ref:main" }]',
  'rolesAnywhere: { trustAnchor: factory-ca, commonName: app.payments.svc.cluster.local, sessionDuration: 1h }',
];

it('the good rows load without any schema finding', async () => {
  for (const files of [
    fed(trusting(...TRUSTS)),
    fed(vaulting('auth: jwt', 'jwt: { mount: jwt-gitlab, audience: aud }')),
  ])
    expect((await run({ name: 'x', files })).filter((f) => f.rule.startsWith('schema/'))).toEqual([]);
});

ruleTable('schema/unknown-key', {
  good: [
    { name: 'every new trust kind, objects and lists', files: fed(trusting(...TRUSTS)) },
    {
      name: 'Vault jwt with a list claim and a user claim',
      files: fed(
        vaulting(
          'auth: jwt',
          'jwt: { mount: jwt-gitlab, audience: "https://vault.example.com", userClaim: sub,',
          '       claims: { project_path: acme/app, ref: [main, release] } }',
        ),
      ),
    },
  ],
  bad: [
    {
      name: 'sourceARN in a service trust',
      files: fed(trusting('service: { principal: lambda.amazonaws.com, sourceARN: "arn:aws:lambda:::x" }')),
      expect: [{ line: 21, column: 53, messageId: 'unknownKey', message: /did you mean "sourceArn"\?$/ }],
    },
    {
      name: 'serviceAcount in a Pod Identity list entry',
      files: fed(trusting('eksPodIdentity:', '  - { cluster: prod-eu, namespace: payments, serviceAcount: app }')),
      expect: [
        {
          line: 22,
          column: 54,
          messageId: 'unknownKey',
          message: /^unknown key "serviceAcount" in spec\.access\.aws\.trust\.eksPodIdentity\[0\]; did you mean/,
        },
      ],
    },
    {
      name: 'externalID in an account trust',
      files: fed(trusting('account: { id: "210987654321", externalID: "k3y" }')),
      expect: [{ line: 21, column: 40, messageId: 'unknownKey', message: /did you mean "externalId"\?$/ }],
    },
    {
      name: 'sub in an OIDC trust',
      files: fed(
        trusting('oidc: { provider: gitlab, audience: aud, sub: "project_path:acme/app:ref_type:branch:ref:main" }'),
      ),
      expect: [{ line: 21, column: 50, messageId: 'unknownKey' }],
    },
    {
      name: 'cn in a Roles Anywhere trust',
      files: fed(trusting('rolesAnywhere: { trustAnchor: factory-ca, cn: app.example.com }')),
      expect: [{ line: 21, column: 51, messageId: 'unknownKey' }],
    },
    {
      name: 'claim in a Vault jwt block',
      files: fed(vaulting('auth: jwt', 'jwt: { mount: jwt-gitlab, audience: aud, claim: { ref: main } }')),
      expect: [{ line: 27, column: 48, messageId: 'unknownKey', message: /did you mean "claims"\?$/ }],
    },
    {
      name: 'authority in a Vault cert block',
      files: fed(vaulting('auth: cert', 'cert: { mount: cert, authority: factory-ca }')),
      expect: [{ line: 27, column: 28, messageId: 'unknownKey' }],
    },
  ],
});
