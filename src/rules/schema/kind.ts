import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "schema/kind",
    severity: "error",
    title: "Wrong or missing kind",
    rationale: "Files are dispatched on kind: identities/org.yaml holds the Organization, every other file one MachineIdentity.",
    fix: "Set kind: MachineIdentity (or kind: Organization in identities/org.yaml only).",
    owasp: [],
  },
});
