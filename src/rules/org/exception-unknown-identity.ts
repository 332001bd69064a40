import { defineRule } from '../types.js';

// Reported by validate (src/check/validate.ts, through lib/exceptions.ts unknownIdentityReports):
// only it knows whether the whole identities/ folder was read, and the names of files that failed
// their schema, so a partial run or a broken file never makes a live exception look stale.
export default defineRule({
  kind: 'load',
  meta: {
    id: 'org/exception-unknown-identity',
    severity: 'warning',
    title: 'Exception for an identity that does not exist',
    rationale:
      'An exception left behind after its identity was deleted or renamed looks like accepted risk to a ' +
      'reader, and would silently apply to the next identity given that name.',
    fix:
      'Remove the exception from identities/org.yaml spec.exceptions, or correct its identity name ' +
      '(metadata.name of the identity it is for).',
    owasp: ['NHI1'],
  },
  messages: {
    unknownIdentity:
      'exception names identity {{identity}}, which does not exist in this repository; remove it before an ' +
      'identity of that name inherits it',
  },
});
