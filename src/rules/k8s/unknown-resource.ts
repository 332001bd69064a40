import { show } from '../../findings.js';
import { didYouMean } from '../../manifest/schemas.js';
import { apiResources, builtinGroups, isBuiltinGroup, KUBERNETES_VERSION, REMOVED_GROUPS, resourcesMatching, resourcesOf, writtenRules, type ApiResource } from '../../access/kubernetes-api.js';
import { isTombstone } from '../lib/status.js';
import { defineRule, type Report } from '../types.js';

const groupName = (group: string): string => (group === '' ? '"" (core)' : show(group));

/** Why `name` is not a resource of `groups`, and what was probably meant. */
function explain(name: string, groups: readonly string[]): string {
  const where = groups.map(groupName).join(', ');
  const base = `resource ${show(name)} does not exist in apiGroup ${where} of Kubernetes ${KUBERNETES_VERSION}`;
  const local = groups.flatMap((g) => resourcesOf(g));
  const slash = name.indexOf('/');
  if (slash > 0) {
    const parent = name.slice(0, slash);
    const subs = local.filter((r) => r.name.startsWith(`${parent}/`)).map((r) => r.name);
    if (name.endsWith('/*')) return `${base}: RBAC does not expand "${parent}/*"; name each subresource${subs.length ? ` (${subs.join(', ')})` : ''}`;
    if (local.some((r) => r.name === parent)) {
      const guess = didYouMean(name, subs);
      return `${base}: ${parent} has ${subs.length ? `the subresources ${subs.join(', ')}` : 'no subresources'}${guess ? `; did you mean ${show(guess)}?` : ''}`;
    }
  }
  const short = local.find((r) => r.shortNames.includes(name));
  if (short) return `${base}: ${show(name)} is kubectl's short name, RBAC needs ${show(short.name)}`;
  const elsewhere = apiResources.filter((r) => r.name === name || r.shortNames.includes(name));
  if (elsewhere.length) return `${base}: ${show(elsewhere[0]!.name)} is served by apiGroup ${elsewhere.map((r) => groupName(r.group)).join(', ')}`;
  const guess = didYouMean(name, local.map((r) => r.name));
  if (guess) return `${base}; did you mean ${show(guess)}?`;
  const far = guessAnywhere(name);
  return far ? `${base}; did you mean ${show(far.name)} in apiGroup ${groupName(far.group)}?` : base;
}

function guessAnywhere(name: string): ApiResource | undefined {
  const guess = didYouMean(name, apiResources.map((r) => r.name));
  return guess === null ? undefined : apiResources.find((r) => r.name === guess);
}

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/unknown-resource',
    severity: 'error',
    title: 'Kubernetes rule names a resource that does not exist',
    rationale: 'RBAC accepts any string as a resource and simply never matches one that does not exist: a typo (configmap for configmaps, deployments under the core group) silently drops the access the identity was meant to have, and someone "fixes" it later with a wildcard. Resources of the built-in API groups are checked against the pinned Kubernetes version; custom API groups are accepted as written.',
    fix: 'Use the plural resource name in the API group that serves it, as `kubectl api-resources` lists them (configmaps in "", deployments in apps), and name subresources explicitly (pods/log).',
    owasp: ['NHI5'],
  },
  check({ data }) {
    if (isTombstone(data)) return [];
    const out: Report[] = [];
    for (const { rule, path } of writtenRules(data)) {
      const builtin: string[] = [];
      let open = false as boolean;
      rule.apiGroups.forEach((group, k) => {
        if (group === '*') open = true;
        else if (REMOVED_GROUPS.has(group)) {
          const served = rule.resources.flatMap((name) => apiResources.filter((r) => r.name === name).map((r) => `${name} is in ${groupName(r.group)}`));
          out.push({ path: [...path, 'apiGroups', k], message: `apiGroup ${show(group)} was removed in Kubernetes ${REMOVED_GROUPS.get(group)}, so this rule grants nothing${served.length ? `; ${served.join(', ')}` : ''}` });
        } else if (isBuiltinGroup(group)) builtin.push(group);
        else {
          open = true;
          // A near miss of a built-in group that serves one of the rule's resources is a typo, not a CRD group.
          const guess = didYouMean(group, builtinGroups.filter((b) => b !== ''));
          if (guess && rule.resources.some((name) => resourcesMatching(guess, name).length > 0)) {
            out.push({ path: [...path, 'apiGroups', k], message: `apiGroup ${show(group)} is not a Kubernetes API group; did you mean ${show(guess)}?` });
          }
        }
      });
      // With "*" or a custom group among the groups, any resource name may be real.
      if (open || builtin.length === 0) continue;
      rule.resources.forEach((name, j) => {
        if (name === '*' || builtin.some((group) => resourcesMatching(group, name).length > 0)) return;
        out.push({ path: [...path, 'resources', j], message: explain(name, builtin) });
      });
    }
    return out;
  },
});
