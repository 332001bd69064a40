import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "parse/empty",
    severity: "error",
    title: "Empty manifest",
    rationale: "An empty or comment-only file must never be read as 'this identity is deleted'. Deletion is removing the file, or a reviewed tombstone.",
    fix: "Delete the file to remove an identity, or set spec.status: decommissioned to keep a tombstone; an empty identities/org.yaml needs its Organization back (apiVersion, kind: Organization, spec.teams with members).",
    owasp: ["NHI1"],
  },
});
