import { IDENTITY, ruleTable } from '../harness.js';
import { fed, vaulting } from '../federation.js';

const JWT = 'jwt: { mount: jwt-gitlab, audience: v, claims: { project_path: acme/ledger, ref: main } }';

ruleTable('vault/auth-config', {
  good: [
    { name: 'jwt with its block', files: fed(vaulting('auth: jwt', JWT)) },
    { name: 'aws with a role', files: fed(vaulting('auth: aws', 'aws: { mount: aws }')) },
    { name: 'kubernetes needs no block', files: fed(vaulting('auth: kubernetes')) },
  ],
  bad: [
    {
      name: 'cert without its block, with a leftover jwt block',
      files: fed(vaulting('auth: cert', JWT)),
      expect: [
        {
          line: 26,
          column: 13,
          messageId: 'missingBlock',
          message: /^vault\.auth is cert but spec\.access\.vault\.cert is/,
        },
        {
          line: 27,
          column: 7,
          messageId: 'unusedBlock',
          message: /^spec\.access\.vault\.jwt is ignored: vault\.auth is cert;/,
        },
      ],
    },
    {
      name: 'aws auth without an AWS role',
      files: fed(
        vaulting('auth: aws', 'aws: { mount: aws }').replace(IDENTITY.slice(IDENTITY.indexOf('    aws:\n')), ''),
      ),
      expect: [{ line: 18, column: 13, messageId: 'awsNeedsRole' }],
    },
  ],
});
