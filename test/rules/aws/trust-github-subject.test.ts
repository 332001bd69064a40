import { edit, IDENTITY, ruleTable } from '../harness.js';
import { at, K8S_TRUST } from './fixture.js';

const github = (fields: string): string =>
  edit(IDENTITY, K8S_TRUST, `        github: { repository: acme/shop${fields} }\n`);

ruleTable('aws/trust-github-subject', {
  good: [
    { name: 'an environment', files: { [at]: github(', environment: production') } },
    { name: 'a ref', files: { [at]: github(', ref: refs/heads/main') } },
    { name: 'pull requests', files: { [at]: github(', pullRequest: true') } },
    {
      name: 'pullRequest: false does not count as a subject',
      files: { [at]: github(', environment: production, pullRequest: false') },
    },
    { name: 'a Kubernetes trust', files: { [at]: IDENTITY } },
    { name: 'a tombstone is skipped', files: { [at]: `${github('')}  status: decommissioned\n` } },
  ],
  bad: [
    {
      name: 'no subject',
      files: { [at]: github('') },
      expect: [
        {
          line: 21,
          column: 9,
          messageId: 'noSubject',
          message: /^GitHub trust of "acme\/shop" pins no subject: any workflow of the repository/,
        },
      ],
    },
    {
      name: 'pullRequest: false only',
      files: { [at]: github(', pullRequest: false') },
      expect: [{ line: 21, column: 9, messageId: 'noSubject', message: /pins no subject/ }],
    },
    {
      name: 'an environment and a ref',
      files: { [at]: github(', environment: production, ref: refs/heads/main') },
      expect: [
        {
          line: 21,
          column: 9,
          messageId: 'severalSubjects',
          message: /pins environment and ref; a token's sub claim holds only one/,
        },
      ],
    },
  ],
});
