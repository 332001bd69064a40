import { ruleTable } from '../harness.js';
import { fed, vaulting } from '../federation.js';

const jwt = (mount: string): string =>
  vaulting('auth: jwt', `jwt: { mount: ${mount}, audience: v, claims: { project_path: acme/ledger, ref: main } }`);

ruleTable('vault/auth-mount', {
  good: [
    { name: 'a declared jwt mount', files: fed(jwt('jwt-gitlab')) },
    { name: 'a declared cert mount', files: fed(vaulting('auth: cert', 'cert: { mount: cert, ca: factory-ca }')) },
    {
      name: "an unused block is vault/auth-config's",
      files: fed(vaulting('auth: kubernetes', 'aws: { mount: nope }')),
    },
  ],
  bad: [
    {
      name: 'a typo',
      files: fed(jwt('jwt-gitlub')),
      expect: [
        {
          line: 27,
          column: 21,
          messageId: 'undeclared',
          message: /^Vault auth mount "jwt-gitlub" is not declared in org\.yaml .*; did you mean jwt-gitlab\?$/,
        },
      ],
    },
    {
      name: 'a mount of another method',
      files: fed(vaulting('auth: aws', 'aws: { mount: jwt-gitlab }')),
      expect: [
        {
          line: 27,
          column: 21,
          messageId: 'otherMethod',
          message: /is a jwt auth method \(org\.yaml targets\.vault\.auth\), not aws$/,
        },
      ],
    },
  ],
});
