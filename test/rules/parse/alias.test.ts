import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';

// Billion laughs: &a is nine strings, &b nine *a, … &i nine *h (9^9 strings if ever expanded).
const laughs = ['  a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
for (const [prev, next] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh', 'hi'])
  laughs.push(`  ${next}: &${next} [${Array(9).fill(`*${prev}`).join(', ')}]`);

ruleTable('parse/alias', {
  good: [
    { name: 'a clean manifest', files: { [at]: IDENTITY } },
    {
      name: '& and * inside text are not anchors or aliases',
      files: {
        [at]: edit(
          IDENTITY,
          'purpose: Reads settlement files from the bank drop bucket.',
          'purpose: Reads R&D files *daily* from the bank drop bucket.',
        ),
      },
    },
    {
      name: 'a * in a quoted ARN',
      files: {
        [at]: edit(IDENTITY, 'resources: [arn:aws:s3:::bank-drop/*]', 'resources: ["arn:aws:s3:::bank-drop/*", "*"]'),
      },
    },
  ],
  bad: [
    {
      name: 'billion laughs: one finding per anchor, nothing expanded',
      files: { [at]: `${IDENTITY}lol:\n${laughs.join('\n')}\n` },
      expect: [
        {
          line: 26,
          column: 6,
          messageId: 'anchor',
          message: /^YAML anchor &a \(used by 9 aliases, first on line 27\): anchors and aliases are not allowed/,
        },
        ...[27, 28, 29, 30, 31, 32, 33].map((line) => ({
          line,
          column: 6,
          messageId: 'anchor',
          message: /used by 9 aliases/,
        })),
        { line: 34, column: 6, messageId: 'anchor', message: /^YAML anchor &i: anchors and aliases are not allowed/ },
      ],
    },
    {
      name: 'an anchor defined twice: reviewers cannot see which one an alias reads',
      files: {
        [at]: edit(IDENTITY, '  type: workload\n', '  type: &x workload\n  criticality: &x high\n  status: *x\n'),
      },
      expect: [
        { line: 6, column: 9, messageId: 'anchor', message: /anchor &x \(used by 1 alias, first on line 8\)/ },
        {
          line: 7,
          column: 16,
          messageId: 'anchorRedefined',
          message: /anchor &x is defined again \(first on line 6\): aliases after this line read the new value/,
        },
      ],
    },
    {
      name: 'merge key <<: *base pulling a block in',
      files: {
        [at]: edit(
          IDENTITY,
          '  expires: 2027-05-31\n',
          '  expires: 2027-05-31\n  base: &base { period: 30d }\n  rotation:\n    <<: *base\n',
        ),
      },
      expect: [
        { line: 13, column: 9, messageId: 'anchor', message: /anchor &base \(used by 1 alias, first on line 15\)/ },
      ],
    },
    // An alias with no anchor is a value that starts with * written unquoted: say to quote it (issue 13).
    {
      name: 'an alias with no anchor',
      files: { [at]: edit(IDENTITY, 'type: workload', 'type: *nope') },
      expect: [
        {
          line: 6,
          column: 9,
          messageId: 'unquotedStar',
          message: new RegExp(
            String.raw`^unquoted \*nope: YAML reads a value that starts with \* as an alias \(a referen` +
              String.raw`ce to an &anchor\), not as text; quote it: "\*nope"$`,
          ),
        },
      ],
    },
    {
      name: 'an unquoted * alone in a flow list',
      files: { [at]: edit(IDENTITY, 'actions: [s3:GetObject]', 'actions: [*]') },
      expect: [
        {
          line: 23,
          column: 21,
          messageId: 'unquotedStar',
          message: new RegExp(
            String.raw`^unquoted \*: YAML reads a value that starts with \* as an alias \(a reference t` +
              String.raw`o an &anchor\), not as text; quote it: "\*"$`,
          ),
        },
      ],
    },
    {
      name: 'an unquoted * after an ARN, and again below',
      files: {
        [at]: edit(
          IDENTITY,
          'resources: [arn:aws:s3:::bank-drop/*]',
          'resources: [arn:aws:s3:::bank-drop, *]\n        - actions: [*]\n          resources: [*]',
        ),
      },
      expect: [
        {
          line: 24,
          column: 47,
          messageId: 'unquotedStar',
          message: /^unquoted \*: .*; quote it: "\*" \(and the 2 more after it\)$/,
        },
      ],
    },
    {
      name: 'an unquoted * in a block list',
      files: { [at]: edit(IDENTITY, 'resources: [arn:aws:s3:::bank-drop/*]', 'resources:\n            - *') },
      expect: [{ line: 25, column: 15, messageId: 'unquotedStar', message: /^unquoted \*: / }],
    },
    {
      name: 'an alias used as a key',
      files: { [at]: edit(IDENTITY, '  type: workload\n', '  type: &k workload\n  *k : x\n') },
      expect: [{ line: 6, column: 9, messageId: 'anchor', message: /used by 1 alias, first on line 7/ }],
    },
    {
      name: 'an anchor on a list item',
      files: { [at]: edit(IDENTITY, '- actions: [s3:GetObject]', '- &p actions: [s3:GetObject]') },
      expect: [{ line: 23, column: 11, messageId: 'anchor', message: /anchor &p:/ }],
    },
    {
      name: 'in org.yaml',
      files: {
        'identities/org.yaml': edit(
          edit(ORG, 'members: [alice@', 'members: &m [alice@'),
          'members: [dave@example.com, erin@example.com]',
          'members: *m',
        ),
      },
      expect: [{ file: 'identities/org.yaml', line: 7, column: 16, messageId: 'anchor' }],
    },
  ],
});
