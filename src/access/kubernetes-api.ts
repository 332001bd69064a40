// The built-in resources of Kubernetes v1.34 as RBAC sees them: for each API group, every resource and
// subresource, whether it is namespaced, and the verbs an authorizer is asked about for it.
//
// Source: the Kubernetes v1.34.0 OpenAPI spec (api/openapi-spec of kubernetes/kubernetes at v1.34.0),
// read through the client generated from it (@kubernetes/client-node 1.4.0, "OpenAPI spec version:
// v1.34.0"): every path gives group, resource, subresource and scope; its HTTP methods give the verbs
// (collection GET = list and watch, POST = create, DELETE = deletecollection; item GET/PUT/PATCH/DELETE =
// get/update/patch/delete; connect subresources map their methods the same way), cross-checked with the
// api/discovery/*.json APIResourceLists of the same tree. Every group version served in 1.34 counts,
// alpha and beta included, because a Role may name a resource whether or not its version is enabled.
// Resources that exist only as authorization checks are added from the Kubernetes docs (RBAC
// "Referring to resources", user impersonation, certificate signers, kubelet authorization): marked
// `authz` below. PodSecurityPolicy (and with it the `use` verb) was removed in 1.25, `extensions` in 1.22.
//
// To move to a newer Kubernetes, regenerate from that version's spec and re-run
// test/access/kubernetes-api.test.ts; the version is part of every unknown-resource message.

import type { Path } from '../common/findings.js';
import type { K8SRules, MachineIdentity } from '../manifest/machine-identity.generated.js';
import type { Grant, KubernetesGrant } from './model.js';

export const KUBERNETES_VERSION = '1.34';

export interface ApiResource {
  /** '' is the core group. */
  group: string;
  /** `pods`, or `pods/exec` for a subresource. */
  name: string;
  namespaced: boolean;
  verbs: readonly string[];
  /** kubectl short names (`cm`, `deploy`): RBAC does not accept them, so they only feed "did you mean". */
  shortNames: readonly string[];
  /** No endpoint serves it: it exists only as a check the API server, kubelet or a controller asks RBAC. */
  authorizationOnly: boolean;
}

// One line per resource: `name scope verbs [short names]`, scope n(amespaced) or c(luster), verbs a
// comma list or one of the macros below, `+authz` for authorization-only resources.
const MACROS: Record<string, string> = {
  RW: 'create,delete,deletecollection,get,list,patch,update,watch',
  ST: 'get,patch,update',
  CONNECT: 'create,delete,get,patch,update',
};

const GROUPS: Record<string, string> = {
  '': `
    bindings n create
    componentstatuses c get,list cs
    configmaps n RW cm
    endpoints n RW ep
    events n RW ev
    groups c impersonate +authz
    limitranges n RW limits
    namespaces c create,delete,get,list,patch,update,watch ns
    namespaces/finalize c update
    namespaces/status c ST
    nodes c RW no
    nodes/configz c CONNECT +authz
    nodes/healthz c CONNECT +authz
    nodes/log c CONNECT +authz
    nodes/metrics c CONNECT +authz
    nodes/pods c CONNECT +authz
    nodes/proxy c CONNECT
    nodes/spec c CONNECT +authz
    nodes/stats c CONNECT +authz
    nodes/status c ST
    persistentvolumeclaims n RW pvc
    persistentvolumeclaims/status n ST
    persistentvolumes c RW pv
    persistentvolumes/status c ST
    pods n RW po
    pods/attach n create,get
    pods/binding n create
    pods/ephemeralcontainers n ST
    pods/eviction n create
    pods/exec n create,get
    pods/log n get
    pods/portforward n create,get
    pods/proxy n CONNECT
    pods/resize n ST
    pods/status n ST
    podtemplates n RW
    replicationcontrollers n RW rc
    replicationcontrollers/scale n ST
    replicationcontrollers/status n ST
    resourcequotas n RW quota
    resourcequotas/status n ST
    secrets n RW
    serviceaccounts n RW,impersonate sa
    serviceaccounts/token n create
    services n RW svc
    services/proxy n CONNECT
    services/status n ST
    users c impersonate +authz`,
  'admissionregistration.k8s.io': `
    mutatingadmissionpolicies c RW
    mutatingadmissionpolicybindings c RW
    mutatingwebhookconfigurations c RW
    validatingadmissionpolicies c RW
    validatingadmissionpolicies/status c ST
    validatingadmissionpolicybindings c RW
    validatingwebhookconfigurations c RW`,
  'apiextensions.k8s.io': `
    customresourcedefinitions c RW crd,crds
    customresourcedefinitions/status c ST`,
  'apiregistration.k8s.io': `
    apiservices c RW
    apiservices/status c ST`,
  apps: `
    controllerrevisions n RW
    daemonsets n RW ds
    daemonsets/status n ST
    deployments n RW deploy
    deployments/scale n ST
    deployments/status n ST
    replicasets n RW rs
    replicasets/scale n ST
    replicasets/status n ST
    statefulsets n RW sts
    statefulsets/scale n ST
    statefulsets/status n ST`,
  'authentication.k8s.io': `
    selfsubjectreviews c create
    tokenreviews c create
    uids c impersonate +authz
    userextras c impersonate +authz`,
  'authorization.k8s.io': `
    localsubjectaccessreviews n create
    selfsubjectaccessreviews c create
    selfsubjectrulesreviews c create
    subjectaccessreviews c create`,
  autoscaling: `
    horizontalpodautoscalers n RW hpa
    horizontalpodautoscalers/status n ST`,
  batch: `
    cronjobs n RW cj
    cronjobs/status n ST
    jobs n RW
    jobs/status n ST`,
  'certificates.k8s.io': `
    certificatesigningrequests c RW csr
    certificatesigningrequests/approval c ST
    certificatesigningrequests/status c ST
    clustertrustbundles c RW
    podcertificaterequests n RW
    podcertificaterequests/status n ST
    signers c approve,attest,sign +authz`,
  'coordination.k8s.io': `
    leasecandidates n RW
    leases n RW`,
  'discovery.k8s.io': `
    endpointslices n RW`,
  'events.k8s.io': `
    events n RW ev`,
  'flowcontrol.apiserver.k8s.io': `
    flowschemas c RW
    flowschemas/status c ST
    prioritylevelconfigurations c RW
    prioritylevelconfigurations/status c ST`,
  'internal.apiserver.k8s.io': `
    storageversions c RW
    storageversions/status c ST`,
  'networking.k8s.io': `
    ingressclasses c RW
    ingresses n RW ing
    ingresses/status n ST
    ipaddresses c RW
    networkpolicies n RW netpol
    servicecidrs c RW
    servicecidrs/status c ST`,
  'node.k8s.io': `
    runtimeclasses c RW`,
  policy: `
    poddisruptionbudgets n RW pdb
    poddisruptionbudgets/status n ST`,
  'rbac.authorization.k8s.io': `
    clusterrolebindings c RW
    clusterroles c RW,bind,escalate
    rolebindings n RW
    roles n RW,bind,escalate`,
  'resource.k8s.io': `
    deviceclasses c RW
    devicetaintrules c RW
    resourceclaims n RW
    resourceclaims/status n ST
    resourceclaimtemplates n RW
    resourceslices c RW`,
  'scheduling.k8s.io': `
    priorityclasses c RW pc`,
  'storage.k8s.io': `
    csidrivers c RW
    csinodes c RW
    csistoragecapacities n RW
    storageclasses c RW sc
    volumeattachments c RW
    volumeattachments/status c ST
    volumeattributesclasses c RW vac`,
  'storagemigration.k8s.io': `
    storageversionmigrations c RW
    storageversionmigrations/status c ST`,
};

/** Groups Kubernetes once served and no longer does: a rule naming them grants nothing. */
export const REMOVED_GROUPS: ReadonlyMap<string, string> = new Map([['extensions', '1.22']]);

function parse(): ApiResource[] {
  const out: ApiResource[] = [];
  for (const [group, text] of Object.entries(GROUPS)) {
    for (const line of text.split('\n')) {
      const fields = line
        .trim()
        .split(/\s+/)
        .filter((f) => f !== '');
      if (fields.length === 0) continue;
      const authorizationOnly = fields[fields.length - 1] === '+authz';
      if (authorizationOnly) fields.pop();
      const [name, scope, verbs, short] = fields;
      if (!name || (scope !== 'n' && scope !== 'c') || !verbs)
        throw new Error(`kubernetes-api: bad line ${JSON.stringify(line)}`);
      out.push({
        group,
        name,
        namespaced: scope === 'n',
        verbs: verbs.split(',').flatMap((v) => (MACROS[v] ?? v).split(',')),
        shortNames: short ? short.split(',') : [],
        authorizationOnly,
      });
    }
  }
  return out;
}

export const apiResources: readonly ApiResource[] = parse();

const byGroup = new Map<string, ApiResource[]>();
for (const r of apiResources) {
  if (!byGroup.has(r.group)) byGroup.set(r.group, []);
  byGroup.get(r.group)!.push(r);
}
const byKey = new Map(apiResources.map((r) => [`${r.group}|${r.name}`, r]));

/** Every verb some built-in resource supports. */
export const builtinVerbs: readonly string[] = [...new Set(apiResources.flatMap((r) => r.verbs))].sort();

export const builtinGroups: readonly string[] = [...byGroup.keys()];

/** A group served by Kubernetes itself (or once served): its resources can be checked. */
export function isBuiltinGroup(group: string): boolean {
  return byGroup.has(group) || REMOVED_GROUPS.has(group);
}

export function resourcesOf(group: string): readonly ApiResource[] {
  return byGroup.get(group) ?? [];
}

/** The built-in resource `name` (`pods`, `pods/exec`) of `group`, if it exists. */
export function apiResource(group: string, name: string): ApiResource | undefined {
  const found = byKey.get(`${group}|${name}`);
  if (found) return found;
  // Impersonating a user's extra field checks `userextras/<field>`: any field name is valid.
  if (group === 'authentication.k8s.io' && /^userextras\/[^/]+$/.test(name)) return byKey.get(`${group}|userextras`);
  return undefined;
}

// The resources a name as written in a Role covers in `group`: `*`, `*/scale` or one name.
export function resourcesMatching(group: string, pattern: string): readonly ApiResource[] {
  if (pattern === '*') return resourcesOf(group);
  if (pattern.startsWith('*/')) return resourcesOf(group).filter((r) => r.name.endsWith(pattern.slice(1)));
  const one = apiResource(group, pattern);
  return one ? [one] : [];
}

// RBAC matching, as in k8s.io/component-helpers/auth/rbac/validation: `*` matches everything, a
// resource also as `*/<subresource>`; anything else only itself. `pods/*` is no wildcard to RBAC.
export function groupCovers(pattern: string, group: string): boolean {
  return pattern === '*' || pattern === group;
}

export function verbCovers(pattern: string, verb: string): boolean {
  return pattern === '*' || pattern === verb;
}

export function resourceCovers(pattern: string, resource: string): boolean {
  if (pattern === '*' || pattern === resource) return true;
  const slash = resource.indexOf('/');
  return slash > 0 && pattern.startsWith('*/') && pattern.slice(1) === resource.slice(slash);
}

export function isWildcardResource(pattern: string): boolean {
  return pattern === '*' || pattern.startsWith('*/');
}

/**
 * Cluster-scoped resources a namespaced Role still reaches with some verbs. The API server gives a
 * request on /namespaces/N the namespace N, so a Role in N covers the Namespace object N by name
 * (not list, watch or create); `bind` on a ClusterRole is checked in the namespace of the
 * RoleBinding that refers to it.
 */
export const PARTLY_NAMESPACED: ReadonlyMap<string, { verbs: readonly string[]; why: string }> = new Map([
  [
    '|namespaces',
    { verbs: ['get', 'update', 'patch', 'delete'], why: 'a Role reaches only its own Namespace object, by name' },
  ],
  [
    '|namespaces/status',
    { verbs: ['get', 'update', 'patch'], why: 'a Role reaches only its own Namespace object, by name' },
  ],
  ['|namespaces/finalize', { verbs: ['update'], why: 'a Role reaches only its own Namespace object, by name' }],
  [
    'rbac.authorization.k8s.io|clusterroles',
    { verbs: ['bind'], why: 'only bind on clusterroles is checked in the namespace of the RoleBinding' },
  ],
]);

/**
 * Can a namespaced Role (what idac generates) grant `verb` on this built-in resource? Namespaced
 * resources, yes; the PARTLY_NAMESPACED ones for their verbs (and for "*", which includes them);
 * any other cluster-scoped grant has no effect.
 */
export function roleCanGrant(group: string, resource: string, verb: string): boolean {
  const r = apiResource(group, resource);
  if (!r || r.namespaced) return true; // unknown (custom) resources are given the benefit of the doubt
  const partly = PARTLY_NAMESPACED.get(`${group}|${resource}`);
  return partly !== undefined && (verb === '*' || partly.verbs.includes(verb));
}

/** The part of a grant RBAC matches on. */
export interface RbacTriple {
  apiGroup: string;
  resource: string;
  verb: string;
}

/**
 * Does the grant reach `verb` on `group`/`resource` under the Role idac generates? A wildcard counts
 * only where a Role can grant; a resource named outright always counts, because naming it is the
 * intent a reviewer must see (k8s/cluster-scoped-resource says when it has no effect).
 */
export function reaches(g: RbacTriple, group: string, resource: string, verb: string): boolean {
  if (!groupCovers(g.apiGroup, group) || !resourceCovers(g.resource, resource) || !verbCovers(g.verb, verb))
    return false;
  return g.resource === resource || roleCanGrant(group, resource, verb);
}

/** Does the grant reach any of `verbs` on any of `resources` (all in `group`)? Returns the first verb reached. */
export function reachesAny(
  g: RbacTriple,
  group: string,
  resources: readonly string[],
  verbs: readonly string[],
): { resource: string; verb: string } | null {
  for (const resource of resources)
    for (const verb of verbs) if (reaches(g, group, resource, verb)) return { resource, verb };
  return null;
}

// Where a rule sits in a manifest, so findings can point at the group, resource or verb they are about.

export type KubernetesRule = K8SRules[number];

export interface WrittenRule {
  rule: KubernetesRule;
  /** Data path of the rule: [..., 'kubernetes', 'rules', i]. */
  path: Path;
  elevation: number | null;
}

/** Every RBAC rule the manifest writes, in spec.access and in every elevation (active or not). */
export function writtenRules(data: MachineIdentity): WrittenRule[] {
  const out: WrittenRule[] = [];
  (data.spec.access.kubernetes?.rules ?? []).forEach((rule, i) =>
    out.push({ rule, path: ['spec', 'access', 'kubernetes', 'rules', i], elevation: null }),
  );
  (data.spec.elevations ?? []).forEach((e, k) => {
    (e.access.kubernetes?.rules ?? []).forEach((rule, i) =>
      out.push({ rule, path: ['spec', 'elevations', k, 'access', 'kubernetes', 'rules', i], elevation: k }),
    );
  });
  return out;
}

/** The rule a grant came from (its path is the verb's: [..., 'rules', i, 'verbs', j]). */
export function sourceRule(data: MachineIdentity, g: KubernetesGrant): WrittenRule | null {
  const path = g.path.slice(0, -2);
  const i = path[path.length - 1];
  if (typeof i !== 'number') return null;
  const rules =
    g.elevation === null
      ? data.spec.access.kubernetes?.rules
      : data.spec.elevations?.[g.elevation]?.access.kubernetes?.rules;
  const rule = rules?.[i];
  return rule ? { rule, path, elevation: g.elevation } : null;
}

/** Path of the grant's resource as written (`at` the resources entry it came from). */
export function resourcePath(source: WrittenRule, g: KubernetesGrant): Path {
  return [...source.path, 'resources', Math.max(0, source.rule.resources.indexOf(g.resource))];
}

export function apiGroupPath(source: WrittenRule, g: KubernetesGrant): Path {
  return [...source.path, 'apiGroups', Math.max(0, source.rule.apiGroups.indexOf(g.apiGroup))];
}

export function kubernetesGrants(grants: readonly Grant[]): KubernetesGrant[] {
  return grants.filter((g): g is KubernetesGrant => g.target === 'kubernetes');
}

/** One report per place: grants are the product of groups × resources × names × verbs, so many share a path. */
export function oncePerPath<T extends { path: Path }>(items: Iterable<T>): T[] {
  const seen = new Map<string, T>();
  for (const it of items) {
    const key = JSON.stringify(it.path);
    if (!seen.has(key)) seen.set(key, it);
  }
  return [...seen.values()];
}

/** `create on deployments`, or `create on deployments (through verbs "*" and resources "*")`. */
export function describeHit(g: RbacTriple, hit: { resource: string; verb: string }): string {
  const via: string[] = [];
  if (g.verb !== hit.verb) via.push(`verbs "${g.verb}"`);
  if (g.resource !== hit.resource) via.push(`resources "${g.resource}"`);
  return `${hit.verb} on ${hit.resource}${via.length ? ` (through ${via.join(' and ')})` : ''}`;
}

/** `prod-eu/payments`. */
export function placeOf(g: KubernetesGrant): string {
  return `${g.cluster}/${g.namespace}`;
}

/** Resources whose create runs a pod: the pod itself and every built-in controller with a pod template. */
export const POD_CREATORS: readonly { group: string; resources: readonly string[] }[] = [
  { group: '', resources: ['pods', 'replicationcontrollers'] },
  { group: 'apps', resources: ['deployments', 'replicasets', 'statefulsets', 'daemonsets'] },
  { group: 'batch', resources: ['jobs', 'cronjobs'] },
];
