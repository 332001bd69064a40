import { show } from '../../common/findings.js';
import { defineRule, type Report } from '../types.js';

const messages = {
  wildcard: 'certificate name {{name}} contains a wildcard; list the exact names instead',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'certificate/no-wildcard-name',
    severity: 'error',
    title: 'Wildcard certificate name',
    rationale:
      "A wildcard certificate lets its holder impersonate every service under the domain, today's and " +
      "tomorrow's; SPEC.md asks for exact names so each certificate proves one service.",
    fix: 'List each exact name the service answers to in commonNames instead of a name with "*".',
    owasp: ['NHI5'],
  },
  messages,
  check({ data }) {
    const out: Report<typeof messages>[] = [];
    (data.spec.access.vault?.certificates ?? []).forEach((c, i) =>
      c.commonNames.forEach((name, j) => {
        if (name.includes('*'))
          out.push({
            path: ['spec', 'access', 'vault', 'certificates', i, 'commonNames', j],
            messageId: 'wildcard',
            data: { name: show(name) },
          });
      }),
    );
    return out;
  },
});
