import { show } from '../../common/findings.js';
import { defineRule, type Report } from '../types.js';

const PLACEHOLDERS = new Set([
  'todo',
  'tbd',
  'tba',
  'n/a',
  'na',
  'none',
  'test',
  'testing',
  'x',
  'xx',
  'xxx',
  'fixme',
  'placeholder',
  '-',
  '.',
  '...',
  'lorem ipsum',
  'purpose',
  'description',
  'changeme',
  'service account',
  'machine identity',
]);
const MIN_WORDS = 3;
// What `idac import` writes (issue 18): it knows where an identity came from, never why it exists.
const IMPORTED = /^imported from \S+$/i;
const MIN_CHARS = 20;
// OWASP NHI10: a machine identity used by a person (from a laptop, to debug) escapes the controls humans have (MFA,
// offboarding).
// Phrases, not single words: "deletes personal data" or "uploads debug symbols" are fine purposes.
const HUMAN_USE = new RegExp(
  String.raw`\b(personal\s+(?:use|account|credentials?|laptop|machine|access)|for\s+my(?:self|\s+own)?\b` +
    String.raw`|my\s+(?:laptop|machine|workstation|account)|(?:for\s+)?debugging\s+only|debug\s+only` +
    String.raw`|for\s+debugging|local\s+debugging|testing\s+only|test\s+only)\b`,
  'i',
);

const messages = {
  placeholder: 'purpose {{purpose}} is a placeholder; say what the identity does and why',
  tooShort:
    `purpose {{purpose}} is too short ({{words}}, {{chars}} characters); say what the identity does and why ` +
    `in at least ${MIN_WORDS} words and ${MIN_CHARS} characters`,
  imported: 'purpose {{purpose}} is what idac import wrote, not why the identity exists; say what it does and why',
  humanUse:
    "purpose mentions {{phrase}}: a machine identity must not serve a person's own use or debugging (OWASP " +
    'NHI10); give people their own accounts',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'stewardship/purpose-not-placeholder',
    severity: 'error',
    title: 'Purpose is a placeholder or describes human use',
    rationale:
      'Reviewers check access against the purpose and decide from it whether an identity can be retired; ' +
      '"TODO" (or the "Imported from <id>" idac import writes) makes both impossible. A purpose that says the ' +
      'identity is for personal use or debugging is a human using a machine identity (OWASP NHI10).',
    fix:
      'Write in a sentence what the identity does and why (at least 3 words and 20 characters); people get ' +
      'their own accounts, not machine identities.',
    owasp: ['NHI1', 'NHI10'],
  },
  messages,
  check({ data }) {
    const purpose = data.spec.purpose;
    const text = purpose.trim().replace(/\s+/g, ' ');
    const path = ['spec', 'purpose'];
    const out: Report<typeof messages>[] = [];
    // Scripts written without spaces (Chinese, Japanese, Thai) count a character as a word.
    const words =
      text === ''
        ? 0
        : /[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/.test(text)
          ? // eslint-disable-next-line @typescript-eslint/no-misused-spread -- counts code points
            [...text.replace(/\s/g, '')].length
          : text.split(' ').length;
    // eslint-disable-next-line @typescript-eslint/no-misused-spread -- counts code points
    const chars = [...text].length;
    if (IMPORTED.test(text)) {
      out.push({ path, messageId: 'imported', data: { purpose: show(purpose, 40) } });
    } else if (PLACEHOLDERS.has(text.toLowerCase())) {
      out.push({ path, messageId: 'placeholder', data: { purpose: show(purpose, 40) } });
    } else if (words < MIN_WORDS || chars < MIN_CHARS) {
      out.push({
        path,
        messageId: 'tooShort',
        data: { purpose: show(purpose, 40), words: `${words} word${words === 1 ? '' : 's'}`, chars },
      });
    }
    const human = HUMAN_USE.exec(text);
    if (human) {
      out.push({ path, messageId: 'humanUse', data: { phrase: show(human[0].toLowerCase(), 20) } });
    }
    return out;
  },
});
