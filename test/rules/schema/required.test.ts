import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const without = (text: string) => edit(IDENTITY, text, '');

ruleTable('schema/required', {
  good: [
    // Owner and successor are required by rules (stewardship/owner-required…), so an imported file loads (SPEC §2).
    { name: 'no owner: the schema lets it load', files: { [at]: without('    owner: alice@example.com\n') } },
    { name: 'a clean manifest', files: { [at]: IDENTITY } },
    {
      name: 'optional keys left out (review, criticality, status, rotation for a role)',
      files: { [at]: without('  review:\n    lastReviewed: 2026-10-01\n    reviewer: carol@example.com\n') },
    },
  ],
  bad: [
    {
      name: 'no apiVersion: at the document root, 1:1',
      files: { [at]: without('apiVersion: idac/v1\n') },
      expect: [
        {
          line: 1,
          column: 1,
          messageId: 'missingKey',
          message: /^the document is missing the required key "apiVersion"$/,
        },
      ],
    },
    {
      name: 'no team: at the key holding stewardship',
      files: { [at]: without('    team: payments\n') },
      expect: [
        {
          line: 8,
          column: 3,
          messageId: 'missingKey',
          message: /^spec\.stewardship is missing the required key "team"$/,
        },
      ],
    },
    {
      name: 'no expires',
      files: { [at]: without('  expires: 2027-05-31\n') },
      expect: [
        { line: 5, column: 1, messageId: 'missingKey', message: /^spec is missing the required key "expires"$/ },
      ],
    },
    {
      name: 'no metadata.name',
      files: { [at]: edit(IDENTITY, '  name: app\n', '  labels: { env: prod }\n') },
      expect: [{ line: 3, column: 1, messageId: 'missingKey', message: /metadata is missing the required key "name"/ }],
    },
    {
      name: 'a misspelt stewardship is also missing',
      files: { [at]: edit(IDENTITY, '  stewardship:', '  stewardshp:') },
      expect: [{ line: 5, column: 1, messageId: 'missingKey', message: /missing the required key "stewardship"/ }],
    },
    {
      name: 'a permission without actions: at the list item',
      files: { [at]: without('actions: [s3:GetObject]\n          ') },
      expect: [
        {
          line: 23,
          column: 11,
          messageId: 'missingKey',
          message: /^spec\.access\.aws\.permissions\[0\] is missing the required key "actions"$/,
        },
      ],
    },
    {
      name: 'access with no target',
      files: { [at]: edit(IDENTITY, IDENTITY.slice(IDENTITY.indexOf('  access:\n')), '  access: {}\n') },
      expect: [
        {
          line: 16,
          column: 3,
          messageId: 'noTarget',
          message: /^spec\.access must declare at least one of aws, kubernetes, vault$/,
        },
      ],
    },
    {
      name: 'a team without members in org.yaml',
      files: {
        'identities/org.yaml': edit(
          ORG,
          '      members: [dave@example.com, erin@example.com]\n',
          '      github: "@acme/risk"\n',
        ),
      },
      expect: [
        {
          file: 'identities/org.yaml',
          line: 12,
          column: 5,
          messageId: 'missingKey',
          message: /spec\.teams\.risk is missing the required key "members"/,
        },
      ],
    },
  ],
});
