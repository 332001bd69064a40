import { show } from '../../common/findings.js';
import { didYouMean } from '../../manifest/schemas.js';
import {
  builtinVerbs,
  isBuiltinGroup,
  KUBERNETES_VERSION,
  REMOVED_GROUPS,
  resourcesMatching,
  writtenRules,
  type ApiResource,
} from '../../access/kubernetes-api.js';
import { defineRule, type Report } from '../types.js';

const RETIRED: Record<string, string> = {
  use: 'it was the verb of PodSecurityPolicy, removed in Kubernetes 1.25',
};

function supported(resources: readonly ApiResource[]): string {
  const shown = resources.slice(0, 4).map((r) => `${r.name}: ${r.verbs.join(', ')}`);
  return `${shown.join('; ')}${resources.length > 4 ? `; and ${resources.length - 4} more` : ''}`;
}

const messages = {
  retired: 'verb {{verb}} does nothing in Kubernetes {{version}}: {{why}}',
  notAVerb: 'verb {{verb}} is not a Kubernetes verb',
  notAVerbGuess: 'verb {{verb}} is not a Kubernetes verb; did you mean {{guess}}?',
  notForResources: "verb {{verb}} applies to none of this rule's resources ({{supported}})",
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/unknown-verb',
    severity: 'error',
    title: 'Kubernetes rule names a verb its resources do not have',
    rationale:
      'RBAC accepts any string as a verb and simply never matches one no request uses: a typo (gett) or a ' +
      'verb the resource does not have (list on pods/log) silently drops access the identity was meant to ' +
      'have. Verbs on built-in API groups are checked against the pinned Kubernetes version; rules that ' +
      'include a custom API group accept any verb.',
    fix:
      'Use the verbs the resources support (`kubectl api-resources -o wide` lists them): get, list, watch, ' +
      'create, update, patch, delete, deletecollection, and the special verbs bind, escalate (roles), ' +
      'impersonate (users, groups, serviceaccounts), approve, sign, attest (signers).',
    owasp: ['NHI5'],
  },
  messages,
  check({ data }) {
    const out: Report<typeof messages>[] = [];
    for (const { rule, path } of writtenRules(data)) {
      // Custom groups may define any verb; a removed group is k8s/unknown-resource's to report.
      if (rule.apiGroups.some((g) => g === '*' || !isBuiltinGroup(g) || REMOVED_GROUPS.has(g))) continue;
      const matched = rule.resources.map((name) => rule.apiGroups.flatMap((g) => resourcesMatching(g, name)));
      const resources = [...new Set(matched.flat())];
      // With a misspelt resource its verbs are unknown: then only verbs that exist nowhere are reported.
      const complete = matched.every((m, j) => m.length > 0 || rule.resources[j] === '*');
      const allowed = new Set(complete ? resources.flatMap((r) => r.verbs) : builtinVerbs);
      rule.verbs.forEach((verb, j) => {
        if (verb === '*' || allowed.has(verb)) return;
        const at = [...path, 'verbs', j];
        const why = RETIRED[verb];
        if (why)
          out.push({ path: at, messageId: 'retired', data: { verb: show(verb), version: KUBERNETES_VERSION, why } });
        else if (!builtinVerbs.includes(verb)) {
          const guess = didYouMean(verb, builtinVerbs);
          if (guess) out.push({ path: at, messageId: 'notAVerbGuess', data: { verb: show(verb), guess: show(guess) } });
          else out.push({ path: at, messageId: 'notAVerb', data: { verb: show(verb) } });
        } else
          out.push({
            path: at,
            messageId: 'notForResources',
            data: { verb: show(verb), supported: supported(resources) },
          });
      });
    }
    return out;
  },
});
