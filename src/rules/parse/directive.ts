import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/); this file holds the rule's metadata.
export default defineRule({
  kind: 'load',
  meta: {
    id: "parse/directive",
    severity: "error",
    title: "YAML directive",
    rationale: "A %YAML 1.1 directive changes how the rest of the file is read (NO becomes false, 0777 becomes 511, on: becomes a boolean key); %TAG redefines tags.",
    fix: "Delete the directive line; manifests are YAML 1.2.",
    owasp: [],
  },
});
