import { FED_ORG, trusting } from '../federation.js';
import { ruleTable } from '../harness.js';
import { at, tombstone } from './fixture.js';

/** n GitLab subjects of one project, each a pipeline on its own branch. */
const subjects = (n: number): string[] => [
  'oidc:',
  ...Array.from(
    { length: n },
    (_, i) =>
      `  - { provider: gitlab, audience: "https://gitlab.example.com", ` +
      `subject: "project_path:acme/ledger:ref_type:branch:ref:release-${i}" }`,
  ),
];

ruleTable('aws/trust-policy-size', {
  good: [
    { name: 'one trust', files: { 'identities/org.yaml': FED_ORG, [at]: trusting(...subjects(1)) } },
    // Each of these statements is about 318 characters: six and the envelope fit in 2,048, seven do not.
    { name: 'six subjects', files: { 'identities/org.yaml': FED_ORG, [at]: trusting(...subjects(6)) } },
    {
      name: 'a decommissioned identity has no role',
      files: { 'identities/org.yaml': FED_ORG, [at]: tombstone(trusting(...subjects(20))) },
    },
  ],
  bad: [
    {
      name: 'seven subjects',
      files: { 'identities/org.yaml': FED_ORG, [at]: trusting(...subjects(7)) },
      expect: [{ line: 20, column: 7, messageId: 'tooLarge', message: /is 2236 characters for 7 trust entries/ }],
    },
    {
      name: 'twenty subjects',
      files: { 'identities/org.yaml': FED_ORG, [at]: trusting(...subjects(20)) },
      expect: [
        {
          line: 20,
          column: 7,
          messageId: 'tooLarge',
          message: /^the compiled trust policy is \d{4} characters for 20 trust entries, over the IAM quota of 2048/,
        },
      ],
    },
  ],
});
