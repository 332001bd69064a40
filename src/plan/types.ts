// A Plan is data (as in Terraform): what a change between two revisions does to identities, access
// and cloud resources, and what falls due. Renderers turn it into text, Markdown or JSON; nothing
// here formats text, and every list is sorted so the same revisions give byte-identical output.

import type { Finding } from '../findings.js';

export type Target = 'aws' | 'kubernetes' | 'vault';

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
  /** `s3:PutObject on arn:…` — wildcards expanded, one line per real action (grantText). */
  grant: string;
  /** Index of the elevation that grants it (active at `now`), when it comes from one. */
  elevation?: number;
}

export type ResourceAction = 'create' | 'update' | 'replace' | 'delete';

export interface ResourceOp {
  type: string;
  name: string;
  identity: string;
  team: string;
  /** update: the input paths that change; replace: the inputs that force the replacement. */
  inputs?: string[];
  /** A rename (metadata.renamedFrom): the logical name the live resource had. */
  from?: string;
  /** The `status` input the resource is created or updated with, where it has one (an AWS access key: `Active` or `Inactive`). */
  status?: string;
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

export type StaticCredentialKind = 'aws-access-key' | 'vault-secret-id';

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
    /** Identities whose head manifest cannot be compiled (it does not load or fails its schema): no operation is planned for them. */
    unplanned: { name: string; file: string }[];
  };
  access: { gained: AccessChange[]; lost: AccessChange[] };
  resources: Record<ResourceAction, ResourceOp[]>;
  /** Identities that start to hold a static credential kind they did not hold before. */
  newStaticCredentials: { identity: string; kind: StaticCredentialKind }[];
  due: Due[];
  /** Identities whose resources all go (file removed or decommissioned), against the guard. */
  deletions: { count: number; limit: number; allowed: number };
  findings: Finding[];
}
