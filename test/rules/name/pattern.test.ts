import { edit, IDENTITY, ruleTable } from '../harness.js';

// The file's base name follows the name (name/file-matches-name is another rule's business).
const named = (name: string) => ({
  [`identities/payments/${name.replace(/[^a-z0-9-]/g, '_') || 'x'}.yaml`]: edit(IDENTITY, 'name: app', `name: ${name}`),
});
const SHAPE = new RegExp(
  String.raw`must be a name of 3–48 characters: lowercase letters, digits and "-", starting with a letter and ` +
    String.raw`not ending with "-" \(valid for AWS, Kubernetes and Vault\)$`,
);

ruleTable('name/pattern', {
  good: [
    { name: 'three characters, the shortest', files: named('app') },
    { name: 'letters, digits and dashes', files: named('settlement-reader-2') },
    { name: '48 characters, the longest', files: named(`a${'b'.repeat(46)}c`) },
  ],
  bad: [
    {
      name: 'Cyrillic а (U+0430) that looks like a Latin a',
      files: named('\u0430pp'),
      expect: [
        {
          line: 4,
          column: 9,
          messageId: 'badName',
          message: new RegExp(
            String.raw`^metadata\.name "аpp" has the non-ASCII character U\+0430, which can look like a Latin ` +
              String.raw`letter; it must be a name of 3–48 characters`,
          ),
        },
      ],
    },
    {
      name: 'Greek ο (U+03BF) in the middle',
      files: named('settlement-rea\u03bfder'),
      expect: [{ line: 4, column: 9, messageId: 'badName', message: /U\+03BF/ }],
    },
    { name: 'uppercase', files: named('App'), expect: [{ line: 4, column: 9, messageId: 'badName', message: SHAPE }] },
    { name: 'underscore', files: named('app_reader'), expect: [{ line: 4, column: 9, messageId: 'badName' }] },
    { name: 'starts with a digit', files: named('1app'), expect: [{ line: 4, column: 9, messageId: 'badName' }] },
    { name: 'ends with a dash', files: named('app-'), expect: [{ line: 4, column: 9, messageId: 'badName' }] },
    { name: 'two characters', files: named('ab'), expect: [{ line: 4, column: 9, messageId: 'badName' }] },
    {
      name: '49 characters',
      files: named(`a${'b'.repeat(47)}c`),
      expect: [{ line: 4, column: 9, messageId: 'badName', message: SHAPE }],
    },
    { name: 'a path', files: named('"../../prod/admin"'), expect: [{ line: 4, column: 9, messageId: 'badName' }] },
  ],
});
