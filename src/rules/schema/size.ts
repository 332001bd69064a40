import { SCHEMA_SIZE } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/), which writes the text and names the messageId; this file
// holds the rule's metadata and its messages (the templates of that text).
export default defineRule({
  kind: 'load',
  meta: {
    id: SCHEMA_SIZE,
    severity: 'error',
    title: 'Empty or over-long list or mapping',
    rationale: "An empty list is never read as 'no restriction', and lists are capped so a manifest stays reviewable.",
    fix: 'Add at least one entry, or split the identity so each list stays under its cap.',
    owasp: ['NHI5'],
  },
  messages: {
    emptyList: '{{where}} must not be empty (an empty list never means "no restriction")',
    tooFew: '{{where}} needs at least {{limit}} {{noun}}',
    tooMany: '{{where}} has more than {{limit}} {{noun}}; split the identity or tighten the grant',
  },
});
