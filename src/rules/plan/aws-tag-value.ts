import { defineRule } from '../types.js';

// Reported by `idac plan` (src/plan/refusals.ts), for what `idac apply` fails on; this file holds the rule's metadata.
export default defineRule({
  kind: 'plan',
  meta: {
    id: 'plan/aws-tag-value',
    severity: 'error',
    title: 'Manifest value IAM rejects as a tag',
    rationale:
      'Every IAM object idac creates is tagged with its identity, team and owner (idac:identity, idac:team, ' +
      'idac:owner). IAM rejects a tag value longer than 256 characters or with a character outside letters, ' +
      'digits, spaces and _ . : / = + - @ (e.g. an owner address with %), so the apply fails on that identity.',
    fix:
      'Use a value IAM accepts in the field the tag comes from (metadata.name, spec.stewardship.team or ' +
      'spec.stewardship.owner): at most 256 letters, digits, spaces and _ . : / = + - @.',
    owasp: [],
  },
  messages: {
    tagValue:
      'use a value IAM accepts as a tag (at most 256 letters, digits, spaces and _ . : / = + - @): ' +
      "{{path}} becomes the tag {{key}} on {{identity}}'s IAM objects, and the apply fails",
  },
});
