import { show, type Path } from '../../common/findings.js';
import type { OrgModel } from '../../model/org.js';
import { defineRule, type IdentityFile, type Report } from '../types.js';

interface Reach {
  label: string;
  environment: string | undefined;
  path: Path;
}

const messages = {
  twoEnvironments:
    '{{reach}} is in environment {{environment}}, but {{first}} is in {{firstEnvironment}}; one identity ' +
    'must stay within one environment',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'isolation/single-environment',
    severity: 'error',
    title: 'Identity reaches more than one environment',
    rationale:
      'An identity that can touch both a production and a non-production target is a bridge: whoever ' +
      'compromises the weaker environment inherits the stronger one. One identity per environment keeps a ' +
      'breach where it started.',
    fix:
      'Split the identity into one per environment (for example app-prod and app-staging), each reaching only ' +
      'the accounts and clusters org.yaml marks with that environment.',
    owasp: ['NHI8'],
  },
  messages,
  check(identity, { org }) {
    if (!org) return [];
    const reached = reach(identity, org);
    const first = reached.find((r) => r.environment !== undefined);
    if (!first) return [];
    const out: Report<typeof messages>[] = [];
    for (const r of reached) {
      if (r.environment === undefined || r.environment === first.environment) continue;
      out.push({
        path: r.path,
        messageId: 'twoEnvironments',
        data: {
          reach: r.label,
          environment: show(r.environment),
          first: first.label,
          firstEnvironment: show(first.environment),
        },
      });
    }
    return out;
  },
});

/**
 * Every account and cluster the identity reaches, once each, in manifest order, with the environment org.yaml gives it.
 */
function reach({ data, access }: IdentityFile, org: OrgModel): Reach[] {
  const targets = org.spec.targets;
  const env = (kind: 'aws' | 'kubernetes', name: string): string | undefined => {
    const all = targets?.[kind];
    return all && Object.hasOwn(all, name) ? all[name]?.environment : undefined;
  };
  const seen = new Set<string>();
  const out: Reach[] = [];
  const add = (kind: 'aws' | 'kubernetes', name: string, path: Path): void => {
    const key = `${kind}\n${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({
      label: kind === 'aws' ? `AWS account ${show(name)}` : `cluster ${show(name)}`,
      environment: env(kind, name),
      path,
    });
  };
  const { aws, kubernetes } = data.spec.access;
  if (aws) {
    add('aws', aws.account, ['spec', 'access', 'aws', 'account']);
    // Pods of the trusted cluster can assume the role: the cluster is reached too.
    const trusted = aws.trust?.kubernetes;
    if (trusted) add('kubernetes', trusted.cluster, ['spec', 'access', 'aws', 'trust', 'kubernetes', 'cluster']);
  }
  if (kubernetes) add('kubernetes', kubernetes.cluster, ['spec', 'access', 'kubernetes', 'cluster']);
  // Grants in force now, elevations included: today they reuse the clusters above, but a grant
  // that ever names its own cluster must not slip past this rule.
  for (const g of access.grants) if (g.target === 'kubernetes') add('kubernetes', g.cluster, g.path);
  return out;
}
