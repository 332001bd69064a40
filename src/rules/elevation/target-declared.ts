import { defineRule, type Report } from '../types.js';

const messages = {
  noTarget: 'elevation {{number}} adds {{target}} access, but spec.access has no {{target}} to add it to',
} as const;

// An elevation adds to the identity's own account, namespace and Vault role (src/access/model.ts
// reads it that way): without the same target in spec.access its grants would have nowhere to go.
export default defineRule({
  kind: 'identity',
  meta: {
    id: 'elevation/target-declared',
    severity: 'error',
    title: 'Elevation for a target the identity does not use',
    rationale:
      "Elevations are additive: they extend the identity's own AWS role or user, Kubernetes Role and Vault " +
      'policy. An elevation for a target missing from spec.access would grant nothing, so the reviewed ' +
      'emergency access silently does not exist.',
    fix:
      'Declare the target in spec.access (account, cluster and namespace, or Vault auth), or remove that part ' +
      'of the elevation.',
    owasp: ['NHI5'],
  },
  messages,
  check({ data }) {
    const out: Report<typeof messages>[] = [];
    (data.spec.elevations ?? []).forEach((e, i) => {
      for (const target of ['aws', 'kubernetes', 'vault'] as const) {
        if (e.access[target] && !data.spec.access[target]) {
          out.push({
            path: ['spec', 'elevations', i, 'access', target],
            at: 'key',
            messageId: 'noTarget',
            data: { number: i + 1, target },
          });
        }
      }
    });
    return out;
  },
});
