// Plans for the renderer tests, built by hand so the renderers are tested apart from src/plan.

import type { Finding } from '../../src/common/findings.js';
import type { AccessChange, AccessPattern, Plan, ResourceOp } from '../../src/plan/types.js';

/** One pattern per exact grant, as the plan gives for grants written without a wildcard. */
export function simplePatterns(gained: readonly AccessChange[], lost: readonly AccessChange[]): AccessPattern[] {
  const one = (a: AccessChange, change: AccessPattern['change']): AccessPattern => {
    const [pattern, resource] =
      a.target === 'kubernetes'
        ? [a.grant.slice(0, a.grant.indexOf(' ')), a.grant.slice(a.grant.indexOf(' ') + 1)]
        : a.target === 'assume'
          ? (a.grant.split(' can become ') as [string, string])
          : (a.grant.split(' on ') as [string, string]);
    return {
      identity: a.identity,
      target: a.target,
      pattern,
      resource,
      count: 1,
      total: 1,
      change,
      ...(a.elevation === undefined ? {} : { elevation: a.elevation }),
      grants: [a.grant],
    };
  };
  return [...gained.map((a) => one(a, 'gained')), ...lost.map((a) => one(a, 'lost'))];
}

export function emptyPlan(): Plan {
  return {
    base: 'main',
    baseSha: '3f2a9c1d8e7b6a5f4e3d2c1b0a99887766554433',
    head: 'feature/replay',
    headSha: '9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c',
    now: '2026-11-23T09:00:00Z',
    window: '7d',
    fingerprint: 'sha256:0000000000000000000000000000000000000000000000000000000000000000',
    identities: { added: [], removed: [], renamed: [], changed: [], unplanned: [] },
    organization: [],
    access: { gained: [], lost: [], patterns: [] },
    resources: { adopt: [], create: [], update: [], replace: [], delete: [] },
    newStaticCredentials: [],
    due: [],
    deletions: { count: 0, limit: 10, allowed: 0 },
    findings: [],
  };
}

const op = (
  type: string,
  name: string,
  identity: string,
  team: string,
  extra: Partial<ResourceOp> = {},
): ResourceOp => ({ type, name, identity, team, ...extra });

export function finding(over: Partial<Finding> = {}): Finding {
  return {
    rule: 'aws/no-wildcard-action',
    severity: 'error',
    file: 'identities/payments/x.yaml',
    line: 1,
    column: 1,
    identity: 'x',
    message: 'm',
    ...over,
  };
}

/** A pull request on examples/acme: one of each kind of change. */
export function representativePlan(): Plan {
  const plan = emptyPlan();
  plan.identities = {
    added: ['billing-sync', 'fraud-scorer'],
    removed: ['legacy-etl'],
    renamed: [{ from: 'report-exporter', to: 'report-publisher' }],
    changed: [
      {
        name: 'settlement-reader',
        changes: [
          {
            path: 'spec.access.aws.permissions[0].actions',
            before: ['s3:GetObject', 's3:ListBucket'],
            after: ['s3:Get*', 's3:ListBucket'],
          },
          {
            path: 'spec.purpose',
            before:
              'Reads daily settlement files from the bank drop bucket and writes ledger entries for the ' +
              'reconciliation job.',
            after:
              'Reads daily settlement files from the card drop bucket and writes ledger entries for the ' +
              'reconciliation job.',
          },
          { path: 'spec.stewardship.owner', before: 'alice@acme.example', after: 'bob@acme.example' },
        ],
      },
      { name: 'support-assistant', changes: [{ path: 'spec.status', before: 'active', after: 'decommissioned' }] },
      {
        name: 'release-bot',
        changes: [
          { path: 'spec.status', before: 'active', after: 'suspended' },
          { path: 'spec.rotation', before: null, after: { period: '30d', overlap: '1d' } },
        ],
      },
    ],
    unplanned: [{ name: 'edge-gateway', file: 'identities/platform/edge-gateway.yaml' }],
  };
  const gained = (
    identity: string,
    target: AccessChange['target'],
    grants: string[],
    elevation?: number,
  ): AccessChange[] =>
    grants.map((grant) => ({ identity, target, grant, ...(elevation === undefined ? {} : { elevation }) }));
  plan.access = {
    gained: [
      ...gained('fraud-scorer', 'assume', [
        'kubernetes service account prod-eu/payments/fraud-scorer can become fraud-scorer',
      ]),
      ...gained('fraud-scorer', 'aws', ['s3:GetObject on arn:aws:s3:::fraud-models/*']),
      ...gained('fraud-scorer', 'kubernetes', ['get configmaps/fraud-config in prod-eu/payments']),
      ...gained('settlement-reader', 'assume', [
        'oidc gitlab project_path:acme/ledger:ref_type:branch:ref:main can become settlement-reader',
      ]),
      ...gained('settlement-reader', 'aws', [
        's3:GetBucketAcl on arn:aws:s3:::bank-drop',
        's3:GetBucketPolicy on arn:aws:s3:::bank-drop',
        's3:GetObjectAcl on arn:aws:s3:::bank-drop/settlements/*',
        's3:GetObjectTagging on arn:aws:s3:::bank-drop/settlements/*',
      ]),
      ...gained('settlement-reader', 'aws', ['s3:PutObject on arn:aws:s3:::bank-drop/replay/*'], 0),
    ],
    lost: [
      ...gained('legacy-etl', 'aws', ['s3:GetObject on arn:aws:s3:::warehouse-exports/*']),
      ...gained('support-assistant', 'assume', [
        'vault kubernetes service account prod-eu/support/support-assistant can become support-assistant',
      ]),
      ...gained('support-assistant', 'vault', ['read on kv/data/data/support/*']),
    ],
    patterns: [],
  };
  const written = (identity: string, pattern: string, resource: string, grants: string[]): AccessPattern => ({
    identity,
    target: 'aws',
    pattern,
    resource,
    count: grants.length,
    total: grants.length,
    change: 'gained',
    grants,
  });
  plan.access.patterns = [
    ...simplePatterns(
      plan.access.gained.filter((a) => a.identity === 'fraud-scorer'),
      [],
    ),
    ...simplePatterns(
      [],
      plan.access.lost.filter((a) => a.identity === 'legacy-etl'),
    ),
    ...simplePatterns(
      plan.access.gained.filter((a) => a.identity === 'settlement-reader' && a.target === 'assume'),
      [],
    ),
    written('settlement-reader', 's3:Get*', 'arn:aws:s3:::bank-drop', [
      's3:GetBucketAcl on arn:aws:s3:::bank-drop',
      's3:GetBucketPolicy on arn:aws:s3:::bank-drop',
    ]),
    written('settlement-reader', 's3:Get*', 'arn:aws:s3:::bank-drop/settlements/*', [
      's3:GetObjectAcl on arn:aws:s3:::bank-drop/settlements/*',
      's3:GetObjectTagging on arn:aws:s3:::bank-drop/settlements/*',
    ]),
    ...simplePatterns(
      plan.access.gained.filter((a) => a.elevation !== undefined),
      [],
    ),
    ...simplePatterns(
      [],
      plan.access.lost.filter((a) => a.identity === 'support-assistant'),
    ),
  ];
  plan.organization = [
    {
      kind: 'boundary',
      path: 'spec.teams.data.boundaries.vault.paths',
      before: null,
      after: '*',
      effect: 'widens',
      summary: 'team data\'s Vault paths boundary adds "*" (every Vault path)',
    },
    {
      kind: 'exception',
      path: 'spec.exceptions',
      before: null,
      after: {
        identity: 'legacy-etl',
        rule: 'rotation/static-credential',
        reason: 'vendor tool',
        approvedBy: 'dave@acme.example',
        expires: '2027-01-31',
      },
      effect: 'widens',
      summary:
        'exception added: legacy-etl is excused from rotation/static-credential, approved by ' +
        'dave@acme.example until 2027-01-31 (reason: vendor tool)',
    },
    {
      kind: 'limit',
      path: 'spec.limits.maxLifetime',
      before: '365d',
      after: '730d',
      effect: 'widens',
      summary: 'limit maxLifetime 365d → 730d (loosened)',
    },
    {
      kind: 'member',
      path: 'spec.teams.payments.members',
      before: 'carol@acme.example',
      after: null,
      effect: 'narrows',
      summary: 'carol@acme.example leaves team payments',
    },
    {
      kind: 'target',
      path: 'spec.targets.aws.123456789012.region',
      before: 'eu-west-1',
      after: 'eu-central-1',
      effect: 'neutral',
      summary: 'AWS account 123456789012: region eu-west-1 → eu-central-1',
    },
  ];
  plan.resources = {
    // billing-sync was written by `idac import`: its live role is adopted, then converged.
    adopt: [op('aws:iam/role:Role', 'billing-sync.aws.role', 'billing-sync', 'payments', { id: 'BillingSync' })],
    create: [
      op(
        'aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive',
        'billing-sync.aws.attachments-exclusive',
        'billing-sync',
        'payments',
        { detail: 'detaches policy arn:aws:iam::aws:policy/ReadOnlyAccess' },
      ),
      op(
        'aws:iam/rolePoliciesExclusive:RolePoliciesExclusive',
        'billing-sync.aws.policies-exclusive',
        'billing-sync',
        'payments',
        { detail: 'removes inline policies billing-admin and s3-read' },
      ),
      op('aws:iam/rolePolicy:RolePolicy', 'billing-sync.aws.policy', 'billing-sync', 'payments'),
      op('aws:iam/role:Role', 'fraud-scorer.aws.role', 'fraud-scorer', 'payments'),
      op('aws:iam/rolePolicy:RolePolicy', 'fraud-scorer.aws.policy', 'fraud-scorer', 'payments'),
      op('kubernetes:core/v1:ServiceAccount', 'fraud-scorer.kubernetes.service-account', 'fraud-scorer', 'payments'),
      op('aws:iam/accessKey:AccessKey', 'release-bot.aws.key.g12', 'release-bot', 'platform'),
    ],
    update: [
      op('aws:iam/role:Role', 'billing-sync.aws.role', 'billing-sync', 'payments', {
        inputs: ['assumeRolePolicy', 'maxSessionDuration', 'tags'],
      }),
      op('aws:iam/rolePolicy:RolePolicy', 'settlement-reader.aws.policy', 'settlement-reader', 'payments', {
        inputs: ['policy'],
      }),
      op('aws:iam/role:Role', 'settlement-reader.aws.role', 'settlement-reader', 'payments', {
        inputs: ['tags.owner'],
      }),
      op('vault:index/policy:Policy', 'report-publisher.vault.policy', 'report-publisher', 'data', {
        inputs: ['name', 'policy'],
        from: 'report-exporter.vault.policy',
      }),
    ],
    replace: [
      op(
        'kubernetes:core/v1:ServiceAccount',
        'report-publisher.kubernetes.service-account',
        'report-publisher',
        'data',
        { inputs: ['metadata.name'] },
      ),
    ],
    delete: [
      op('aws:iam/role:Role', 'legacy-etl.aws.role', 'legacy-etl', 'data'),
      op('vault:index/policy:Policy', 'support-assistant.vault.policy', 'support-assistant', 'data'),
    ],
  };
  plan.newStaticCredentials = [{ identity: 'release-bot', kind: 'aws-access-key' }];
  plan.due = [
    {
      identity: 'ledger-writer',
      kind: 'rotation',
      at: '2026-11-26T04:12:09Z',
      detail: 'vault-secret-id generation 20 replaces 19',
    },
    {
      identity: 'settlement-reader',
      kind: 'certificate',
      at: '2026-11-25T00:00:00Z',
      detail: 'pki certificate settlement-reader.payments.svc.cluster.local',
    },
  ];
  plan.deletions = { count: 2, limit: 10, allowed: 0 };
  plan.findings = [
    finding({
      rule: 'stewardship/review-overdue',
      severity: 'warning',
      file: 'identities/payments/settlement-reader.yaml',
      line: 18,
      column: 5,
      identity: 'settlement-reader',
      message: 'last review 2026-01-10 is older than 180d',
    }),
    finding({
      rule: 'schema/unknown-field',
      severity: 'error',
      file: 'identities/platform/edge-gateway.yaml',
      line: 9,
      column: 3,
      identity: 'edge-gateway',
      message: 'unknown field "purpse"',
    }),
  ];
  return plan;
}

/** Every manifest-derived string in the plan replaced by `value` (names get a suffix so they stay distinct). */
export function hostilePlan(value: string): Plan {
  const v = (tag: string) => `${value}${tag}`;
  const plan = emptyPlan();
  plan.base = v('base');
  plan.head = v('head');
  plan.identities = {
    added: [v('a')],
    removed: [v('r')],
    renamed: [{ from: v('old'), to: v('n') }],
    changed: [
      {
        name: v('c'),
        changes: [
          { path: v('path'), before: v('before'), after: v('after') },
          { path: 'spec.purpose', before: `${v('long')} ${'x'.repeat(100)}`, after: `${v('long')} ${'y'.repeat(100)}` },
          { path: 'spec.status', before: 'active', after: 'decommissioned' },
          { path: 'spec.labels', before: null, after: { [v('k')]: v('v') } },
        ],
      },
      { name: v('s'), changes: [{ path: 'spec.status', before: v('before'), after: v('status') }] },
    ],
    unplanned: [{ name: v('u'), file: v('file') }],
  };
  plan.access = {
    gained: [
      {
        identity: v('c'),
        target: 'aws',
        grant: v('grant'),
        conditions: { [v('op')]: { [v('key')]: v('cv') } },
        elevation: 0,
      },
      { identity: v('a'), target: 'vault', grant: v('g2') },
      { identity: v('a'), target: 'assume', grant: v('trust') },
    ],
    lost: [
      { identity: v('r'), target: 'kubernetes', grant: v('lost') },
      { identity: v('r'), target: 'assume', grant: v('untrust') },
    ],
    patterns: [
      {
        identity: v('c'),
        target: 'aws',
        pattern: v('pattern'),
        resource: v('resource'),
        count: 2,
        total: 3,
        change: 'gained',
        conditions: { [v('op')]: { [v('key')]: [v('cv'), v('cv2')] } },
        elevation: 0,
        grants: [v('grant'), v('grant2')],
      },
      {
        identity: v('a'),
        target: 'vault',
        pattern: v('cap'),
        resource: v('path'),
        count: 1,
        total: 1,
        change: 'gained',
        grants: [v('g2')],
      },
      {
        identity: v('r'),
        target: 'kubernetes',
        pattern: v('verb'),
        resource: v('lost'),
        count: 1,
        total: 1,
        change: 'lost',
        grants: [v('lost')],
      },
      {
        identity: v('a'),
        target: 'assume',
        pattern: v('principal'),
        resource: v('a'),
        count: 1,
        total: 1,
        change: 'gained',
        grants: [v('trust')],
      },
      {
        identity: v('r'),
        target: 'assume',
        pattern: v('gone'),
        resource: v('r'),
        count: 1,
        total: 1,
        change: 'lost',
        grants: [v('untrust')],
      },
    ],
  };
  plan.organization = [
    {
      kind: 'boundary',
      path: v('path'),
      before: v('before'),
      after: v('after'),
      effect: 'widens',
      summary: v('summary'),
    },
  ];
  plan.resources = {
    adopt: [op(v('type'), v('name'), v('a'), v('team'), { id: v('id') })],
    create: [op(v('type'), v('name'), v('a'), v('team'), { detail: v('detail') })],
    update: [op(v('type'), v('name'), v('c'), v('team'), { inputs: [v('input')], from: v('from') })],
    replace: [op(v('type'), v('name'), v('c'), v('team'), { inputs: [v('input')] })],
    delete: [op(v('type'), v('name'), v('r'), v('team'))],
  };
  plan.newStaticCredentials = [{ identity: v('a'), kind: 'aws-access-key' }];
  plan.due = [{ identity: v('c'), kind: 'rotation', at: '2026-11-25T00:00:00Z', detail: v('detail') }];
  plan.deletions = { count: 30, limit: 10, allowed: 0 };
  plan.findings = [finding({ rule: v('rule'), file: v('file'), identity: v('c'), message: v('message') })];
  return plan;
}

/** `n` added identities, each gaining `grants` AWS grants and creating two resources. */
export function bigPlan(n: number, grants = 3): Plan {
  const plan = emptyPlan();
  const names = Array.from({ length: n }, (_, i) => `service-${String(i).padStart(5, '0')}`);
  plan.identities.added = names;
  plan.access.gained = names.flatMap((identity) =>
    Array.from({ length: grants }, (_, g) => ({
      identity,
      target: 'aws' as const,
      grant: `s3:GetObject on arn:aws:s3:::bucket-${identity}/prefix-${g}/*`,
    })),
  );
  plan.access.patterns = simplePatterns(plan.access.gained, []);
  plan.resources.create = names.flatMap((identity) => [
    op('aws:iam/role:Role', `${identity}.aws.role`, identity, 'platform'),
    op('aws:iam/rolePolicy:RolePolicy', `${identity}.aws.policy`, identity, 'platform'),
  ]);
  return plan;
}
