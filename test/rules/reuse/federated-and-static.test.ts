import { IDENTITY, ruleTable } from '../harness.js';
import { fed, trusting, vaulting } from '../federation.js';
import { K8S_TRUST } from '../aws/fixture.js';

const approle = (text: string): string =>
  `${text}    vault:\n      auth: approle\n      paths:\n` +
  '        - path: kv/data/payments/app/*\n          capabilities: [read]\n' +
  '  rotation: { period: 30d }\n';

ruleTable('reuse/federated-and-static', {
  good: [
    { name: 'federated only', files: fed(vaulting('auth: kubernetes')) },
    { name: 'static only', files: fed(approle(IDENTITY.slice(0, IDENTITY.indexOf('    aws:\n')))) },
  ],
  bad: [
    {
      name: 'a role trusted by Lambda and an AppRole secret-id',
      files: fed(approle(trusting('service: { principal: lambda.amazonaws.com }'))),
      expect: [
        {
          line: 26,
          column: 13,
          messageId: 'vaultSecretId',
          message: /^the identity already logs in without a secret \(aws service\) yet also holds a Vault AppRole/,
        },
      ],
    },
    {
      name: 'access keys and Vault JWT login',
      files: fed(
        vaulting(
          'auth: jwt',
          'jwt: { mount: jwt-gitlab, audience: v, claims: { project_path: a/b, ref: main } }',
        ).replace(`      principal: role\n      trust:\n${K8S_TRUST}`, '      principal: user\n') +
          '  rotation: { period: 30d }\n',
      ),
      expect: [
        { line: 19, column: 18, messageId: 'awsAccessKeys', message: /\(vault jwt\) yet also holds AWS access keys/ },
      ],
    },
  ],
});
