// An IAM role's trust policy → spec.access.aws.trust: every statement a trust kind of SPEC §2 compiles
// to is read back as that kind, so a role idac made (or just imported) reads as the manifest it came
// from. What idac adds itself is not access and reads as nothing: the aws:SourceAccount guard on a
// service that sends it, the audience sts.amazonaws.com, the session-tag actions Pod Identity and Roles
// Anywhere need. Everything else (a Deny, NotPrincipal, SAML, a condition no field holds, a subject
// left open) is reported with the statement, never dropped and never widened: a principal is kept only
// when every condition on it is one its manifest entry compiles back.

import { servicePrincipal } from '../../../access/aws-service-principals.js';
import type { MachineIdentity } from '../../../manifest/machine-identity.generated.js';
import { githubSubjects } from '../../../access/trust.js';
import type { NotExpressible, Origin } from '../types.js';
import {
  eksClusterKey,
  GITHUB_ISSUER,
  issuerHost,
  noteTrustedAccount,
  oidcProviderName,
  trustAnchorName,
  type NameScope,
} from './aws-org-names.js';
import { isObject, listOf, stringsOf, type Json, type JsonObject, type PolicyDocument } from './aws-policy-document.js';
import { conditionTerms, notExpressible, type ConditionTerm } from './aws-statement.js';
import { fits } from './schema-fit.js';

type Trust = NonNullable<NonNullable<MachineIdentity['spec']['access']['aws']>['trust']>;
type Entry<K extends keyof Trust> = Exclude<NonNullable<Trust[K]>, unknown[]>;
type Kind = keyof Trust;

/** The order compile writes the kinds in (aws-trust-policy.ts), kept for the manifest too. */
const KINDS: Kind[] = ['github', 'kubernetes', 'service', 'eksPodIdentity', 'account', 'oidc', 'rolesAnywhere'];
/** Kinds the schema takes one of only; a second becomes an oidc entry of the same issuer. */
const MAX_PER_KIND = 20;

const WEB_IDENTITY = ['sts:AssumeRoleWithWebIdentity'];
const ASSUME = ['sts:AssumeRole'];
const POD_IDENTITY_ACTIONS = ['sts:AssumeRole', 'sts:TagSession'];
const ROLES_ANYWHERE_ACTIONS = ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'];

export interface TrustRead {
  /** Absent when no statement could be expressed. */
  trust?: Trust;
  notExpressible: NotExpressible[];
  origins: Origin[];
}

const SOURCE = 'trust policy';

/** One principal of a statement read as an entry of a kind, or why it cannot be. */
type Piece = { kind: Kind; entries: object[]; extra?: string } | { reason: string };

export function readTrust(doc: PolicyDocument, scope: NameScope): TrustRead {
  const found: { [K in Kind]: Entry<K>[] } = {
    github: [],
    kubernetes: [],
    service: [],
    eksPodIdentity: [],
    account: [],
    oidc: [],
    rolesAnywhere: [],
  };
  const ne: NotExpressible[] = [];
  for (const statement of doc.Statement) {
    const whole = wholeStatementProblem(statement);
    if (whole !== null) {
      ne.push(notExpressible(SOURCE, statement, whole));
      continue;
    }
    const actions = stringsOf(statement.Action) ?? [];
    const terms = conditionTerms(statement.Condition);
    const reasons: string[] = [];
    for (const [type, value] of principals(statement.Principal!)) {
      const piece: Piece =
        terms === null
          ? { reason: 'its Condition block is not IAM operator → key → value' }
          : readPrincipal(type, value, actions, terms, scope);
      if ('reason' in piece) {
        reasons.push(`${type} ${typeof value === 'string' ? value : JSON.stringify(value)}: ${piece.reason}`);
        continue;
      }
      (found[piece.kind] as object[]).push(...piece.entries);
      if (piece.extra !== undefined) reasons.push(piece.extra);
    }
    if (reasons.length > 0) ne.push(notExpressible(SOURCE, statement, reasons.join('; ')));
  }
  return assemble(found, ne, scope);
}

/** Why a statement as a whole has no manifest form, or null. */
function wholeStatementProblem(s: JsonObject): string | null {
  if (s.Effect !== 'Allow')
    return (
      'a trust Deny has no manifest form: the manifest only lists who may assume the role, so without this ' +
      'statement it would admit what the Deny refuses; narrow the Allow statements instead'
    );
  if (s.NotPrincipal !== undefined)
    return 'NotPrincipal trusts everyone except the principals listed; a manifest names whom it trusts';
  if (s.NotAction !== undefined)
    return 'NotAction allows every action except those listed; a manifest trust allows sts:AssumeRole*';
  if (s.Principal === undefined) return 'the statement names no Principal';
  if (stringsOf(s.Action) === null || listOf(s.Action).length === 0)
    return 'the statement has no Action list of strings';
  return null;
}

/** Principal → (type, value) pairs; `"*"` is IAM's shorthand for {"AWS": "*"}. */
function principals(p: Json): [string, Json][] {
  if (p === '*') return [['AWS', '*']];
  if (!isObject(p)) return [['Principal', p]];
  return Object.entries(p).flatMap(([type, v]) => listOf(v).map((x): [string, Json] => [type, x]));
}

function readPrincipal(type: string, value: Json, actions: string[], terms: ConditionTerm[], scope: NameScope): Piece {
  if (typeof value !== 'string') return { reason: 'the principal is not a string' };
  switch (type) {
    case 'Federated':
      return federated(value, actions, terms, scope);
    case 'Service': {
      const special =
        value === 'pods.eks.amazonaws.com'
          ? withActions(actions, POD_IDENTITY_ACTIONS, () => podIdentity(terms, scope))
          : value === 'rolesanywhere.amazonaws.com'
            ? withActions(actions, ROLES_ANYWHERE_ACTIONS, () => rolesAnywhere(terms, scope))
            : null;
      // A manifest may also name these two as a plain service, which compiles to sts:AssumeRole alone
      // (no session tags: not what either service needs to work, but exactly what was written).
      const plain = actions.length === 1 && actions[0]!.toLowerCase() === ASSUME[0]!.toLowerCase();
      if (special !== null && (!('reason' in special) || !plain)) return special;
      const asService = withActions(actions, ASSUME, () => service(value, terms, scope));
      return special !== null && 'reason' in asService ? special : asService;
    }
    case 'AWS':
      return withActions(actions, ASSUME, () => account(value, terms, scope));
    default:
      return { reason: `a ${type} principal has no manifest trust kind` };
  }
}

/**
 * The piece when the statement allows the kind's own action; the other actions idac compiles for the
 * kind are its own additions, any more are reported (the entry itself stays: it grants no more).
 */
function withActions(actions: string[], expected: string[], read: () => Piece): Piece {
  // IAM compares action names case-insensitively.
  const has = (a: string): boolean => expected.some((e) => e.toLowerCase() === a.toLowerCase());
  if (!actions.some((a) => a.toLowerCase() === expected[0]!.toLowerCase()))
    return {
      reason: `it allows ${actions.join(', ')}, not ${expected[0]!}: a manifest trust always allows ${expected[0]!}`,
    };
  // Read only once the actions fit: reading names what org.yaml must declare.
  const piece = read();
  if ('reason' in piece) return piece;
  const extra = actions.filter((a) => !has(a));
  return extra.length === 0
    ? piece
    : {
        ...piece,
        extra:
          `it also allows ${extra.join(', ')}, which a manifest trust cannot grant: ` +
          're-grant it outside idac or drop it',
      };
}

/** Takes the terms a kind understands off the list; what is left narrows the trust in a way no field holds. */
function take(terms: ConditionTerm[], ops: string[], key: string): ConditionTerm | undefined {
  return terms.find((t) => ops.includes(t.op) && t.key.toLowerCase() === key.toLowerCase());
}

function leftover(terms: ConditionTerm[], used: (ConditionTerm | undefined)[]): string | null {
  const rest = terms.filter((t) => !used.includes(t));
  return rest.length === 0
    ? null
    : `its condition ${rest.map((t) => `${t.op} ${t.key}`).join(', ')} has no manifest field, ` +
        'and dropping it would admit more';
}

function strings(t: ConditionTerm | undefined): string[] | null {
  if (t === undefined) return null;
  const s = t.values.filter((v): v is string => typeof v === 'string');
  return s.length === t.values.length && s.length > 0 ? s : null;
}

function federated(arn: string, actions: string[], terms: ConditionTerm[], scope: NameScope): Piece {
  if (/:saml-provider\//.test(arn)) return { reason: 'SAML federation has no manifest trust kind' };
  const m = /^arn:aws[a-z-]*:iam::(\d{12}):oidc-provider\/(.+)$/.exec(arn);
  if (!m) return { reason: 'only IAM OIDC providers have a manifest trust kind' };
  if (m[1] !== scope.account) return { reason: `the OIDC provider is in account ${m[1]!}, not the role's own` };
  return withActions(actions, WEB_IDENTITY, () => webIdentity(m[2]!, terms, scope));
}

function webIdentity(host: string, terms: ConditionTerm[], scope: NameScope): Piece {
  const audTerm = take(terms, ['StringEquals', 'StringLike'], `${host}:aud`);
  const subTerm = take(terms, ['StringEquals', 'StringLike'], `${host}:sub`);
  const rest = leftover(terms, [audTerm, subTerm]);
  if (rest !== null) return { reason: rest };
  const auds = strings(audTerm);
  const subs = strings(subTerm);
  if (auds === null) return { reason: 'no audience (aud) is pinned: a manifest OIDC trust names one' };
  if (subs === null) return { reason: 'no subject (sub) is pinned: it admits every token the issuer signs' };
  if (auds.some((a) => !fits('awsTrustOidc.audience', a))) return { reason: 'its audience is a pattern or too long' };
  const like = subTerm!.op === 'StringLike';
  // StringEquals compares * and ? literally; the manifest would make them wildcards, which admits more.
  if (!like && subs.some((s) => /[*?]/.test(s))) return { reason: 'a subject holds * or ? compared literally' };
  if (subs.some((s) => !fits('awsTrustOidc.subject', s)))
    return { reason: 'a subject is empty, holds spaces or is too long' };
  const onlySts = auds.length === 1 && auds[0] === 'sts.amazonaws.com';
  if (onlySts && !like && host === githubHost(scope)) {
    const gh = githubEntry(subs);
    if (gh !== null) return { kind: 'github', entries: [gh] };
  }
  const provider = oidcProviderName(scope, host);
  const clusters = scope.org?.spec.targets?.kubernetes ?? {};
  const sa = subs.length === 1 && !like ? /^system:serviceaccount:([^:]+):([^:]+)$/.exec(subs[0]!) : null;
  const isCluster = Object.hasOwn(clusters, provider) || /^oidc\.eks\.[a-z0-9-]+\.amazonaws\.com\/id\//.test(host);
  if (onlySts && sa && isCluster && fits('k8sNamespace', sa[1]!) && fits('k8sName', sa[2]!)) {
    if (!Object.hasOwn(clusters, provider)) (scope.additions.kubernetes ??= {})[provider] = {};
    return { kind: 'kubernetes', entries: [{ cluster: provider, namespace: sa[1]!, serviceAccount: sa[2]! }] };
  }
  return {
    kind: 'oidc',
    entries: auds.flatMap((audience) => subs.map((subject) => ({ provider, audience, subject }))),
  };
}

/** GitHub subjects of one repository (at most one environment, one ref, pull requests) as compile writes them. */
function githubEntry(subs: string[]): Entry<'github'> | null {
  let repository: string | undefined;
  const entry: { environment?: string; ref?: string; pullRequest?: boolean } = {};
  for (const s of subs) {
    const m = /^repo:([^:]+):(?:environment:(.+)|ref:(.+)|(pull_request))$/.exec(s);
    if (!m || (repository !== undefined && m[1] !== repository)) return null;
    repository = m[1]!;
    const [field, value] =
      m[2] !== undefined ? ['environment', m[2]] : m[3] !== undefined ? ['ref', m[3]] : ['pullRequest', true];
    if (field in entry) return null;
    (entry as Record<string, unknown>)[field] = value;
  }
  const path = 'access.aws.trust.github';
  const ok =
    repository !== undefined &&
    fits(`${path}.repository`, repository) &&
    (entry.environment === undefined || fits(`${path}.environment`, entry.environment)) &&
    (entry.ref === undefined || fits(`${path}.ref`, entry.ref));
  return ok ? { repository: repository!, ...entry } : null;
}

function service(principal: string, terms: ConditionTerm[], scope: NameScope): Piece {
  if (!fits('awsTrustService.principal', principal))
    return { reason: 'the service principal is not a name a manifest takes' };
  const known = servicePrincipal(principal);
  // The guards compile adds itself are read back only where it would add them again.
  const accountTerm = known?.sourceAccount ? take(terms, ['StringEquals'], 'aws:SourceAccount') : undefined;
  const arnTerm = known?.sourceArn ? take(terms, ['ArnLike', 'ArnEquals'], 'aws:SourceArn') : undefined;
  const rest = leftover(terms, [accountTerm, arnTerm]);
  if (rest !== null) return { reason: rest };
  const acct = strings(accountTerm);
  if (accountTerm !== undefined && (acct === null || acct.some((a) => a !== scope.account)))
    return { reason: "aws:SourceAccount names another account than the role's own" };
  const arns = strings(arnTerm);
  if (arnTerm !== undefined && (arns === null || arns.some((a) => !fits('awsResource', a))))
    return { reason: 'aws:SourceArn is not a list of ARNs' };
  return {
    kind: 'service',
    entries: arns === null ? [{ principal }] : arns.map((sourceArn) => ({ principal, sourceArn })),
  };
}

function podIdentity(terms: ConditionTerm[], scope: NameScope): Piece {
  const tag = (k: string): ConditionTerm | undefined => take(terms, ['StringEquals'], `aws:RequestTag/${k}`);
  const used = [tag('eks-cluster-name'), tag('kubernetes-namespace'), tag('kubernetes-service-account')];
  const rest = leftover(terms, used);
  if (rest !== null) return { reason: rest };
  const [cluster, namespace, sa] = used.map(strings);
  if (!cluster || !namespace || !sa || cluster.length + namespace.length + sa.length !== 3)
    return {
      reason:
        'it admits any Pod Identity association that names the role, and the associations (cluster, namespace, ' +
        'service account) are not in the IAM export: add trust.eksPodIdentity by hand',
    };
  if (!fits('k8sNamespace', namespace[0]!) || !fits('k8sName', sa[0]!))
    return { reason: 'its namespace or service account is not a Kubernetes name' };
  return {
    kind: 'eksPodIdentity',
    entries: [{ cluster: eksClusterKey(scope, cluster[0]!), namespace: namespace[0]!, serviceAccount: sa[0]! }],
  };
}

function rolesAnywhere(terms: ConditionTerm[], scope: NameScope): Piece {
  const cnTerm = take(terms, ['StringEquals'], 'aws:PrincipalTag/x509Subject/CN');
  const ouTerm = take(terms, ['StringEquals'], 'aws:PrincipalTag/x509Subject/OU');
  const anchorTerm = take(terms, ['ArnEquals', 'ArnLike'], 'aws:SourceArn');
  const rest = leftover(terms, [cnTerm, ouTerm, anchorTerm]);
  if (rest !== null) return { reason: rest };
  const anchors = strings(anchorTerm);
  if (anchors === null || anchors.length !== 1 || /[*?]/.test(anchors[0]!))
    return { reason: 'no single trust anchor is pinned (aws:SourceArn): it admits certificates of any anchor' };
  const cns = strings(cnTerm);
  if (cns === null) return { reason: 'no certificate CN is pinned: it admits every certificate the anchor signs' };
  const ous = ouTerm === undefined ? [undefined] : strings(ouTerm);
  if (ous === null) return { reason: 'its OU condition is not a list of strings' };
  if (cns.some((c) => !fits('awsTrustRolesAnywhere.commonName', c)))
    return { reason: 'a CN is empty, holds spaces or is too long' };
  const trustAnchor = trustAnchorName(scope, anchors[0]!);
  return {
    kind: 'rolesAnywhere',
    entries: cns.flatMap((commonName) =>
      ous.map((ou) => ({ trustAnchor, commonName, ...(ou !== undefined ? { organizationalUnit: ou } : {}) })),
    ),
  };
}

function account(value: string, terms: ConditionTerm[], scope: NameScope): Piece {
  const m =
    value === '*'
      ? ['*', '*']
      : (/^(\d{12})$/.exec(value) ?? /^arn:aws[a-z-]*:iam::(\d{12}):(root|role\/.+)$/.exec(value));
  if (!m) return { reason: 'only a whole account or a role in one has a manifest trust kind' };
  const id = m[1]!;
  const role = m[2]?.startsWith('role/') ? m[2].slice('role/'.length) : undefined;
  if (role !== undefined && !fits('awsTrustAccount.role', role))
    return { reason: 'the role name is not one a manifest takes' };
  const extTerm = take(terms, ['StringEquals'], 'sts:ExternalId');
  const rest = leftover(terms, [extTerm]);
  if (rest !== null) return { reason: rest };
  const ext = strings(extTerm);
  if (extTerm !== undefined && (ext === null || ext.some((e) => !fits('awsTrustAccount.externalId', e))))
    return { reason: 'the external id is not one a manifest takes' };
  noteTrustedAccount(scope, id);
  const base = { id, ...(role !== undefined ? { role } : {}) };
  return { kind: 'account', entries: ext === null ? [base] : ext.map((externalId) => ({ ...base, externalId })) };
}

/** The kinds' entries deduplicated and sorted; a kind the schema takes one of keeps one, the rest reported. */
function assemble(found: { [K in Kind]: object[] }, ne: NotExpressible[], scope: NameScope): TrustRead {
  const trust: Record<string, object | object[]> = {};
  const origins: Origin[] = [];
  for (const kind of KINDS) {
    let entries = uniqueSorted(found[kind]);
    if (kind === 'github' || kind === 'kubernetes') {
      // The schema takes one; the others are the same issuer's tokens, which an oidc entry states exactly.
      for (const extra of entries.slice(1)) found.oidc.push(...asOidc(kind, extra, scope));
      entries = entries.slice(0, 1);
    }
    if (kind === 'oidc') entries = uniqueSorted(found.oidc);
    if (entries.length > MAX_PER_KIND) {
      for (const e of entries.slice(MAX_PER_KIND))
        ne.push(notExpressible(SOURCE, e as Json, `a manifest holds at most ${MAX_PER_KIND} ${kind} trust entries`));
      entries = entries.slice(0, MAX_PER_KIND);
    }
    if (entries.length === 0) continue;
    trust[kind] = entries.length === 1 ? entries[0]! : entries;
    if (entries.length === 1) origins.push({ path: ['aws', 'trust', kind], from: SOURCE });
    else entries.forEach((_, i) => origins.push({ path: ['aws', 'trust', kind, i], from: SOURCE }));
  }
  return { ...(Object.keys(trust).length > 0 ? { trust: trust } : {}), notExpressible: ne, origins };
}

/** A second GitHub or Kubernetes trust as the oidc entries that compile to the same statement. */
function asOidc(kind: 'github' | 'kubernetes', entry: object, scope: NameScope): Entry<'oidc'>[] {
  if (kind === 'kubernetes') {
    const k = entry as Entry<'kubernetes'>;
    const subject = `system:serviceaccount:${k.namespace}:${k.serviceAccount}`;
    return [{ provider: k.cluster, audience: 'sts.amazonaws.com', subject }];
  }
  const provider = oidcProviderName(scope, githubHost(scope));
  return githubSubjects(entry as Entry<'github'>).map((subject) => ({
    provider,
    audience: 'sts.amazonaws.com',
    subject,
  }));
}

/** The issuer compile's github kind uses: org.yaml's `github` provider, else GitHub's own. */
function githubHost(scope: NameScope): string {
  const declared = scope.org?.spec.targets?.aws?.[scope.account]?.oidcProviders?.github;
  return declared !== undefined ? issuerHost(declared) : GITHUB_ISSUER;
}

function uniqueSorted<T>(list: T[]): T[] {
  const byKey = new Map(list.map((e) => [JSON.stringify(e), e]));
  return [...byKey.keys()].sort().map((k) => byKey.get(k)!);
}
