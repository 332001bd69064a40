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
import { readKubectlObjects, type BindingObject, type ObjectMeta, type Subject } from './kubectl-objects.js';
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
  /** Each expressible rule with the binding it came from. */
  grants: { rule: KubernetesRule; from: string }[];
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
      grants: [],
      notExpressible: [],
      bound: false,
    });
  }
  const lookup = roleLookup(roles);
  for (const binding of [...bindings].sort(byBinding)) {
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
        grant(account, binding, role, covered);
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
function grant(account: Account, binding: BindingObject, role: ResolvedRole | undefined, covered: Covered): void {
  const source = bindingSource(binding);
  const reason = unexpressible(account, binding, role, covered);
  if (reason !== undefined) {
    account.notExpressible.push({ source, statement: bindingStatement(binding, role), reason });
    return;
  }
  for (const rule of role!.rules) {
    const converted = manifestRules(rule);
    if ('reason' in converted) {
      account.notExpressible.push({ source, statement: ruleStatement(rule), reason: converted.reason });
    } else {
      account.grants.push(...converted.rules.map((r) => ({ rule: r, from: source })));
    }
  }
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
  const sources = new Map<string, { rule: KubernetesRule; from: Set<string> }>();
  for (const { rule, from } of account.grants) {
    const canonical = canonicalRules([rule])[0]!;
    const key = ruleKey(canonical);
    const entry = sources.get(key) ?? { rule: canonical, from: new Set<string>() };
    entry.from.add(from);
    sources.set(key, entry);
  }
  const all = canonicalRules([...sources.values()].map((s) => s.rule));
  const fromOf = (rule: KubernetesRule): string => [...sources.get(ruleKey(rule))!.from].sort().join('; ');
  const rules = all.slice(0, MAX_RULES);
  const notExpressible = [
    ...account.notExpressible,
    ...all.slice(MAX_RULES).map((rule) => ({
      source: fromOf(rule),
      statement: JSON.stringify(rule),
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
    origins: rules.map((rule, i) => ({ path: ['kubernetes', 'rules', i], from: fromOf(rule) })),
    ...(meta.creationTimestamp ? { created: meta.creationTimestamp } : {}),
    ...(skip ? { skip } : {}),
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

function byBinding(a: BindingObject, b: BindingObject): number {
  const key = (x: BindingObject): string => `${x.kind}\0${x.metadata.namespace ?? ''}\0${x.metadata.name}`;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}
