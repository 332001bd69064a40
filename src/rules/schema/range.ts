import { SCHEMA_RANGE } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/), which writes the text and names the messageId; this file
// holds the rule's metadata and its messages (the templates of that text).
export default defineRule({
  kind: 'load',
  meta: {
    id: SCHEMA_RANGE,
    severity: 'error',
    title: 'Number out of range',
    rationale: 'Numbers such as rotation.epoch have bounds.',
    fix: 'Use a number inside the bounds given in the message.',
    owasp: [],
  },
  messages: {
    belowMinimum: '{{where}} must be at least {{limit}}',
    aboveMaximum: '{{where}} must be at most {{limit}}',
  },
});
