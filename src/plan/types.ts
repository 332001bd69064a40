// A Plan is data (as in Terraform): what a change between two revisions does to identities, access
// and cloud resources, and what falls due. Renderers turn it into text, Markdown or JSON; nothing
// here formats text, and every list is sorted so the same revisions give byte-identical output.

import type { AwsConditions } from '../access/aws-conditions.js';
import type { Finding } from '../common/findings.js';
import type { StaticCredentialKind } from '../compile/types.js';

/** `assume`: who can become the identity (a trust entry, src/access/trust.ts), not what it can do. */
export type Target = 'aws' | 'kubernetes' | 'vault' | 'assume';

export interface FieldChange {
  /** Data path as in findings: `spec.access.aws.permissions[0].actions`. */
  path: string;
  /** null where the field is absent on that side. */
  before: unknown;
  after: unknown;
}

export interface IdentityChange {
  name: string;
  changes: FieldChange[];
}

export interface AccessChange {
  identity: string;
  target: Target;
  /**
   * `s3:PutObject on arn:…` — wildcards expanded, one line per real action (grantText); for `assume`,
   * `<principal> can become <identity>` (assumeText).
   */
  grant: string;
  /**
   * AWS: the permission's Condition element as written, when it has one. The grant holds only under
   * it, so the same grant under other conditions is another entry (lost with the old, gained with the new).
   */
  conditions?: AwsConditions;
  /** Index of the elevation that grants it (active at `now`), when it comes from one. */
  elevation?: number;
}

/**
 * A grant as written, beside the exact pairs it accounts for. AWS: `pattern` is the action pattern
 * as written (`s3:Get*`) and `resource` the ARN as written; `count` is how many of the exact pairs
 * in `gained` (or `lost`) it expands to. A pair that two written patterns both grant is counted
 * under the first (spec.access before elevations, then document order), so the counts of one
 * identity's patterns add up to its exact pairs. Kubernetes: `pattern` is the verb as written
 * (`get`, `*`) and `resource` the rest of the grant (`configmaps/fx-rates in prod-eu/payments`);
 * Vault: the capability and the path. The model does not expand Kubernetes or Vault wildcards, so
 * their count is 1. Assume: `pattern` is the principal, `resource` the identity, count and total 1.
 */
export interface AccessPattern {
  identity: string;
  target: Target;
  pattern: string;
  resource: string;
  /** The exact grants of this pattern that change: gained (not held before) or lost (no longer held). */
  count: number;
  /**
   * Every exact grant the pattern gives on its resource, on its side of the change (head for gained,
   * base for lost): `s3:Get*` on an object prefix is 31 actions even where `s3:GetObject` was held
   * before and only 30 are new. count ≤ total.
   */
  total: number;
  change: 'gained' | 'lost';
  /** AWS: the permission's Condition element as written, when it has one (as AccessChange.conditions). */
  conditions?: AwsConditions;
  /** Index of the elevation that grants it (active at `now`), when it comes from one. */
  elevation?: number;
  /** The exact grants it accounts for (AccessChange.grant, sorted), for renderers that expand it; not in the JSON. */
  grants: string[];
}

/**
 * What a change to identities/org.yaml is about. `team`: a team added or removed (whole);
 * `member`: one member joins or leaves a team; `team-github`: a team's @org/team handle;
 * `boundary`: one entry of a team's boundaries (aws accounts, kubernetes namespaces, vault paths
 * or domains) added or removed, or a whole boundary list added or dropped (an absent list is no
 * boundary); `target`: an AWS account, Kubernetes cluster or Vault setting idac manages;
 * `limit`: one of spec.limits; `security-owner`: one security owner added or removed;
 * `exception`: one exception added, removed or changed; `github-login`: one e-mail → login entry;
 * `other`: any other field.
 */
export type OrgChangeKind =
  | 'team'
  | 'member'
  | 'team-github'
  | 'boundary'
  | 'target'
  | 'limit'
  | 'security-owner'
  | 'exception'
  | 'github-login'
  | 'other';

/** Whether a change lets identities (or the people behind them) do more, less, or neither. */
export type OrgEffect = 'widens' | 'narrows' | 'neutral';

export interface OrgChange {
  kind: OrgChangeKind;
  /** Data path in org.yaml: `spec.teams.data.boundaries.vault.paths`. For one entry of a list, the list's path. */
  path: string;
  /** null where absent on that side; for one entry of a list, the entry (null on the side without it). */
  before: unknown;
  after: unknown;
  effect: OrgEffect;
  /** One line for people: `team data: vault paths boundary adds "*" (every path)`. */
  summary: string;
}

/**
 * `adopt`: a live object an imported identity names (metadata.importedFrom) that apply takes into
 * Pulumi's state as it is (Pulumi's `import` option) instead of creating it; what then changes on it
 * to become what idac compiles is an `update` of the same resource.
 */
export type ResourceAction = 'adopt' | 'create' | 'update' | 'replace' | 'delete';

/** Every action, in the order plans list them. */
export const RESOURCE_ACTIONS: readonly ResourceAction[] = ['adopt', 'create', 'update', 'replace', 'delete'];

export interface ResourceOp {
  type: string;
  name: string;
  identity: string;
  team: string;
  /** update: the input paths that change; replace: the inputs that force the replacement. */
  inputs?: string[];
  /** A rename (metadata.renamedFrom): the logical name the live resource had. */
  from?: string;
  /**
   * The `status` input the resource is created or updated with, where it has one (an AWS access key: `Active` or
   * `Inactive`).
   */
  status?: string;
  /**
   * adopt: the provider's import id of the live object (an IAM role or user name, `<namespace>/<name>`,
   * `auth/<mount>/role/<name>`).
   */
  id?: string;
  /**
   * What the operation does that its inputs do not say, in words: the exclusive-policy resources of an
   * adopted principal name the pre-idac inline policies they delete and the managed policies they detach.
   */
  detail?: string;
}

export type DueKind = 'rotation' | 'expiry' | 'review' | 'certificate';

export interface Due {
  identity: string;
  kind: DueKind;
  /** ISO-8601 UTC. */
  at: string;
  /** One line for people: which credential, which certificate. */
  detail: string;
}

export interface Plan {
  base: string;
  baseSha: string;
  head: string;
  /** null for the working tree. */
  headSha: string | null;
  /** The clock the plan was computed at (ISO-8601). */
  now: string;
  /** The look-ahead for `due`, as given (`7d`). */
  window: string;
  /** sha256 of the sorted resource operations and their inputs: apply refuses a plan that no longer matches. */
  fingerprint: string;
  identities: {
    added: string[];
    removed: string[];
    /** Renames declared with metadata.renamedFrom: live objects are kept through aliases. */
    renamed: { from: string; to: string }[];
    changed: IdentityChange[];
    /**
     * Identities whose head manifest cannot be compiled (it does not load or fails its schema): no operation is planned
     * for them.
     */
    unplanned: { name: string; file: string }[];
  };
  /** Changes to identities/org.yaml, sorted by path, kind, before and after. */
  organization: OrgChange[];
  access: {
    gained: AccessChange[];
    lost: AccessChange[];
    /** gained then lost per identity, sorted. */ patterns: AccessPattern[];
  };
  resources: Record<ResourceAction, ResourceOp[]>;
  /** Identities that start to hold a static credential kind they did not hold before. */
  newStaticCredentials: { identity: string; kind: StaticCredentialKind }[];
  due: Due[];
  /** Identities whose resources all go (file removed or decommissioned), against the guard. */
  deletions: { count: number; limit: number; allowed: number };
  findings: Finding[];
}
