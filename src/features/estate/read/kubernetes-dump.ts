// A cluster's service accounts in manifest terms, from `kubectl get serviceaccounts,roles,rolebindings,
// clusterroles,clusterrolebindings -A -o json`. A manifest grants a service account rules in its own
// namespace, so that is what `access` holds: the rules of every RoleBinding in the account's
// namespace that names it, whether the binding points at a Role or a ClusterRole (whose rules then
// apply in that namespace only). Everything else that reaches the account is reported with the
// binding that grants it: cluster-wide bindings, bindings in other namespaces, bindings to groups
// that cover every account (shared, so a manifest cannot own them), the account named as a user,
// bindings to roles that do not exist, and rules the manifest has no words for.

import { fail, ok, type Result } from '../../../common/result.js';
import type { Estate, EstateContext, EstateIdentity, NotExpressible } from '../types.js';
import {
  readKubectlObjects,
  type BindingObject,
  type ObjectMeta,
  type PolicyRule,
  type Subject,
} from './kubectl-objects.js';
import { canonicalRules, kubernetesId, ruleKey, SYSTEM_NAMESPACES, type KubernetesRule } from './kubernetes-names.js';
import {
  bindingSource,
  bindingStatement,
  manifestRules,
  roleLookup,
  ruleStatement,
  type ResolvedRole,
} from './kubernetes-rbac.js';

const CLUSTER_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_RULES = 100;
const SA_USER = /^system:serviceaccount:([^:]+):([^:]+)$/;
/** Bindings the API server creates in every cluster (RBAC "default roles and role bindings"). */
const BOOTSTRAP_LABEL = 'kubernetes.io/bootstrapping';
/** Noise, not a label: the whole object as last applied (the importer would look up owners in it). */
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

interface Account {
  meta: ObjectMeta & { namespace: string };
  /** Each expressible rule (canonical, by its key) with the bindings it came from. */
  grants: Map<string, { rule: KubernetesRule; from: Set<string> }>;
  notExpressible: NotExpressible[];
  /** Named by a binding (as itself or its user name), which keeps a namespace's `default` account in. */
  bound: boolean;
}

/** `kubectl get serviceaccounts,roles,rolebindings,clusterroles,clusterrolebindings -A -o json` → the estate. */
export function parseKubectlDump(text: string, ctx: EstateContext & { cluster: string }): Result<Estate> {
  const { cluster } = ctx;
  if (!CLUSTER_NAME.test(cluster)) {
    return fail(`"${cluster}" is not a cluster name: use the name org.yaml targets.kubernetes gives the cluster`, {
      subject: '--cluster',
    });
  }
  const read = readKubectlObjects(text);
  if (!read.ok) return read;
  const { serviceAccounts, roles, bindings } = read.value;
  const warnings = [...read.value.warnings];
  const accounts = new Map<string, Account>();
  for (const meta of serviceAccounts) {
    const namespace = meta.namespace!;
    accounts.set(`${namespace}/${meta.name}`, {
      meta: { ...meta, namespace },
      grants: new Map(),
      notExpressible: [],
      bound: false,
    });
  }
  const lookup = roleLookup(roles);
  const convert = converter();
  for (const binding of sortedBindings(bindings)) {
    const role = lookup(binding);
    if (!role) {
      warnings.push(
        `${bindingSource(binding)}: the role does not exist, so the binding grants nothing until one is made`,
      );
    }
    for (const subject of binding.subjects) {
      const covered = cover(subject, binding, accounts);
      if (covered.missing) {
        warnings.push(
          `${bindingSource(binding)} names service account ${covered.missing}, which is not in the dump: ` +
            'whoever creates it gets the access',
        );
      }
      for (const account of covered.accounts) {
        if (covered.how !== 'group') account.bound = true;
        grant(account, binding, role, covered, convert);
      }
    }
  }
  const identities = [...accounts.values()].map((account) => identityOf(account, cluster));
  identities.sort((a, b) => (a.id < b.id ? -1 : 1));
  return ok({
    target: 'kubernetes',
    scope: cluster,
    identities,
    keys: [],
    org: { kubernetes: { [cluster]: {} } },
    warnings: [...new Set(warnings)].sort(),
  });
}

type How = 'account' | 'user' | 'group';
interface Covered {
  accounts: Account[];
  how: How;
  /** The group subject, for a group. */
  group?: string;
  /** namespace/name of an account the subject names that the dump does not hold. */
  missing?: string;
}

/** The service accounts a subject of the binding stands for, and how it names them. */
function cover(subject: Subject, binding: BindingObject, accounts: ReadonlyMap<string, Account>): Covered {
  const one = (key: string, how: How): Covered => {
    const account = accounts.get(key);
    return account ? { accounts: [account], how } : { accounts: [], how, missing: key };
  };
  if (subject.kind === 'ServiceAccount') {
    return one(`${subject.namespace ?? binding.metadata.namespace ?? ''}/${subject.name}`, 'account');
  }
  const user = subject.kind === 'User' ? SA_USER.exec(subject.name) : null;
  if (user) return one(`${user[1]}/${user[2]}`, 'user');
  // The built-in bindings to every authenticated client (discovery, basic-user, public-info-viewer,
  // service-account-issuer-discovery) are the same in every cluster: the baseline, not an account's access.
  if (subject.kind !== 'Group' || binding.metadata.labels[BOOTSTRAP_LABEL] === 'rbac-defaults') {
    return { accounts: [], how: 'group' };
  }
  const all = [...accounts.values()];
  const group = subject.name;
  if (group === 'system:serviceaccounts' || group === 'system:authenticated')
    return { accounts: all, how: 'group', group };
  const ns = /^system:serviceaccounts:(.+)$/.exec(group)?.[1];
  return { accounts: ns === undefined ? [] : all.filter((a) => a.meta.namespace === ns), how: 'group', group };
}

/** What the binding gives the account: rules in `access` when a manifest can say them, else a report. */
function grant(
  account: Account,
  binding: BindingObject,
  role: ResolvedRole | undefined,
  covered: Covered,
  convert: Converter,
): void {
  const source = bindingSource(binding);
  const reason = unexpressible(account, binding, role, covered);
  if (reason !== undefined) {
    account.notExpressible.push({ source, statement: convert.statement(binding, role), reason });
    return;
  }
  for (const rule of role!.rules) {
    const converted = convert.rule(rule);
    if ('reason' in converted) {
      account.notExpressible.push({ source, statement: ruleStatement(rule), reason: converted.reason });
      continue;
    }
    for (const { key, rule: canonical } of converted.rules) {
      const entry = account.grants.get(key) ?? { rule: canonical, from: new Set<string>() };
      entry.from.add(source);
      account.grants.set(key, entry);
    }
  }
}

interface Converter {
  rule(rule: PolicyRule): { rules: { key: string; rule: KubernetesRule }[] } | { reason: string };
  statement(binding: BindingObject, role: ResolvedRole | undefined): string;
}

/**
 * Conversions remembered per rule and per binding: a ClusterRole such as `view` is bound to thousands
 * of accounts, and a group binding reaches every account of a namespace.
 */
function converter(): Converter {
  const rules = new Map<PolicyRule, ReturnType<Converter['rule']>>();
  const statements = new Map<BindingObject, string>();
  return {
    rule(rule) {
      let out = rules.get(rule);
      if (!out) {
        const converted = manifestRules(rule);
        out =
          'reason' in converted
            ? converted
            : { rules: canonicalRules(converted.rules).map((r) => ({ key: ruleKey(r), rule: r })) };
        rules.set(rule, out);
      }
      return out;
    },
    statement(binding, role) {
      let out = statements.get(binding);
      if (out === undefined) {
        out = bindingStatement(binding, role);
        statements.set(binding, out);
      }
      return out;
    },
  };
}

/** Why the binding as a whole cannot be in the account's manifest, or undefined when it can. */
function unexpressible(
  account: Account,
  binding: BindingObject,
  role: ResolvedRole | undefined,
  { how, group }: Covered,
): string | undefined {
  const { namespace } = account.meta;
  if (!role) {
    return (
      'the binding refers to a role that does not exist: it grants nothing now, and whatever a role of that ' +
      'name holds once someone creates it; delete the binding'
    );
  }
  if (how === 'group') {
    return (
      `shared: the binding grants to a group (${group}) of service accounts, not to this identity alone, so ` +
      "no identity's manifest can own it; bind the accounts that need the access one by one, then remove it"
    );
  }
  if (how === 'user') {
    return (
      `the binding names the account as the user system:serviceaccount:${namespace}:${account.meta.name}; ` +
      'a manifest binds its service account as a ServiceAccount subject, so add the rules the account needs ' +
      'to its manifest and remove this binding'
    );
  }
  if (binding.kind === 'ClusterRoleBinding') {
    return (
      'cluster-wide: the rules apply in every namespace and to cluster-scoped resources, and a manifest grants ' +
      'rules in its own namespace only; replace it with the namespaced rules the account needs, or keep it ' +
      'outside idac'
    );
  }
  if (binding.metadata.namespace !== namespace) {
    return (
      `the binding grants rules in namespace ${binding.metadata.namespace}, and a manifest grants rules in ` +
      `its service account's own namespace (${namespace}) only`
    );
  }
  return undefined;
}

function identityOf(account: Account, cluster: string): EstateIdentity {
  const { meta } = account;
  // Each rule is canonical already: in key order, they are the account's rules in canonical form.
  const sorted = [...account.grants.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, entry]) => entry);
  const fromOf = (entry: (typeof sorted)[number]): string => [...entry.from].sort().join('; ');
  // A copy per account: the converted rules are shared between every account a role is bound to.
  const rules = sorted.slice(0, MAX_RULES).map(({ rule }) => copyRule(rule));
  const notExpressible = [
    ...account.notExpressible,
    ...sorted.slice(MAX_RULES).map((entry) => ({
      source: fromOf(entry),
      statement: JSON.stringify(entry.rule),
      reason: `a manifest holds at most ${MAX_RULES} rules; merge rules that share API groups and resources`,
    })),
  ];
  const skip = skipReason(account);
  return {
    target: 'kubernetes',
    id: kubernetesId(cluster, meta.namespace, meta.name),
    name: meta.name,
    labels: labelsOf(meta),
    access: {
      kubernetes: {
        cluster,
        namespace: meta.namespace,
        serviceAccount: meta.name,
        ...(rules.length > 0 ? { rules } : {}),
      },
    },
    notExpressible: uniqueSorted(notExpressible),
    origins: rules.map((_, i) => ({ path: ['kubernetes', 'rules', i], from: fromOf(sorted[i]!) })),
    ...(meta.creationTimestamp ? { created: meta.creationTimestamp } : {}),
    ...(skip ? { skip } : {}),
  };
}

function copyRule(rule: KubernetesRule): KubernetesRule {
  return {
    apiGroups: [...rule.apiGroups],
    resources: [...rule.resources],
    ...(rule.resourceNames ? { resourceNames: [...rule.resourceNames] } : {}),
    verbs: [...rule.verbs],
  };
}

function skipReason(account: Account): string | undefined {
  const { meta } = account;
  // What idac made is idac's to manage, wherever it lives.
  if (meta.labels['app.kubernetes.io/managed-by'] === 'idac') return undefined;
  if (SYSTEM_NAMESPACES.includes(meta.namespace)) {
    return `a service account of the cluster itself (namespace ${meta.namespace})`;
  }
  if (meta.name === 'default' && !account.bound) {
    return 'the namespace default service account, which no binding names';
  }
  return undefined;
}

/** Labels, then the annotations no label already gives, keys sorted. */
function labelsOf(meta: ObjectMeta): Record<string, string> {
  const merged = Object.entries({ ...meta.annotations, ...meta.labels }).filter(([k]) => k !== LAST_APPLIED);
  return Object.fromEntries(merged.sort(([a], [b]) => (a < b ? -1 : 1)));
}

function uniqueSorted(list: readonly NotExpressible[]): NotExpressible[] {
  const byKey = new Map(list.map((n) => [JSON.stringify([n.source, n.statement, n.reason]), n]));
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, n]) => n);
}

/** Bindings in a stable order (kind, namespace, name): the input order must not matter. */
function sortedBindings(bindings: readonly BindingObject[]): BindingObject[] {
  const keyed = bindings.map((b) => ({ b, key: `${b.kind}\0${b.metadata.namespace ?? ''}\0${b.metadata.name}` }));
  return keyed.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)).map(({ b }) => b);
}
