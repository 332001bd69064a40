import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
// Built from parts so no token-shaped literal sits in the repository.
const token = `ghp_k9Xv2LmQ8rTn4Wz7Yb1Hc6Jd3Fg5Sa0PeUi8`;

ruleTable('parse/syntax', {
  good: [
    { name: 'a clean manifest', files: { [at]: IDENTITY } },
    { name: 'CRLF line endings', files: { [at]: IDENTITY.replace(/\n/g, '\r\n') } },
    {
      name: 'a flow list over several lines',
      files: {
        [at]: edit(
          IDENTITY,
          'actions: [s3:GetObject]',
          'actions: [\n            s3:GetObject,\n            s3:ListBucket,\n          ]',
        ),
      },
    },
    { name: '5,000 unclosed [ is a depth problem, not also a syntax one', files: { [at]: '['.repeat(5000) } },
    {
      name: 'a tab inside a quoted value',
      files: {
        [at]: edit(
          IDENTITY,
          'purpose: Reads settlement files from the bank drop bucket.',
          'purpose: "Reads\tsettlement files from the bank drop bucket."',
        ),
      },
    },
  ],
  bad: [
    {
      name: 'tab indentation: the first error only, not its echoes',
      files: { [at]: edit(IDENTITY, '    owner: alice', '\towner: alice') },
      expect: [
        {
          line: 9,
          column: 1,
          messageId: 'syntaxError',
          message: /^YAML syntax error: tab used for indentation; indent with spaces$/,
        },
      ],
    },
    {
      name: 'unterminated quote on a line holding a token: position only, no excerpt',
      files: { [at]: edit(IDENTITY, '  type: workload\n', `  type: workload\n  token: "${token}\n`) },
      expect: [
        {
          line: 7,
          column: 51,
          messageId: 'syntaxError',
          message: /^(?!.*ghp_)YAML syntax error: a closing quote or bracket is missing$/,
        },
      ],
    },
    {
      name: 'unclosed bracket',
      files: { [at]: edit(IDENTITY, 'actions: [s3:GetObject]', 'actions: [s3:GetObject') },
      expect: [{ line: 24, column: 11, messageId: 'syntaxError', message: /YAML syntax error/ }],
    },
    // A { left open at the end of its line: yaml calls it bad indentation of the next line; the cause is the brace.
    {
      name: 'a flow mapping left open at the end of its line',
      files: {
        [at]: edit(
          IDENTITY,
          '          resources: [arn:aws:s3:::bank-drop/*]\n',
          '          resources: [arn:aws:s3:::bank-drop/*]\n          conditions: { StringEquals: { ' +
            '"aws:SourceVpc": vpc-1 }\n',
        ),
      },
      expect: [
        {
          line: 26,
          column: 1,
          messageId: 'syntaxError',
          message: new RegExp(
            String.raw`^YAML syntax error: a \{ or \[ opened above is still open here: close it with \}` +
              String.raw` or \] on the line that opens it$`,
          ),
        },
      ],
    },
    // Indentation: the finding is on the mis-indented line, wherever yaml noticed the structure break (issue 13).
    {
      name: 'a key indented one space too little',
      files: { [at]: edit(IDENTITY, '    successor: bob', '   successor: bob') },
      expect: [
        {
          line: 10,
          column: 4,
          messageId: 'syntaxError',
          message: new RegExp(
            String.raw`^YAML syntax error: mis-indented line: 3 spaces lines up with no enclosing block` +
              String.raw` \(those start at 0, 2, 4\): indent it like the lines it belongs with$`,
          ),
        },
      ],
    },
    {
      name: 'a key too deep under a key with a value (yaml reports the value above)',
      files: { [at]: edit(IDENTITY, '    team: payments', '      team: payments') },
      expect: [
        {
          line: 11,
          column: 7,
          messageId: 'syntaxError',
          message: new RegExp(
            String.raw`^YAML syntax error: mis-indented line: 6 spaces, deeper than the block it belong` +
              String.raw`s to \(4\); the line above holds a value, so nothing can nest under it: indent i` +
              String.raw`t to 4$`,
          ),
        },
      ],
    },
    {
      name: 'the first key of a block too deep (yaml reports the next key)',
      files: { [at]: edit(IDENTITY, '    owner: alice', '      owner: alice') },
      expect: [
        {
          line: 9,
          column: 7,
          messageId: 'syntaxError',
          message: new RegExp(
            String.raw`^YAML syntax error: mis-indented line: 6 spaces, but the lines after it in the s` +
              String.raw`ame block are at 4: indent it to 4$`,
          ),
        },
      ],
    },
    {
      name: 'the first key under a nested mapping one space too deep',
      files: { [at]: edit(IDENTITY, '      account:', '       account:') },
      expect: [
        {
          line: 18,
          column: 8,
          messageId: 'syntaxError',
          message: new RegExp(
            String.raw`^YAML syntax error: mis-indented line: 7 spaces, but the lines after it in the s` +
              String.raw`ame block are at 6: indent it to 6$`,
          ),
        },
      ],
    },
    {
      name: 'a top-level key one space in (yaml reports the line above)',
      files: { [at]: edit(IDENTITY, 'kind: MachineIdentity', ' kind: MachineIdentity') },
      expect: [
        {
          line: 2,
          column: 2,
          messageId: 'syntaxError',
          message: /^YAML syntax error: mis-indented line: 1 space, deeper than the block it belongs to \(0\)/,
        },
      ],
    },
    {
      name: 'a key of a list item one space too deep',
      files: { [at]: edit(IDENTITY, '          resources:', '           resources:') },
      expect: [
        {
          line: 24,
          column: 12,
          messageId: 'syntaxError',
          message: /^YAML syntax error: mis-indented line: 11 spaces, deeper than the block it belongs to \(10\)/,
        },
      ],
    },
    {
      name: 'a key of a list item one space short (yaml: a sequence item without -)',
      files: { [at]: edit(IDENTITY, '          resources:', '         resources:') },
      expect: [
        {
          line: 24,
          column: 10,
          messageId: 'syntaxError',
          message: new RegExp(
            String.raw`^YAML syntax error: mis-indented line: 9 spaces lines up with no enclosing block` +
              String.raw` \(those start at 0, 2, 4, 6, 8, 10\)`,
          ),
        },
      ],
    },
    {
      name: 'a list dash one space short (yaml reports the next line)',
      files: { [at]: edit(IDENTITY, '        - actions', '       - actions') },
      expect: [
        {
          line: 23,
          column: 8,
          messageId: 'syntaxError',
          message: new RegExp(
            String.raw`^YAML syntax error: mis-indented line: 7 spaces, 1 in from the line that holds i` +
              String.raw`t, where this file indents by 2: indent it to 8$`,
          ),
        },
      ],
    },
    {
      name: 'a list dash one space too far (yaml reports the next line)',
      files: { [at]: edit(IDENTITY, '        - actions', '         - actions') },
      expect: [
        {
          line: 23,
          column: 10,
          messageId: 'syntaxError',
          message: new RegExp(
            String.raw`^YAML syntax error: mis-indented line: 9 spaces, 3 in from the line that holds i` +
              String.raw`t, where this file indents by 2: indent it to 8$`,
          ),
        },
      ],
    },
    {
      name: 'mis-indented in org.yaml',
      files: { 'identities/org.yaml': edit(ORG, '      boundaries:', '     boundaries:') },
      expect: [
        {
          file: 'identities/org.yaml',
          line: 8,
          column: 6,
          messageId: 'syntaxError',
          message: new RegExp(
            String.raw`^YAML syntax error: mis-indented line: 5 spaces lines up with no enclosing block` +
              String.raw` \(those start at 0, 2, 4, 6\)`,
          ),
        },
      ],
    },
    // A colon in an unquoted value: the cause is the colon, whatever yaml calls it (issue 13).
    {
      name: 'an unquoted value with ": " in it',
      files: { [at]: edit(IDENTITY, 'purpose: Reads settlement files', 'purpose: Reads: settlement files') },
      expect: [
        {
          line: 7,
          column: 12,
          messageId: 'syntaxError',
          message: new RegExp(
            String.raw`^YAML syntax error: this value contains ": " \(or ends with ":"\), which YAML re` +
              String.raw`ads as a nested key; put the whole value in quotes$`,
          ),
        },
      ],
    },
    {
      name: 'an unquoted value ending with ":"',
      files: {
        [at]: edit(
          IDENTITY,
          'purpose: Reads settlement files from the bank drop bucket.',
          'purpose: Reads settlement files:',
        ),
      },
      expect: [
        { line: 7, column: 12, messageId: 'syntaxError', message: /^YAML syntax error: this value contains ": "/ },
      ],
    },
    {
      name: 'invalid escape in double quotes',
      files: { [at]: edit(IDENTITY, 'purpose: Reads settlement files', 'purpose: "Reads \\q settlement files"') },
      expect: [
        {
          line: 7,
          column: 19,
          messageId: 'syntaxError',
          message: /^YAML syntax error: invalid escape sequence in a double-quoted value$/,
        },
      ],
    },
    {
      name: 'a plain value starting with a reserved character',
      files: { [at]: edit(IDENTITY, 'type: workload', 'type: `workload`') },
      expect: [{ line: 6, column: 9, messageId: 'syntaxError', message: /YAML syntax error/ }],
    },
    {
      name: 'in org.yaml',
      files: { 'identities/org.yaml': 'apiVersion: idac/v1\nkind: "Organization\n' },
      expect: [{ file: 'identities/org.yaml', line: 3, column: 1, messageId: 'syntaxError' }],
    },
  ],
});
