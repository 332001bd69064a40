import { SCHEMA_KIND } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/), which writes the text and names the messageId; this file
// holds the rule's metadata and its messages (the templates of that text).
export default defineRule({
  kind: 'load',
  meta: {
    id: SCHEMA_KIND,
    severity: 'error',
    title: 'Wrong or missing kind',
    rationale:
      'Files are dispatched on kind: identities/org.yaml holds the Organization, every other file one MachineIdentity.',
    fix: 'Set kind: MachineIdentity (or kind: Organization in identities/org.yaml only).',
    owasp: [],
  },
  messages: {
    organizationElsewhere:
      'kind: Organization belongs in identities/org.yaml only; this folder holds MachineIdentity manifests',
    identityInOrgFile:
      'identities/org.yaml must hold kind: Organization; move this MachineIdentity to <team>/<name>.yaml',
    missingKind: 'the document is missing the required key "kind" ({{expected}})',
    wrongCase: 'kind must be written exactly {{expected}}',
    wrongKind: 'kind must be {{expected}} {{where}}, not {{declared}}',
  },
});
