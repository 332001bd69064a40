import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
const purpose = (text: string) =>
  edit(IDENTITY, 'purpose: Reads settlement files from the bank drop bucket.', `purpose: ${text}`);
const placeholder = /is a placeholder/;
const short = /is too short/;
const human = /must not serve a person's own use or debugging \(OWASP NHI10\)/;

ruleTable('stewardship/purpose-not-placeholder', {
  good: [
    {
      name: 'personal data and debug symbols are ordinary words',
      files: { [at]: purpose('Deletes personal data after 30 days and uploads debug symbols to the crash service.') },
    },
    {
      name: 'a sentence in a script written without spaces',
      files: { [at]: purpose('決済ファイルを読み取り、台帳に記帳します。') },
    },
    { name: 'a real purpose', files: { [at]: IDENTITY } },
    {
      name: 'a purpose that says where it was imported from, and why it exists',
      files: { [at]: purpose('Imported from the old CI; uploads release artifacts to S3.') },
    },
    { name: 'exactly 3 words and 20 characters', files: { [at]: purpose('Reads ledger entries') } },
    {
      name: 'human-use words only as whole words',
      files: { [at]: purpose('Serves personalised offers; uploads debugger symbols for crash reports.') },
    },
    {
      name: 'a placeholder word inside a sentence',
      files: { [at]: purpose('Runs the nightly test suite against staging.') },
    },
    { name: 'tombstone', files: { [at]: `${purpose('TODO')}  status: decommissioned\n` } },
  ],
  bad: [
    {
      name: 'TODO',
      files: { [at]: purpose('TODO') },
      expect: [{ line: 7, column: 12, messageId: 'placeholder', message: /purpose "TODO" is a placeholder/ }],
    },
    {
      // issue 18: idac import writes it; a person must say why the identity exists.
      name: 'what idac import wrote',
      files: { [at]: purpose('Imported from arn:aws:iam::123456789012:role/app/Settlement_Reader') },
      expect: [{ line: 7, column: 12, messageId: 'imported', message: /is what idac import wrote/ }],
    },
    {
      name: 'N/A',
      files: { [at]: purpose('N/A') },
      expect: [{ line: 7, column: 12, messageId: 'placeholder', message: placeholder }],
    },
    {
      name: 'quoted, padded, mixed case',
      files: { [at]: purpose('"  Lorem   Ipsum "') },
      expect: [{ line: 7, column: 12, messageId: 'placeholder', message: placeholder }],
    },
    {
      name: 'service account',
      files: { [at]: purpose('Service Account') },
      expect: [{ line: 7, column: 12, messageId: 'placeholder', message: placeholder }],
    },
    {
      name: '...',
      files: { [at]: purpose('"..."') },
      expect: [{ line: 7, column: 12, messageId: 'placeholder', message: placeholder }],
    },
    {
      name: '3 words, 19 characters',
      files: { [at]: purpose('Reads ledger entrie') },
      expect: [{ line: 7, column: 12, messageId: 'tooShort', message: /too short \(3 words, 19 characters\)/ }],
    },
    {
      name: 'long but 2 words',
      files: { [at]: purpose('Reads settlement-files-from-the-bank-bucket') },
      expect: [{ line: 7, column: 12, messageId: 'tooShort', message: short }],
    },
    {
      name: 'personal use',
      files: { [at]: purpose('Personal credentials so I can query S3 from my laptop.') },
      expect: [{ line: 7, column: 12, messageId: 'humanUse', message: /mentions "personal credentials"/ }],
    },
    {
      name: 'my laptop',
      files: { [at]: purpose('Used from my   laptop to check the settlement bucket.') },
      expect: [{ line: 7, column: 12, messageId: 'humanUse', message: human }],
    },
    {
      name: 'testing only',
      files: { [at]: purpose('"Testing only: replays settlement files by hand."') },
      expect: [{ line: 7, column: 12, messageId: 'humanUse', message: /mentions "testing only"/ }],
    },
    {
      name: 'both: too short and debug only',
      files: { [at]: purpose('Debug only') },
      expect: [
        { line: 7, column: 12, messageId: 'tooShort', message: /too short \(2 words, 10 characters\)/ },
        { line: 7, column: 12, messageId: 'humanUse', message: human },
      ],
    },
  ],
});
