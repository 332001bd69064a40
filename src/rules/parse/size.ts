import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "parse/size",
    severity: "error",
    title: "File over the size limit",
    rationale: "A manifest is a page of YAML. Multi-megabyte files are either generated garbage or an attack on the parser (a 4 MB mapping takes minutes to parse), and nobody can review them; the size is checked before the file is read.",
    fix: "Split the file or remove what does not belong in a manifest; one identity per file stays well under 256 KiB.",
    owasp: ["NHI5"],
  },
});
