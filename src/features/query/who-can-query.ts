// `idac who-can ACTION RESOURCE`: the two arguments read as one concrete request, or a message
// saying why they are not one. A request is never a pattern: wildcards in it are refused where a
// name cannot hold them, and a name the reference data does not know is refused too — a typo must
// not come back as "nobody can".
//
// RESOURCE forms:
//   arn:…  or  *            an AWS request; ACTION is service:Action. The resource part of the ARN is
//                           taken literally, as IAM takes a request's (`arn:aws:s3:::b/*` names the
//                           object called `*`: in effect, who holds a grant covering every object of
//                           b); `*` is what IAM checks for actions that take no resource
//                           (ecr:GetAuthorizationToken).
//   k8s:CLUSTER/NAMESPACE/RESOURCE[/NAME]
//                           a Kubernetes request; ACTION is a verb. RESOURCE is the plural as RBAC
//                           writes it, with `.GROUP` for a named API group (`deployments.apps`; a bare
//                           built-in name finds its group, the core group first), and `/SUBRESOURCE`
//                           when the resource has one of that name (`pods/exec`, `pods/exec/NAME`);
//                           otherwise the segment after RESOURCE is the object's NAME.
//   vault:PATH              a Vault request; ACTION is a capability (read, list, update, …).

import { arnMatchesTemplate, parseArn } from '../../access/arn.js';
import type { IamCatalog } from '../../access/iam-catalog.js';
import {
  apiResource,
  apiResources,
  isBuiltinGroup,
  KUBERNETES_VERSION,
  roleCanGrant,
} from '../../access/kubernetes-api.js';
import type { RbacRequest } from '../../access/rbac-request.js';
import { show } from '../../common/findings.js';
import { didYouMean } from '../../manifest/schemas.js';
import { fail, messageOf, type Failure } from '../../common/result.js';
import { VAULT_CAPABILITIES } from '../../access/vault-paths.js';

export type Query =
  | { target: 'aws'; action: string; resource: string }
  | { target: 'kubernetes'; request: RbacRequest }
  | { target: 'vault'; capability: string; path: string };

/** `notes`: true things about the request worth a line on stderr; the answer stands. */
export type ParsedQuery = { ok: true; query: Query; notes: string[] } | Failure;

export const RESOURCE_FORMS = 'an AWS ARN, k8s:CLUSTER/NAMESPACE/RESOURCE[/NAME] or vault:PATH';

/** The catalogue must hold the service ACTION names (iamCatalog.load(servicesOf([action]))). */
export function parseQuery(action: string, resource: string, catalog: IamCatalog): ParsedQuery {
  if (resource === '*' || resource.startsWith('arn:')) return awsQuery(action, resource, catalog);
  if (resource.startsWith('k8s:')) return kubernetesQuery(action, resource);
  if (resource.startsWith('vault:')) return vaultQuery(action, resource);
  return fail(`RESOURCE ${show(resource)} is not ${RESOURCE_FORMS}`);
}

function awsQuery(action: string, resource: string, catalog: IamCatalog): ParsedQuery {
  const m = /^([A-Za-z0-9-]+):([A-Za-z0-9]+)$/.exec(action);
  if (!m)
    return fail(
      `ACTION ${show(action)} is not one AWS action: write service:Action, such as s3:GetObject (a request ` +
        `names one action, so no * or ?)`,
    );
  const service = m[1]!.toLowerCase();
  if (catalog.service(service) === null) {
    const guess = didYouMean(service, catalog.prefixes());
    return fail(`AWS has no service prefix ${show(service)}${guess ? `; did you mean "${guess}"?` : ''}`);
  }
  const known = catalog.action(service, m[2]!);
  if (!known) {
    const guess = didYouMean(
      m[2]!,
      catalog.actions(service).map((a) => a.name),
    );
    return fail(`${service} has no action ${show(m[2]!)}${guess ? `; did you mean "${service}:${guess}"?` : ''}`);
  }
  const id = `${service}:${known.name}`;
  if (resource === '*') {
    const notes =
      known.resourceTypes.length > 0
        ? [`${id} acts on a resource: "*" asks only for grants on every resource; give an ARN to ask about one`]
        : [];
    return { ok: true, query: { target: 'aws', action: id, resource }, notes };
  }
  const parsed = parseArn(resource);
  if (!parsed.ok) return fail(`RESOURCE ${show(resource)} is not an ARN: ${messageOf(parsed)}`);
  const { arn } = parsed;
  if (/[*?]/.test(`${arn.partition}:${arn.service}:${arn.region}:${arn.account}`)) {
    return fail(
      `RESOURCE ${show(resource)} names one resource: its partition, service, region and account cannot hold * or ?`,
    );
  }
  const templates = known.resourceTypes
    .map((t) => catalog.arnTemplate(service, t))
    .filter((t): t is string => t !== undefined);
  const notes: string[] = [];
  if (templates.length === 0)
    notes.push(`${id} takes no resource: IAM checks it against "*", so only grants on "*" allow it`);
  else if (!templates.some((t) => arnMatchesTemplate(arn, t)))
    notes.push(`${id} does not act on a resource like ${show(resource)} (it takes ${templates.join(', ')})`);
  return { ok: true, query: { target: 'aws', action: id, resource }, notes };
}

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const K8S_FORM = 'k8s:CLUSTER/NAMESPACE/RESOURCE[/NAME]';
/** The subresources a custom resource can have (CustomResourceDefinition spec.versions[].subresources). */
const CUSTOM_SUBRESOURCES = new Set(['status', 'scale']);

function kubernetesQuery(verb: string, resource: string): ParsedQuery {
  const parts = resource.slice('k8s:'.length).split('/');
  if (parts.length < 3 || parts.length > 5 || parts.some((p) => p === ''))
    return fail(`RESOURCE ${show(resource)} is not ${K8S_FORM}`);
  const [cluster, namespace, kind, ...rest] = parts as [string, string, string, ...string[]];
  if (!DNS_LABEL.test(cluster))
    return fail(
      `the cluster ${show(cluster)} in ${show(resource)} is not a cluster name (lower-case letters, digits and -)`,
    );
  if (!DNS_LABEL.test(namespace))
    return fail(
      `the namespace ${show(namespace)} in ${show(resource)} is not a namespace name (lower-case letters, ` +
        `digits and -)`,
    );
  const typed = /^([a-z0-9-]+)(?:\.([a-z0-9.-]+))?$/.exec(kind);
  if (!typed)
    return fail(
      `the resource ${show(kind)} in ${show(resource)} is not a resource such as pods or deployments.apps ` +
        `(a request names one, so no *)`,
    );
  const plural = typed[1]!;
  const group = typed[2] ?? builtinGroupOf(plural);
  if (group === null) {
    const guess = didYouMean(plural, [
      ...new Set(apiResources.filter((r) => !r.name.includes('/')).map((r) => r.name)),
    ]);
    return fail(
      `Kubernetes ${KUBERNETES_VERSION} has no built-in resource ` +
        `${show(plural)}${guess ? `; did you mean "${guess}"?` : ''}; write a custom resource with its group: ` +
        `RESOURCE.GROUP (widgets.example.com)`,
    );
  }
  const builtin = isBuiltinGroup(group);
  if (builtin && !apiResource(group, plural))
    return fail(
      `the API group ${show(group || 'core')} has no resource ${show(plural)} in Kubernetes ${KUBERNETES_VERSION}`,
    );
  const isSubresource = (s: string): boolean =>
    builtin ? apiResource(group, `${plural}/${s}`) !== undefined : CUSTOM_SUBRESOURCES.has(s);

  let sub: string | null = null;
  let name: string | null = null;
  if (rest.length === 2) {
    if (!isSubresource(rest[0]!))
      return fail(
        `${show(`${plural}/${rest[0]}`)} is not a subresource Kubernetes ${KUBERNETES_VERSION} serves; ` +
          `write ${K8S_FORM} with RESOURCE such as pods or pods/exec`,
      );
    [sub, name] = rest as [string, string];
  } else if (rest.length === 1) {
    if (isSubresource(rest[0]!)) sub = rest[0]!;
    else name = rest[0]!;
  }
  const full = sub === null ? plural : `${plural}/${sub}`;

  if (!/^[a-z]+$/.test(verb))
    return fail(
      `ACTION ${show(verb)} is not one Kubernetes verb such as get, list or create (a request names one, so no *)`,
    );
  const known = builtin ? apiResource(group, full) : undefined;
  if (known && !known.verbs.includes(verb)) {
    const guess = didYouMean(verb, known.verbs);
    return fail(
      `${full} takes the verbs ${known.verbs.join(', ')}, not ` +
        `${show(verb)}${guess ? `; did you mean "${guess}"?` : ''}`,
    );
  }

  const notes: string[] = [];
  // The API server authorizes a create before the object exists: the request carries no name, so
  // resourceNames cannot restrict it (RBAC docs, "Referring to resources").
  if (verb === 'create' && sub === null && name !== null) {
    notes.push(
      `a create request carries no object name: ${show(name)} is left out, and grants limited by ` +
        `resourceNames do not allow it`,
    );
    name = null;
  }
  if (!roleCanGrant(group, full, verb))
    notes.push(`${full} is cluster-scoped: the namespaced Roles idac grants never reach it`);
  return {
    ok: true,
    query: { target: 'kubernetes', request: { cluster, namespace, verb, apiGroup: group, resource: full, name } },
    notes,
  };
}

/** The group a bare built-in plural lives in: the core group first (events), as kubectl resolves it, then by name. */
function builtinGroupOf(plural: string): string | null {
  const groups = apiResources
    .filter((r) => r.name === plural)
    .map((r) => r.group)
    .sort();
  return groups[0] ?? null;
}

function vaultQuery(capability: string, resource: string): ParsedQuery {
  // Vault's API routes `/kv/x` and `kv/x` alike; policies never start with a slash.
  const path = resource.slice('vault:'.length).replace(/^\/+/, '');
  if (path === '')
    return fail(`RESOURCE ${show(resource)} names no Vault path: write vault:PATH, such as vault:kv/data/app/config`);
  if (!(VAULT_CAPABILITIES as readonly string[]).includes(capability)) {
    const guess = didYouMean(capability, VAULT_CAPABILITIES);
    return fail(
      `ACTION ${show(capability)} is not a Vault capability: one of ` +
        `${VAULT_CAPABILITIES.join(', ')}${guess ? ` (did you mean "${guess}"?)` : ''}`,
    );
  }
  return { ok: true, query: { target: 'vault', capability, path }, notes: [] };
}
