// RBAC as the API server evaluates it, in manifest terms: a binding's role with its aggregated rules
// resolved, each PolicyRule as the manifest rules that say exactly the same (or the reason none can),
// and the exact text of a rule or binding for a report.

import type { BindingObject, LabelSelector, PolicyRule, RoleObject } from './kubectl-objects.js';
import type { KubernetesRule } from './kubernetes-names.js';

export interface ResolvedRole {
  kind: 'Role' | 'ClusterRole';
  name: string;
  namespace?: string;
  /** The rules it grants: its own, and for an aggregated ClusterRole those of every role it selects. */
  rules: PolicyRule[];
}

/** Finds the role a binding refers to (a RoleBinding's Role is in the binding's namespace). */
export type RoleLookup = (binding: BindingObject) => ResolvedRole | undefined;

export function roleLookup(roles: readonly RoleObject[]): RoleLookup {
  const namespaced = new Map<string, RoleObject>();
  const cluster = new Map<string, RoleObject>();
  for (const role of roles) {
    if (role.kind === 'Role') namespaced.set(`${role.metadata.namespace}/${role.metadata.name}`, role);
    else cluster.set(role.metadata.name, role);
  }
  const clusterRoles = [...cluster.values()].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  const resolved = new Map<string, PolicyRule[]>();
  const aggregated = (role: RoleObject, visiting: Set<string>): PolicyRule[] => {
    const done = resolved.get(role.metadata.name);
    if (done) return done;
    // The aggregation controller writes the union of the selected roles' rules into the role itself, so
    // a dump taken after it ran already holds them and the union below adds nothing; a dump taken
    // before (or of manifests) gets them here. Rules the role holds beyond the union still grant until
    // the controller runs, so they stay.
    const parts = role.aggregation
      ? clusterRoles.filter(
          (other) =>
            other !== role &&
            !visiting.has(other.metadata.name) &&
            role.aggregation!.some((s) => selects(s, other.metadata.labels)),
        )
      : [];
    const next = new Set(visiting).add(role.metadata.name);
    const rules = uniqueRules([...role.rules, ...parts.flatMap((part) => aggregated(part, next))]);
    if (visiting.size === 0) resolved.set(role.metadata.name, rules);
    return rules;
  };
  return (binding) => {
    const { kind, name } = binding.roleRef;
    if (kind === 'Role' && binding.kind === 'RoleBinding') {
      const role = namespaced.get(`${binding.metadata.namespace}/${name}`);
      return role && { kind, name, namespace: binding.metadata.namespace!, rules: role.rules };
    }
    const role = kind === 'ClusterRole' ? cluster.get(name) : undefined;
    return role && { kind: 'ClusterRole', name, rules: aggregated(role, new Set()) };
  };
}

/** Label selector semantics (an empty selector selects everything, as LabelSelectorAsSelector has it). */
export function selects(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  return (
    byLabel &&
    (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
      const value = labels[key];
      switch (operator) {
        case 'In':
          return value !== undefined && values.includes(value);
        case 'NotIn':
          return value === undefined || !values.includes(value);
        case 'Exists':
          return value !== undefined;
        case 'DoesNotExist':
          return value === undefined;
        default:
          // An operator the API would have refused: select nothing rather than guess.
          return false;
      }
    })
  );
}

function uniqueRules(rules: readonly PolicyRule[]): PolicyRule[] {
  const byText = new Map<string, PolicyRule>();
  for (const rule of rules) byText.set(ruleStatement(rule), rule);
  return [...byText.values()];
}

/** A PolicyRule as compact JSON, its fields in the order kubectl prints them. */
export function ruleStatement(rule: PolicyRule): string {
  return JSON.stringify(orderedRule(rule));
}

function orderedRule(rule: PolicyRule): PolicyRule {
  const out: PolicyRule = {};
  for (const k of ['apiGroups', 'nonResourceURLs', 'resourceNames', 'resources', 'verbs'] as const) {
    if (rule[k] !== undefined) out[k] = rule[k];
  }
  return out;
}

/** A binding and the rules of its role as compact JSON: what a person reads to decide about it. */
export function bindingStatement(binding: BindingObject, role: ResolvedRole | undefined): string {
  const { kind, metadata, roleRef, subjects } = binding;
  return JSON.stringify({
    kind,
    metadata: { name: metadata.name, ...(metadata.namespace ? { namespace: metadata.namespace } : {}) },
    roleRef,
    subjects,
    ...(role ? { rules: role.rules.map(orderedRule) } : {}),
  });
}

/** "RoleBinding payments/reader → ClusterRole view": where a rule came from. */
export function bindingSource(binding: BindingObject): string {
  const { kind, metadata, roleRef } = binding;
  const self = `${kind} ${metadata.namespace ? `${metadata.namespace}/` : ''}${metadata.name}`;
  const role =
    roleRef.kind === 'Role' ? `Role ${metadata.namespace}/${roleRef.name}` : `${roleRef.kind} ${roleRef.name}`;
  return `${self} → ${role}`;
}

// The manifest's limits (schema/machine-identity.schema.json, definitions.k8sRules).
const API_GROUP = /^(\*|[a-z0-9.-]*)$/;
const RESOURCE = /^(\*(\/[a-z0-9.-]+)?|[a-z0-9.-]+(\/[a-z0-9.-]+|\/\*)?)$/;
const RESOURCE_NAME = /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/;
const VERB = /^(\*|[a-z]+)$/;
const MAX = { apiGroups: 50, resources: 100, resourceNames: 100, verbs: 20 } as const;

/**
 * The manifest rules that grant exactly what `rule` grants in a namespace, or why there are none. A list
 * longer than the manifest allows is split (a rule allows the product of its lists, so splitting one
 * list changes nothing); a value the manifest cannot hold refuses the whole rule, since dropping it
 * would change what the rule means (a resource name left out would widen it).
 */
export function manifestRules(rule: PolicyRule): { rules: KubernetesRule[] } | { reason: string } {
  if ((rule.nonResourceURLs ?? []).length > 0) {
    return {
      reason:
        'non-resource URLs (such as /metrics or /healthz) are cluster-wide and a manifest has no field for ' +
        'them; grant them with a ClusterRoleBinding outside idac, or remove the rule',
    };
  }
  const apiGroups = unique(rule.apiGroups);
  const resources = unique(rule.resources);
  const verbs = unique(rule.verbs);
  const empty = [
    apiGroups.length === 0 && 'API group',
    resources.length === 0 && 'resource',
    verbs.length === 0 && 'verb',
  ]
    .filter(Boolean)
    .join(', ');
  if (empty) return { reason: `the rule grants nothing (it names no ${empty}); remove it from the role` };
  // resourceNames: [] restricts nothing (RBAC reads it as "any name"), which the manifest says by leaving it out.
  const names = rule.resourceNames && rule.resourceNames.length > 0 ? unique(rule.resourceNames) : undefined;
  const bad =
    apiGroups.find((v) => !API_GROUP.test(v) || v.length > 253) ??
    resources.find((v) => !RESOURCE.test(v) || v.length > 253) ??
    names?.find((v) => !RESOURCE_NAME.test(v)) ??
    verbs.find((v) => !VERB.test(v) || v.length > 32);
  if (bad !== undefined) {
    return {
      reason: `"${bad}" is not a value a manifest rule accepts (lower-case names, "*" or resource/subresource)`,
    };
  }
  const rules: KubernetesRule[] = [];
  for (const g of chunks(apiGroups, MAX.apiGroups)) {
    for (const r of chunks(resources, MAX.resources)) {
      for (const n of names ? chunks(names, MAX.resourceNames) : [undefined]) {
        for (const v of chunks(verbs, MAX.verbs)) {
          rules.push({ apiGroups: g, resources: r, ...(n ? { resourceNames: n } : {}), verbs: v });
        }
      }
    }
  }
  return { rules };
}

const unique = (list: readonly string[] = []): string[] => [...new Set(list)];

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
