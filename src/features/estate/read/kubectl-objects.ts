// The objects of a kubectl dump: `kubectl get … -o json` (a List, or several documents one after the
// other when the dump was made per namespace or per kind) or `-o yaml`, narrowed to the five kinds
// the Kubernetes reader uses. An object that is not what kubectl prints is left out with a warning
// naming it, never guessed at.

import jsYaml from 'js-yaml';
import { fail, ok, type Result } from '../../../common/result.js';

export interface ObjectMeta {
  name: string;
  /** Absent for cluster-scoped objects (ClusterRole, ClusterRoleBinding). */
  namespace?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  creationTimestamp?: string;
}

/** An RBAC PolicyRule as the API stores it: every list may be absent. */
export interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  verbs?: string[];
  nonResourceURLs?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

export interface RoleObject {
  kind: 'Role' | 'ClusterRole';
  metadata: ObjectMeta;
  rules: PolicyRule[];
  /** ClusterRole aggregationRule.clusterRoleSelectors. */
  aggregation?: LabelSelector[];
}

export interface Subject {
  kind: string;
  name: string;
  namespace?: string;
  apiGroup?: string;
}

export interface BindingObject {
  kind: 'RoleBinding' | 'ClusterRoleBinding';
  metadata: ObjectMeta;
  roleRef: { apiGroup: string; kind: string; name: string };
  subjects: Subject[];
}

export interface KubectlObjects {
  serviceAccounts: ObjectMeta[];
  roles: RoleObject[];
  bindings: BindingObject[];
  warnings: string[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isStringMap = (v: unknown): v is Record<string, string> =>
  isObject(v) && Object.values(v).every((s) => typeof s === 'string');

/** Every ServiceAccount, Role, ClusterRole, RoleBinding and ClusterRoleBinding of the dump, in input order. */
export function readKubectlObjects(text: string): Result<KubectlObjects> {
  const docs = parseDocuments(text);
  if (!docs.ok) return docs;
  const out: KubectlObjects = { serviceAccounts: [], roles: [], bindings: [], warnings: [] };
  const ignored = new Map<string, number>();
  const seen = new Set<string>();
  for (const item of docs.value.flatMap(flatten)) {
    const kind = isObject(item) && typeof item['kind'] === 'string' ? item['kind'] : '(no kind)';
    const read = isObject(item) ? readObject(kind, item) : undefined;
    if (read === undefined) {
      ignored.set(kind, (ignored.get(kind) ?? 0) + 1);
      continue;
    }
    if (typeof read === 'string') {
      out.warnings.push(read);
      continue;
    }
    // Dumps made per namespace and per kind overlap (a List per kind and one per namespace): an object
    // read twice counts once.
    const key = `${kind}/${read.metadata.namespace ?? ''}/${read.metadata.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (read.kind === 'ServiceAccount') out.serviceAccounts.push(read.metadata);
    else if ('roleRef' in read) out.bindings.push(read);
    else out.roles.push(read);
  }
  for (const [kind, n] of [...ignored].sort(([a], [b]) => (a < b ? -1 : 1))) {
    out.warnings.push(`${n} object(s) of kind ${kind} left out: the reader uses service accounts, roles and bindings`);
  }
  return ok(out);
}

/** The JSON documents of the text, one after the other, or its YAML documents when it is not JSON. */
function parseDocuments(text: string): Result<unknown[]> {
  const start = text.search(/\S/);
  if (start === -1) return fail('the kubectl dump is empty');
  if (text[start] !== '{' && text[start] !== '[') {
    // js-yaml: a big dump reads several times faster than with `yaml`, and positions are not needed; the
    // core schema keeps timestamps as the strings kubectl printed.
    try {
      return ok(
        jsYaml.loadAll(text, undefined, { schema: jsYaml.CORE_SCHEMA }).filter((d) => d !== null && d !== undefined),
      );
    } catch (e) {
      const line = e instanceof jsYaml.YAMLException ? ` (line ${e.mark.line + 1}: ${e.reason})` : '';
      return fail(`the kubectl dump is neither JSON nor YAML${line}`);
    }
  }
  // One document (kubectl's own output): no need to find where documents end.
  try {
    return ok([JSON.parse(text) as unknown]);
  } catch {
    // several documents, or a broken one: read them one by one below
  }
  const out: unknown[] = [];
  for (const [from, to] of jsonSpans(text)) {
    try {
      out.push(JSON.parse(text.slice(from, to)) as unknown);
    } catch {
      // The parser's message quotes the text around the error: say where instead.
      const where = `document ${out.length + 1} (from character ${from})`;
      return fail(`the kubectl dump is not valid JSON: ${where} is cut short or malformed`);
    }
  }
  return ok(out);
}

/** Where each top-level JSON value of concatenated documents starts and ends (brackets outside strings). */
function jsonSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth++ === 0) start = i;
    } else if (c === '}' || c === ']') {
      if (--depth === 0) spans.push([start, i + 1]);
    } else if (depth === 0 && !/\s/.test(c!)) {
      // Text between documents: hand it to JSON.parse so it fails there with a position.
      spans.push([i, text.length]);
      break;
    }
  }
  if (depth > 0) spans.push([start, text.length]);
  return spans;
}

/** A List's items (kubectl prints `kind: List`; the API's own lists are `RoleList` and so on), or the object. */
function flatten(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc.flatMap(flatten);
  if (isObject(doc) && typeof doc['kind'] === 'string' && doc['kind'].endsWith('List') && Array.isArray(doc['items'])) {
    return doc['items'].flatMap(flatten);
  }
  return [doc];
}

type Read = { kind: 'ServiceAccount'; metadata: ObjectMeta } | RoleObject | BindingObject;

/** The object narrowed to its kind; a warning when it is malformed; undefined for a kind the reader does not use. */
function readObject(kind: string, item: Json): Read | string | undefined {
  if (!['ServiceAccount', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'].includes(kind)) return undefined;
  const metadata = readMeta(item['metadata'], !kind.startsWith('Cluster'));
  if (typeof metadata === 'string') return `a ${kind} left out: ${metadata}`;
  const where = `${kind} ${metadata.namespace ? `${metadata.namespace}/` : ''}${metadata.name}`;
  if (kind === 'ServiceAccount') return { kind, metadata };
  if (kind === 'Role' || kind === 'ClusterRole') {
    const rules = item['rules'] ?? [];
    if (!Array.isArray(rules) || !rules.every(isRule)) return `${where} left out: its rules are not RBAC PolicyRules`;
    const aggregation = isObject(item['aggregationRule']) ? item['aggregationRule']['clusterRoleSelectors'] : undefined;
    if (aggregation !== undefined && !(Array.isArray(aggregation) && aggregation.every(isSelector))) {
      return `${where} left out: its aggregationRule.clusterRoleSelectors are not label selectors`;
    }
    return {
      kind,
      metadata,
      rules: rules.map(presentLists),
      ...(kind === 'ClusterRole' && aggregation ? { aggregation } : {}),
    };
  }
  const roleRef = item['roleRef'];
  if (!isObject(roleRef) || typeof roleRef['kind'] !== 'string' || typeof roleRef['name'] !== 'string') {
    return `${where} left out: it has no roleRef`;
  }
  const subjects = item['subjects'] ?? [];
  if (!Array.isArray(subjects) || !subjects.every(isSubject)) return `${where} left out: its subjects are malformed`;
  const apiGroup = typeof roleRef['apiGroup'] === 'string' ? roleRef['apiGroup'] : '';
  return {
    kind: kind as BindingObject['kind'],
    metadata,
    roleRef: { apiGroup, kind: roleRef['kind'], name: roleRef['name'] },
    subjects: subjects.map((s) => ({
      kind: s.kind,
      name: s.name,
      ...(s.namespace ? { namespace: s.namespace } : {}),
      ...(s.apiGroup ? { apiGroup: s.apiGroup } : {}),
    })),
  };
}

function readMeta(v: unknown, namespaced: boolean): ObjectMeta | string {
  if (!isObject(v) || typeof v['name'] !== 'string' || v['name'] === '') return 'it has no metadata.name';
  const namespace = v['namespace'];
  if (namespaced && (typeof namespace !== 'string' || namespace === '')) return `${v['name']} has no namespace`;
  const labels = v['labels'] ?? {};
  const annotations = v['annotations'] ?? {};
  if (!isStringMap(labels) || !isStringMap(annotations)) return `${v['name']}: labels and annotations must be strings`;
  const created = v['creationTimestamp'];
  return {
    name: v['name'],
    ...(namespaced ? { namespace: namespace as string } : {}),
    labels,
    annotations,
    ...(typeof created === 'string' ? { creationTimestamp: created } : {}),
  };
}

function isRule(v: unknown): v is PolicyRule {
  if (!isObject(v)) return false;
  return ['apiGroups', 'resources', 'resourceNames', 'verbs', 'nonResourceURLs'].every(
    (k) => v[k] === undefined || v[k] === null || isStrings(v[k]),
  );
}

/** The rule with its null lists left out (the API omits an empty list; hand-written YAML may say `null`). */
function presentLists(rule: PolicyRule): PolicyRule {
  const out: PolicyRule = {};
  for (const k of ['apiGroups', 'resources', 'resourceNames', 'verbs', 'nonResourceURLs'] as const) {
    const list = rule[k];
    if (Array.isArray(list)) out[k] = list;
  }
  return out;
}

function isSelector(v: unknown): v is LabelSelector {
  if (!isObject(v)) return false;
  const labels = v['matchLabels'];
  const exprs = v['matchExpressions'];
  return (
    (labels === undefined || isStringMap(labels)) &&
    (exprs === undefined ||
      (Array.isArray(exprs) &&
        exprs.every(
          (e) =>
            isObject(e) &&
            typeof e['key'] === 'string' &&
            typeof e['operator'] === 'string' &&
            (e['values'] === undefined || isStrings(e['values'])),
        )))
  );
}

function isSubject(v: unknown): v is Subject {
  return (
    isObject(v) &&
    typeof v['kind'] === 'string' &&
    typeof v['name'] === 'string' &&
    (v['namespace'] === undefined || typeof v['namespace'] === 'string') &&
    (v['apiGroup'] === undefined || typeof v['apiGroup'] === 'string')
  );
}
