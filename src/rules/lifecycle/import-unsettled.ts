import { defineRule } from '../types.js';

// idac import records each live statement it could not express (metadata.importedFrom.live.
// notExpressible) so drift does not report them again; this rule keeps them from being forgotten.
export default defineRule({
  kind: 'identity',
  meta: {
    id: 'lifecycle/import-unsettled',
    severity: 'error',
    title: 'Imported identity holds statements the manifest does not',
    rationale:
      'The live object still holds statements no manifest can say (a Deny, a NotAction, a permissions boundary, ' +
      'a condition idac has no field for). The first apply replaces its policies with what the manifest ' +
      'declares, so it would drop them: dropping a Deny or a boundary widens access. A person must settle ' +
      'each one before the identity is applied.',
    fix:
      'For each statement in the comment at the end of the file: narrow the permissions or trust so the ' +
      'manifest grants no more than the live object did (or keep the principal out of idac), then remove its ' +
      'entry from metadata.importedFrom.live.notExpressible.',
    owasp: ['NHI5'],
  },
  messages: {
    unsettled:
      '{{count}} live statement(s) idac import could not express are not settled yet; apply would drop them ' +
      '(see the comment at the end of the file)',
  },
  check({ data }) {
    const recorded = data.metadata.importedFrom?.live?.notExpressible ?? [];
    if (recorded.length === 0) return [];
    return [
      {
        path: ['metadata', 'importedFrom', 'live', 'notExpressible'],
        messageId: 'unsettled',
        data: { count: String(recorded.length) },
      },
    ];
  },
});
