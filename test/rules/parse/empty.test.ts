import { IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';

ruleTable('parse/empty', {
  good: [
    { name: 'a clean manifest', files: { [at]: IDENTITY } },
    {
      name: 'comments before the manifest',
      files: {
        [at]:
          `# yaml-language-server: $schema=../../schema/machine-identity.schema.json\n# owned by ` +
          `payments\n${IDENTITY}`,
      },
    },
    { name: 'a tombstone is not empty', files: { [at]: `${IDENTITY}  status: decommissioned\n` } },
  ],
  bad: [
    {
      name: 'zero bytes',
      files: { [at]: '' },
      expect: [
        {
          line: 1,
          column: 1,
          messageId: 'noManifest',
          message: new RegExp(
            String.raw`^file holds no manifest \(it is empty or only comments\); delete the file to rem` +
              String.raw`ove an identity, or set status: decommissioned`,
          ),
        },
      ],
    },
    {
      name: 'only comments',
      files: { [at]: '# nothing here\n# yet\n' },
      expect: [{ line: 1, column: 1, messageId: 'noManifest' }],
    },
    { name: 'only blank lines', files: { [at]: '  \n\n' }, expect: [{ line: 1, column: 1, messageId: 'noManifest' }] },
    {
      name: 'only a document marker',
      files: { [at]: '---\n' },
      expect: [{ line: 1, column: 1, messageId: 'noManifest' }],
    },
    {
      name: 'a document marker and a comment',
      files: { [at]: '--- # emptied in this PR\n...\n' },
      expect: [{ line: 1, column: 1, messageId: 'noManifest' }],
    },
    // org.yaml gets org advice, not tombstone advice (issue 13).
    {
      name: 'an empty org.yaml',
      files: { 'identities/org.yaml': '', [at]: IDENTITY },
      expect: [
        {
          file: 'identities/org.yaml',
          line: 1,
          column: 1,
          messageId: 'noOrganization',
          message: new RegExp(
            String.raw`^identities\/org\.yaml holds no Organization \(it is empty or only comments\), s` +
              String.raw`o no identity has a team, owner or boundary to be checked against: write apiVers` +
              String.raw`ion: idac\/v1, kind: Organization and spec\.teams with each team's members \(and` +
              String.raw` spec\.securityOwners, who approve exceptions\)$`,
          ),
        },
      ],
    },
    {
      name: 'an org.yaml of comments only',
      files: { 'identities/org.yaml': '# teams: TODO\n', [at]: IDENTITY },
      expect: [
        {
          file: 'identities/org.yaml',
          line: 1,
          column: 1,
          messageId: 'noOrganization',
          message: /^identities\/org\.yaml holds no Organization/,
        },
      ],
    },
  ],
});
