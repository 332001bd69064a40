import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SERVICE_PRINCIPALS, servicePrincipal } from '../../src/access/aws-service-principals.js';
import { trustsOf, type TrustEntry } from '../../src/access/trust.js';
import { trustPolicy } from '../../src/access/aws-trust-policy.js';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import { EKS_ISSUER } from '../compile/aws-fixture.js';
import {
  ACCOUNT,
  ANCHOR,
  CIRCLE,
  CTX,
  EKS_NAME,
  GITLAB,
  OTHER_ACCOUNT,
  trusted,
  type Trust,
} from '../compile/aws-trust-fixture.js';
import { trustAllows, type AssumeRequest } from './aws-trust-eval.js';

// For random trust blocks with every kind: each principal the trust model (trustsOf) says can become
// the identity has a request the compiled trust policy allows, and its neighbours — another
// repository, namespace, account, role, external id, certificate, source, service — are denied.
// Generated values never contain "intruder"; every neighbour does, so no other entry can admit it.

const GH = 'token.actions.githubusercontent.com';
const STRANGER = '999999999999';
const REPOS = ['acme/ledger', 'acme/payments-api', 'acme/infra'];
const NAMES = ['payments', 'ledger', 'worker'];
const ISSUERS: Record<string, string> = { gitlab: GITLAB, circleci: CIRCLE };

const one = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | T[]> =>
  fc.oneof(arb, fc.array(arb, { minLength: 1, maxLength: 3 }));
/** A list whose items differ in `key` (so no second entry widens what a neighbour of the first may do). */
const distinct = <T>(arb: fc.Arbitrary<T>, key: (t: T) => string): fc.Arbitrary<T | T[]> =>
  fc.oneof(arb, fc.uniqueArray(arb, { minLength: 1, maxLength: 3, selector: key }));
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const github = fc
  .record({
    repository: pick(REPOS),
    ref: opt(pick(['refs/heads/main', 'refs/tags/v1'])),
    environment: opt(pick(['prod', 'staging'])),
    pullRequest: opt(fc.boolean()),
  })
  .map(defined);
const serviceAccount = fc.record({ namespace: pick(NAMES), serviceAccount: pick(NAMES) });
const service = fc
  .record({
    principal: pick(SERVICE_PRINCIPALS.map((s) => s.principal)),
    sourceArn: opt(pick([`arn:aws:x:eu-west-1:${ACCOUNT}:thing/a`, `arn:aws:x:eu-west-1:${ACCOUNT}:thing/b*`])),
  })
  .map(defined);
const account = fc
  .record({
    id: pick([OTHER_ACCOUNT, '333344445555']),
    role: opt(pick(['deployer', 'ops/auditor'])),
    externalId: opt(pick(['ext-1', 'ext-2'])),
  })
  .map(defined);
const oidc = fc
  .record({
    provider: pick(['gitlab', 'circleci']),
    audience: pick(['sts.amazonaws.com', 'https://gitlab.acme.example']),
    subject: fc
      .tuple(pick(REPOS), pick(['main', 'release-*', 'v?']))
      .map(([repo, ref]) => `project_path:${repo}:ref_type:branch:ref:${ref}`),
  })
  .map(defined);
const rolesAnywhere = fc
  .record({
    trustAnchor: fc.constant('devices'),
    commonName: pick(['till-1.acme.example', 'till-2.acme.example']),
    organizationalUnit: opt(pick(['stores', 'labs'])),
  })
  .map(defined);

const trust: fc.Arbitrary<Trust> = fc
  .record(
    {
      github: one(github),
      kubernetes: one(serviceAccount.map((s) => ({ cluster: 'prod-eu', ...s }))),
      service: distinct(service, (s) => s.principal),
      eksPodIdentity: one(serviceAccount.map((s) => ({ cluster: 'prod-eu', ...s }))),
      account: distinct(account, (a) => a.id),
      oidc: one(oidc),
      rolesAnywhere: distinct(rolesAnywhere, (r) => r.commonName),
    },
    { requiredKeys: [] },
  )
  .filter((t) => Object.keys(t).length > 0) as fc.Arbitrary<Trust>;

/** What a wildcard stands for in one real request. */
const concrete = (pattern: string): string => pattern.replace(/\*/g, 'x1').replace(/\?/g, 'q');
const itemAt = (data: MachineIdentity, entry: TrustEntry): Record<string, string> =>
  entry.path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], data) as Record<string, string>;
const web = (issuer: string, aud: string, sub: string): AssumeRequest => ({
  principal: { Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/${issuer}` },
  actions: ['sts:AssumeRoleWithWebIdentity'],
  context: { [`${issuer}:aud`]: aud, [`${issuer}:sub`]: sub },
});
const withContext = (r: AssumeRequest, context: AssumeRequest['context']): AssumeRequest => ({ ...r, context });
const withPrincipal = (r: AssumeRequest, principal: AssumeRequest['principal']): AssumeRequest => ({
  ...r,
  principal,
});
const podTags = (namespace: string, sa: string, cluster = EKS_NAME) => ({
  'aws:RequestTag/eks-cluster-name': cluster,
  'aws:RequestTag/kubernetes-namespace': namespace,
  'aws:RequestTag/kubernetes-service-account': sa,
});

/** The request the entry's principal makes, and its neighbours, which must be denied. */
function requests(data: MachineIdentity, entry: TrustEntry): { allowed: AssumeRequest; denied: AssumeRequest[] } {
  const item = itemAt(data, entry);
  switch (entry.kind) {
    case 'github': {
      const subject = entry.principal.slice('github '.length);
      const allowed = web(GH, 'sts.amazonaws.com', subject);
      return {
        allowed,
        denied: [
          web(GH, 'sts.amazonaws.com', subject.replace(/^repo:[^:]+/, 'repo:acme/intruder')),
          web(GH, 'intruder', subject),
          web('intruder.example', 'sts.amazonaws.com', subject),
        ],
      };
    }
    case 'kubernetes': {
      const sub = (ns: string, sa: string) => `system:serviceaccount:${ns}:${sa}`;
      return {
        allowed: web(EKS_ISSUER, 'sts.amazonaws.com', sub(item.namespace!, item.serviceAccount!)),
        denied: [
          web(EKS_ISSUER, 'sts.amazonaws.com', sub('intruder', item.serviceAccount!)),
          web(EKS_ISSUER, 'sts.amazonaws.com', sub(item.namespace!, 'intruder')),
        ],
      };
    }
    case 'service': {
      const row = servicePrincipal(item.principal!)!;
      const source = concrete(item.sourceArn ?? `arn:aws:x:eu-west-1:${ACCOUNT}:thing/any`);
      // The service sends only the keys it sends: a request context without the others.
      const context = (acct: string, arn: string) => ({
        ...(row.sourceAccount ? { 'aws:SourceAccount': acct } : {}),
        ...(row.sourceArn ? { 'aws:SourceArn': arn } : {}),
      });
      const allowed: AssumeRequest = {
        principal: { Service: row.principal },
        actions: ['sts:AssumeRole'],
        context: context(ACCOUNT, source),
      };
      return {
        allowed,
        denied: [
          withPrincipal(allowed, { Service: 'intruder.amazonaws.com' }),
          ...(row.sourceAccount ? [withContext(allowed, context(STRANGER, source))] : []),
          ...(row.sourceArn && item.sourceArn !== undefined
            ? [withContext(allowed, context(ACCOUNT, `arn:aws:x:eu-west-1:${ACCOUNT}:intruder`))]
            : []),
        ],
      };
    }
    case 'eksPodIdentity': {
      const allowed: AssumeRequest = {
        principal: { Service: 'pods.eks.amazonaws.com' },
        actions: ['sts:AssumeRole', 'sts:TagSession'],
        context: podTags(item.namespace!, item.serviceAccount!),
      };
      return {
        allowed,
        denied: [
          withContext(allowed, podTags('intruder', item.serviceAccount!)),
          withContext(allowed, podTags(item.namespace!, 'intruder')),
          withContext(allowed, podTags(item.namespace!, item.serviceAccount!, 'intruder')),
          withPrincipal(allowed, { Service: 'intruder.amazonaws.com' }),
        ],
      };
    }
    case 'account': {
      const arn = (acct: string, role: string) => `arn:aws:iam::${acct}:role/${role}`;
      const role = item.role ?? 'anyone';
      const ext = item.externalId !== undefined ? { 'sts:ExternalId': item.externalId } : {};
      const allowed: AssumeRequest = {
        principal: { AWS: arn(item.id!, role) },
        actions: ['sts:AssumeRole'],
        context: ext,
      };
      return {
        allowed,
        denied: [
          withPrincipal(allowed, { AWS: arn(STRANGER, role) }),
          ...(item.role !== undefined ? [withPrincipal(allowed, { AWS: arn(item.id!, 'intruder') })] : []),
          ...(item.externalId !== undefined
            ? [withContext(allowed, {}), withContext(allowed, { 'sts:ExternalId': 'intruder' })]
            : []),
        ],
      };
    }
    case 'oidc': {
      const issuer = ISSUERS[item.provider!]!;
      const sub = concrete(item.subject!);
      return {
        allowed: web(issuer, item.audience!, sub),
        denied: [
          web(issuer, item.audience!, sub.replace(/^project_path:[^:]+/, 'project_path:acme/intruder')),
          web(issuer, 'intruder', sub),
          web('intruder.example', item.audience!, sub),
        ],
      };
    }
    case 'rolesAnywhere': {
      const context = (cn: string, ou: string, anchor = ANCHOR) => ({
        'aws:PrincipalTag/x509Subject/CN': cn,
        'aws:PrincipalTag/x509Subject/OU': ou,
        'aws:SourceArn': anchor,
      });
      const ou = item.organizationalUnit ?? 'any-unit';
      const allowed: AssumeRequest = {
        principal: { Service: 'rolesanywhere.amazonaws.com' },
        actions: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
        context: context(item.commonName!, ou),
      };
      return {
        allowed,
        denied: [
          withContext(allowed, context('intruder', ou)),
          ...(item.organizationalUnit !== undefined
            ? [withContext(allowed, context(item.commonName!, 'intruder'))]
            : []),
          withContext(allowed, context(item.commonName!, ou, ANCHOR.replace(/[0-9a-f-]+$/, 'intruder'))),
          withPrincipal(allowed, { Service: 'intruder.amazonaws.com' }),
        ],
      };
    }
  }
  throw new Error(`no request for ${entry.kind}`);
}

describe('the compiled trust policy admits exactly what the trust model says', () => {
  it('allows each trusted principal and denies its neighbours', () => {
    let checked = 0;
    fc.assert(
      fc.property(trust, (t) => {
        const data = trusted(t);
        const policy = trustPolicy(data.spec.access.aws!, CTX);
        for (const entry of trustsOf(data).filter((e) => e.target === 'aws')) {
          const { allowed, denied } = requests(data, entry);
          expect(trustAllows(policy, allowed), `${entry.principal}\n${policy}`).toBe(true);
          for (const r of denied)
            expect(trustAllows(policy, r), `${entry.principal}: ${JSON.stringify(r)}`).toBe(false);
          checked++;
        }
      }),
      { numRuns: 300, seed: 17, endOnFailure: true },
    );
    // Every kind was exercised, many times over.
    expect(checked).toBeGreaterThan(1000);
  });

  it('covers every trust kind', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(trust, (t) => {
        for (const e of trustsOf(trusted(t))) kinds.add(e.kind);
      }),
      { numRuns: 300, seed: 17 },
    );
    expect([...kinds].sort()).toEqual(
      ['account', 'eksPodIdentity', 'github', 'kubernetes', 'oidc', 'rolesAnywhere', 'service'].sort(),
    );
  });
});

describe('trusts compile admits nobody for (they fail closed; rules report them)', () => {
  it.each<[string, Trust, AssumeRequest]>([
    [
      'oidc without a subject',
      { oidc: { provider: 'gitlab', audience: 'sts.amazonaws.com' } },
      web(GITLAB, 'sts.amazonaws.com', 'project_path:acme/ledger:ref_type:branch:ref:main'),
    ],
    [
      'rolesAnywhere without a CN',
      { rolesAnywhere: { trustAnchor: 'devices' } },
      {
        principal: { Service: 'rolesanywhere.amazonaws.com' },
        actions: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
        context: { 'aws:PrincipalTag/x509Subject/CN': 'till-1.acme.example', 'aws:SourceArn': ANCHOR },
      },
    ],
    [
      'eksPodIdentity on a cluster without an eks block',
      { eksPodIdentity: { cluster: 'on-prem', namespace: 'payments', serviceAccount: 'app' } },
      {
        principal: { Service: 'pods.eks.amazonaws.com' },
        actions: ['sts:AssumeRole', 'sts:TagSession'],
        context: podTags('payments', 'app', 'on-prem'),
      },
    ],
  ])('%s', (why, t, request) => {
    const data = trusted(t);
    // The model lists a Pod Identity trust as written (org.yaml is not its concern); an OIDC trust
    // without a subject and a Roles Anywhere trust without a CN admit nobody, so it lists neither.
    expect(trustsOf(data)).toHaveLength(why.startsWith('eksPodIdentity') ? 1 : 0);
    expect(trustAllows(trustPolicy(data.spec.access.aws!, CTX), request)).toBe(false);
  });
});
