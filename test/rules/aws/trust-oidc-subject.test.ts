import { ruleTable } from '../harness.js';
import { fed, trusting } from '../federation.js';

const oidc = (subject: string): string =>
  trusting(`oidc: { provider: gitlab, audience: "https://gitlab.example.com"${subject} }`);

ruleTable('aws/trust-oidc-subject', {
  good: [
    { name: 'an exact subject', files: fed(oidc(', subject: "project_path:acme/ledger:ref_type:branch:ref:main"')) },
    {
      name: 'a pattern in the last value',
      files: fed(oidc(', subject: "project_path:acme/ledger:ref_type:branch:ref:release-*"')),
    },
    {
      name: 'Terraform Cloud: a pattern in the run phase of an exact workspace',
      files: fed(oidc(', subject: "organization:acme:project:core:workspace:ledger:run_phase:appl?"')),
    },
    { name: 'a user has no trust', files: fed(oidc('').replace('principal: role', 'principal: user')) },
  ],
  bad: [
    {
      name: 'no subject',
      files: fed(oidc('')),
      expect: [
        {
          line: 21,
          column: 9,
          messageId: 'noSubject',
          message:
            /^OIDC trust through gitlab pins no subject: every token .* audience "https:\/\/gitlab\.example\.com"/,
        },
      ],
    },
    {
      name: 'a wildcard over the project, namespace or path, or a value of wildcards only, in a list',
      files: fed(
        trusting(
          'oidc:',
          '  - { provider: gitlab, audience: aud, subject: "project_path:acme/*:ref_type:branch:ref:main" }',
          '  - { provider: gitlab, audience: aud, subject: "project_path:acme/ledger:ref_type:branch:ref:*" }',
          '  - { provider: gitlab, audience: aud, subject: "*" }',
          '  - { provider: gitlab, audience: aud, subject: "project_path:acme/*" }',
          '  - { provider: gitlab, audience: aud, subject: "system:serviceaccount:payments:*" }',
          '  - { provider: gitlab, audience: aud, subject: "org/acme/project/*" }',
        ),
      ),
      expect: [
        { line: 22, column: 57, messageId: 'broadSubject', message: /^OIDC subject "project_path:acme\/\*:ref_type/ },
        { line: 23, column: 57, messageId: 'broadSubject' },
        { line: 24, column: 57, messageId: 'broadSubject' },
        { line: 25, column: 57, messageId: 'broadSubject', message: /a wildcard over the project, repository/ },
        { line: 26, column: 57, messageId: 'broadSubject' },
        { line: 27, column: 57, messageId: 'broadSubject' },
      ],
    },
  ],
});
