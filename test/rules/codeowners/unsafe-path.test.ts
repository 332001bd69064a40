import { CODEOWNERS_FOR_IDENTITY, edit, IDENTITY, ruleTable } from '../harness.js';

const CO = '.github/CODEOWNERS';
const fresh = CODEOWNERS_FOR_IDENTITY;
const other = edit(IDENTITY, 'name: app', 'name: other');
const why = (c: string) =>
  new RegExp(
    `^its name holds ${c}, which a CODEOWNERS line cannot carry: \\.github/CODEOWNERS gets no line for this ` +
      `file \\(its team's folder line or the security owners' /identities/ line applies\\); rename the file to ` +
      `<metadata\\.name>\\.yaml$`,
  );

ruleTable('codeowners/unsafe-path', {
  good: [
    { name: 'plain names', files: { 'identities/payments/app.yaml': IDENTITY, [CO]: fresh } },
    {
      name: 'a space is escaped, so it can be written',
      files: { 'identities/payments/app.yaml': IDENTITY, 'identities/payments/my other.yaml': other, [CO]: fresh },
    },
    {
      name: 'no CODEOWNERS file: nothing to check (idac codeowners checks it always)',
      files: { 'identities/payments/app.yaml': IDENTITY, 'identities/*.yaml': other },
    },
    {
      name: 'a manifest that does not validate gets no line anyway',
      files: { 'identities/payments/app.yaml': IDENTITY, 'identities/*.yaml': 'a: [\n', [CO]: fresh },
    },
  ],
  bad: [
    {
      name: 'a line break (the issue 14 attack)',
      files: { 'identities/payments/app.yaml': IDENTITY, 'identities/zz\norg.yaml\n*\nzz.yaml': other, [CO]: fresh },
      expect: [
        {
          line: 1,
          column: 1,
          messageId: 'unsafePath',
          file: 'identities/zz\norg.yaml\n*\nzz.yaml',
          message: why('a line break \\(U\\+000A\\)'),
        },
      ],
    },
    {
      name: 'a wildcard that would match org.yaml',
      files: { 'identities/payments/app.yaml': IDENTITY, 'identities/*.yaml': other, [CO]: fresh },
      expect: [
        {
          line: 1,
          column: 1,
          messageId: 'unsafePath',
          file: 'identities/*.yaml',
          message: why('`\\*` \\(a wildcard in CODEOWNERS\\)'),
        },
      ],
    },
    {
      name: 'a comment sign',
      files: { 'identities/payments/app.yaml': IDENTITY, 'identities/payments/a#b.yaml': other, [CO]: fresh },
      expect: [{ line: 1, column: 1, messageId: 'unsafePath', message: why('`#` \\(a comment in CODEOWNERS\\)') }],
    },
    {
      name: 'a bidi override',
      files: { 'identities/payments/app.yaml': IDENTITY, 'identities/payments/\u202eb.yaml': other, [CO]: fresh },
      expect: [
        { line: 1, column: 1, messageId: 'unsafePath', message: why('the invisible or control character U\\+202E') },
      ],
    },
    {
      name: 'a non-ASCII letter',
      files: { 'identities/payments/app.yaml': IDENTITY, 'identities/payments/othér.yaml': other, [CO]: fresh },
      expect: [{ line: 1, column: 1, messageId: 'unsafePath', message: why('the non-ASCII character U\\+00E9') }],
    },
  ],
});
