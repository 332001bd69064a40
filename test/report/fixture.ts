// A small repository with known KPIs, in memory: six identities over two teams, built so that
// every KPI has a value other than zero or all (the counts are worked out in report.test.ts).
import type { Finding } from '../../src/common/findings.js';
import type { MachineIdentity } from '../../src/manifest/machine-identity.generated.js';
import type { Organization } from '../../src/manifest/organization.generated.js';
import { orgModel } from '../../src/model/org.js';
import type { LoadedIdentity } from '../../src/features/report/inventory.js';
import type { ReportInput } from '../../src/features/report/report.js';
import { rules } from '../../src/rules/index.js';

export const NOW = Date.parse('2026-11-23T00:00:00Z');

export const ORG: Organization = {
  apiVersion: 'idac/v1',
  kind: 'Organization',
  spec: {
    teams: { pay: { members: ['a@x.io', 'b@x.io', 'c@x.io'] }, ops: { members: ['d@x.io', 'e@x.io'] } },
    limits: { reviewEvery: '180d', rotation: { 'aws-access-key': '90d', 'vault-secret-id': '30d' } },
  },
};

type Spec = MachineIdentity['spec'];
interface Shape {
  team: string;
  owner: string;
  successor: string;
  access: Spec['access'];
  expires: string;
  lastReviewed?: string;
  status?: Spec['status'];
  rotation?: Spec['rotation'];
  purpose?: string;
  costCenter?: string;
}

export function identity(name: string, s: Shape): LoadedIdentity {
  const data: MachineIdentity = {
    apiVersion: 'idac/v1',
    kind: 'MachineIdentity',
    metadata: { name },
    spec: {
      type: 'workload',
      purpose: s.purpose ?? `The ${name} workload.`,
      stewardship: {
        owner: s.owner,
        successor: s.successor,
        team: s.team,
        ...(s.costCenter ? { costCenter: s.costCenter } : {}),
      },
      expires: s.expires,
      ...(s.lastReviewed ? { review: { lastReviewed: s.lastReviewed, reviewer: 'r@x.io' } } : {}),
      ...(s.status ? { status: s.status } : {}),
      ...(s.rotation ? { rotation: s.rotation } : {}),
      access: s.access,
    },
  };
  return { file: `identities/${s.team}/${name}.yaml`, data };
}

const role = {
  account: '123456789012',
  principal: 'role' as const,
  trust: { kubernetes: { cluster: 'c1', namespace: 'pay', serviceAccount: 'sa' } },
  permissions: [{ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'] }],
};
const user = {
  account: '123456789012',
  principal: 'user' as const,
  permissions: [{ actions: ['s3:GetObject'], resources: ['arn:aws:s3:::b/*'] }],
};
const k8s = { cluster: 'c1', namespace: 'pay' };

export const IDENTITIES: LoadedIdentity[] = [
  // federated, healthy
  identity('alpha', {
    team: 'pay',
    owner: 'a@x.io',
    successor: 'b@x.io',
    access: { aws: role, kubernetes: k8s },
    expires: '2027-06-30',
    lastReviewed: '2026-10-01',
  }),
  // static key rotating within policy; successor is the owner; expires in 18 days; review overdue since 2026-10-28
  identity('bravo', {
    team: 'pay',
    owner: 'a@x.io',
    successor: 'a@x.io',
    access: { aws: user },
    rotation: { period: '60d' },
    expires: '2026-12-10',
    lastReviewed: '2026-05-01',
  }),
  // AppRole rotating every 45d against a 30d limit; successor outside the team; expires in 59 days; never reviewed
  identity('charlie', {
    team: 'ops',
    owner: 'd@x.io',
    successor: 'z@x.io',
    access: { vault: { auth: 'approle', paths: [{ path: 'kv/data/ops/*', capabilities: ['read'] }] } },
    rotation: { period: '45d' },
    expires: '2027-01-20',
  }),
  // suspended, owner outside the team, expired two days ago, review due on 2026-12-07
  identity('delta', {
    team: 'ops',
    owner: 'q@x.io',
    successor: 'e@x.io',
    access: { vault: { auth: 'kubernetes', paths: [{ path: 'kv/data/ops/*', capabilities: ['read'] }] } },
    expires: '2026-11-20',
    lastReviewed: '2026-06-10',
    status: 'suspended',
  }),
  // a tombstone: listed in the inventory, counted by no KPI
  identity('echo', {
    team: 'pay',
    owner: 'c@x.io',
    successor: 'c@x.io',
    access: { aws: user },
    expires: '2026-01-01',
    status: 'decommissioned',
  }),
  // the owner's e-mail in another case is the same person; expires in 85 days
  identity('foxtrot', {
    team: 'pay',
    owner: 'A@X.io',
    successor: 'c@x.io',
    access: { kubernetes: k8s },
    expires: '2027-02-15',
    lastReviewed: '2026-11-23',
  }),
];

function finding(rule: string, severity: Finding['severity'], identity: string): Finding {
  return { rule, severity, file: `identities/x/${identity}.yaml`, line: 1, column: 1, identity, message: 'm' };
}

export const FINDINGS: Finding[] = [
  finding('aws/no-wildcard-action', 'error', 'alpha'),
  finding('aws/no-wildcard-action', 'error', 'alpha'),
  finding('k8s/no-exec', 'warning', 'alpha'),
  finding('lifecycle/review-overdue', 'error', 'bravo'),
  finding('secret/high-entropy', 'info', 'charlie'),
];

export function fixtureInput(over: Partial<ReportInput> = {}): ReportInput {
  return { identities: IDENTITIES, skipped: 1, org: orgModel(ORG), findings: FINDINGS, rules, now: NOW, ...over };
}

/**
 * A report in which `value` stands in every free-text field a manifest (or its file name) can
 * bring into the report: name, purpose, owner, successor, cost centre and file path. The schema
 * narrows some of them; the renderers must not rely on that.
 */
export function hostileInput(value: string): ReportInput {
  const base = identity('hostile', {
    team: 'pay',
    owner: value,
    successor: value,
    costCenter: value,
    purpose: value,
    access: { aws: user },
    rotation: { period: '9999d' },
    expires: '2026-12-01',
  });
  const data = { ...base.data, metadata: { name: value } };
  const file = `identities/pay/${value}.yaml`;
  return fixtureInput({
    skipped: 0,
    identities: [...IDENTITIES, { file, data }],
    findings: [
      ...FINDINGS,
      { rule: 'aws/no-wildcard-action', severity: 'error', file, line: 1, column: 1, identity: value, message: value },
    ],
  });
}
