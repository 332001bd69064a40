import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
// Built from parts so no token-shaped literal sits in the repository.
const token = `ghp_${'k9Xv2LmQ8rTn4Wz7Yb1Hc6Jd3Fg5Sa0PeUi8'}`;

ruleTable('parse/syntax', {
  good: [
    { name: 'a clean manifest', files: { [at]: IDENTITY } },
    { name: 'CRLF line endings', files: { [at]: IDENTITY.replace(/\n/g, '\r\n') } },
    { name: 'a flow list over several lines', files: { [at]: edit(IDENTITY, 'actions: [s3:GetObject]', 'actions: [\n            s3:GetObject,\n            s3:ListBucket,\n          ]') } },
    { name: '5,000 unclosed [ is a depth problem, not also a syntax one', files: { [at]: '['.repeat(5000) } },
    { name: 'a tab inside a quoted value', files: { [at]: edit(IDENTITY, 'purpose: Reads settlement files from the bank drop bucket.', 'purpose: "Reads\tsettlement files from the bank drop bucket."') } },
  ],
  bad: [
    {
      name: 'tab indentation: the first error only, not its echoes',
      files: { [at]: edit(IDENTITY, '    owner: alice', '\towner: alice') },
      expect: [{ line: 9, column: 1, message: /^YAML syntax error: tab used for indentation; indent with spaces$/ }],
    },
    {
      name: 'unterminated quote on a line holding a token: position only, no excerpt',
      files: { [at]: edit(IDENTITY, '  type: workload\n', `  type: workload\n  token: "${token}\n`) },
      expect: [{ line: 7, column: 51, message: /^(?!.*ghp_)YAML syntax error: a closing quote or bracket is missing$/ }],
    },
    { name: 'unclosed bracket', files: { [at]: edit(IDENTITY, 'actions: [s3:GetObject]', 'actions: [s3:GetObject') }, expect: [{ line: 24, column: 11, message: /YAML syntax error/ }] },
    { name: 'a key indented one space too little', files: { [at]: edit(IDENTITY, '    successor: bob', '   successor: bob') }, expect: [{ line: 10, column: 1, message: /^YAML syntax error: indentation does not line up with the enclosing block$/ }] },
    { name: 'invalid escape in double quotes', files: { [at]: edit(IDENTITY, 'purpose: Reads settlement files', 'purpose: "Reads \\q settlement files"') }, expect: [{ line: 7, column: 19, message: /^YAML syntax error: invalid escape sequence in a double-quoted value$/ }] },
    { name: 'a plain value starting with a reserved character', files: { [at]: edit(IDENTITY, 'type: workload', 'type: `workload`') }, expect: [{ line: 6, column: 9, message: /YAML syntax error/ }] },
    { name: 'in org.yaml', files: { 'identities/org.yaml': 'apiVersion: idac/v1\nkind: "Organization\n' }, expect: [{ file: 'identities/org.yaml', line: 3, column: 1 }] },
  ],
});
