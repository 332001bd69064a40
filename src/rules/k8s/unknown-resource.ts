import { show } from '../../common/findings.js';
import { didYouMean } from '../../manifest/schemas.js';
import {
  apiResources,
  builtinGroups,
  isBuiltinGroup,
  KUBERNETES_VERSION,
  REMOVED_GROUPS,
  resourcesMatching,
  resourcesOf,
  writtenRules,
  type ApiResource,
} from '../../access/kubernetes-api.js';
import { defineRule, type MessageRef, type Report } from '../types.js';

const groupName = (group: string): string => (group === '' ? '"" (core)' : show(group));

const NO_SUCH = 'resource {{name}} does not exist in apiGroup {{groups}} of Kubernetes {{version}}';

const messages = {
  noSuchResource: NO_SUCH,
  subresourceWildcard: `${NO_SUCH}: RBAC does not expand "{{parent}}/*"; name each subresource ({{subresources}})`,
  subresourceWildcardNone: `${NO_SUCH}: RBAC does not expand "{{parent}}/*"; name each subresource`,
  unknownSubresource: `${NO_SUCH}: {{parent}} has the subresources {{subresources}}`,
  unknownSubresourceGuess: `${NO_SUCH}: {{parent}} has the subresources {{subresources}}; did you mean {{guess}}?`,
  noSubresources: `${NO_SUCH}: {{parent}} has no subresources`,
  shortName: `${NO_SUCH}: {{name}} is kubectl's short name, RBAC needs {{resource}}`,
  otherGroup: `${NO_SUCH}: {{resource}} is served by apiGroup {{servedBy}}`,
  guess: `${NO_SUCH}; did you mean {{guess}}?`,
  guessOtherGroup: `${NO_SUCH}; did you mean {{guess}} in apiGroup {{guessGroup}}?`,
  removedGroup: 'apiGroup {{group}} was removed in Kubernetes {{removedIn}}, so this rule grants nothing',
  removedGroupServed:
    'apiGroup {{group}} was removed in Kubernetes {{removedIn}}, so this rule grants nothing; {{served}}',
  groupTypo: 'apiGroup {{group}} is not a Kubernetes API group; did you mean {{guess}}?',
} as const;

/** Why `name` is not a resource of `groups`, and what was probably meant. */
function explain(name: string, groups: readonly string[]): MessageRef<typeof messages> {
  const base = { name: show(name), groups: groups.map(groupName).join(', '), version: KUBERNETES_VERSION };
  const local = groups.flatMap((g) => resourcesOf(g));
  const slash = name.indexOf('/');
  if (slash > 0) {
    const parent = name.slice(0, slash);
    const subs = local.filter((r) => r.name.startsWith(`${parent}/`)).map((r) => r.name);
    const subresources = subs.join(', ');
    if (name.endsWith('/*'))
      return subs.length
        ? { messageId: 'subresourceWildcard', data: { ...base, parent, subresources } }
        : { messageId: 'subresourceWildcardNone', data: { ...base, parent } };
    if (local.some((r) => r.name === parent)) {
      if (!subs.length) return { messageId: 'noSubresources', data: { ...base, parent } };
      const guess = didYouMean(name, subs);
      return guess
        ? { messageId: 'unknownSubresourceGuess', data: { ...base, parent, subresources, guess: show(guess) } }
        : { messageId: 'unknownSubresource', data: { ...base, parent, subresources } };
    }
  }
  const short = local.find((r) => r.shortNames.includes(name));
  if (short) return { messageId: 'shortName', data: { ...base, resource: show(short.name) } };
  const elsewhere = apiResources.filter((r) => r.name === name || r.shortNames.includes(name));
  if (elsewhere.length)
    return {
      messageId: 'otherGroup',
      data: {
        ...base,
        resource: show(elsewhere[0]!.name),
        servedBy: elsewhere.map((r) => groupName(r.group)).join(', '),
      },
    };
  const guess = didYouMean(
    name,
    local.map((r) => r.name),
  );
  if (guess) return { messageId: 'guess', data: { ...base, guess: show(guess) } };
  const far = guessAnywhere(name);
  return far
    ? { messageId: 'guessOtherGroup', data: { ...base, guess: show(far.name), guessGroup: groupName(far.group) } }
    : { messageId: 'noSuchResource', data: base };
}

function guessAnywhere(name: string): ApiResource | undefined {
  const guess = didYouMean(
    name,
    apiResources.map((r) => r.name),
  );
  return guess === null ? undefined : apiResources.find((r) => r.name === guess);
}

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'k8s/unknown-resource',
    severity: 'error',
    title: 'Kubernetes rule names a resource that does not exist',
    rationale:
      'RBAC accepts any string as a resource and simply never matches one that does not exist: a typo ' +
      '(configmap for configmaps, deployments under the core group) silently drops the access the identity ' +
      'was meant to have, and someone "fixes" it later with a wildcard. Resources of the built-in API groups ' +
      'are checked against the pinned Kubernetes version; custom API groups are accepted as written.',
    fix:
      'Use the plural resource name in the API group that serves it, as `kubectl api-resources` lists them ' +
      '(configmaps in "", deployments in apps), and name subresources explicitly (pods/log).',
    owasp: ['NHI5'],
  },
  messages,
  check({ data }) {
    const out: Report[] = [];
    for (const { rule, path } of writtenRules(data)) {
      const builtin: string[] = [];
      let open = false as boolean;
      rule.apiGroups.forEach((group, k) => {
        if (group === '*') open = true;
        else if (REMOVED_GROUPS.has(group)) {
          const served = rule.resources.flatMap((name) =>
            apiResources.filter((r) => r.name === name).map((r) => `${name} is in ${groupName(r.group)}`),
          );
          const removed = { group: show(group), removedIn: REMOVED_GROUPS.get(group)! };
          if (served.length)
            out.push({
              path: [...path, 'apiGroups', k],
              messageId: 'removedGroupServed',
              data: { ...removed, served: served.join(', ') },
            });
          else out.push({ path: [...path, 'apiGroups', k], messageId: 'removedGroup', data: removed });
        } else if (isBuiltinGroup(group)) builtin.push(group);
        else {
          open = true;
          // A near miss of a built-in group that serves one of the rule's resources is a typo, not a CRD group.
          const guess = didYouMean(
            group,
            builtinGroups.filter((b) => b !== ''),
          );
          if (guess && rule.resources.some((name) => resourcesMatching(guess, name).length > 0)) {
            out.push({
              path: [...path, 'apiGroups', k],
              messageId: 'groupTypo',
              data: { group: show(group), guess: show(guess) },
            });
          }
        }
      });
      // With "*" or a custom group among the groups, any resource name may be real.
      if (open || builtin.length === 0) continue;
      rule.resources.forEach((name, j) => {
        if (name === '*' || builtin.some((group) => resourcesMatching(group, name).length > 0)) return;
        out.push({ path: [...path, 'resources', j], ...explain(name, builtin) });
      });
    }
    return out;
  },
});
