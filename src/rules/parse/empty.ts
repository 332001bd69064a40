import { PARSE_EMPTY } from '../../manifest/load-rule-ids.js';
import { defineRule } from '../types.js';

// Reported by the loader (src/manifest/), which writes the text and names the messageId; this file
// holds the rule's metadata and its messages (the templates of that text).
export default defineRule({
  kind: 'load',
  meta: {
    id: PARSE_EMPTY,
    severity: 'error',
    title: 'Empty manifest',
    rationale:
      "An empty or comment-only file must never be read as 'this identity is deleted'. Deletion is removing " +
      'the file, or a reviewed tombstone.',
    fix:
      'Delete the file to remove an identity, or set spec.status: decommissioned to keep a tombstone; an ' +
      'empty identities/org.yaml needs its Organization back (apiVersion, kind: Organization, spec.teams with ' +
      'members).',
    owasp: ['NHI1'],
  },
  messages: {
    noManifest:
      'file holds no manifest (it is empty or only comments); delete the file to remove an identity, or set ' +
      'status: decommissioned to keep it as a tombstone',
    noOrganization:
      'identities/org.yaml holds no Organization (it is empty or only comments), so no identity has a team, ' +
      'owner or boundary to be checked against: write apiVersion: idac/v1, kind: Organization and spec.teams ' +
      "with each team's members (and spec.securityOwners, who approve exceptions)",
  },
});
