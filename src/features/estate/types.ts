// The estate: what already exists in AWS IAM, a Kubernetes cluster or Vault, read from an export
// file or a live API and put in the terms of a manifest. `idac import` writes it out as manifests;
// `idac drift` compares it with the manifests in git. Both read the same model, so an identity
// imported and then checked for drift compares equal by construction.

import type { MachineIdentity } from '../../manifest/machine-identity.generated.js';
import type { Organization } from '../../manifest/organization.generated.js';

export type EstateTarget = 'aws' | 'kubernetes' | 'vault';
type Access = MachineIdentity['spec']['access'];
export type ImportedFrom = NonNullable<MachineIdentity['metadata']['importedFrom']>;

/**
 * A part of the live object a manifest cannot say (a Deny, a NotAction, a condition or binding it has
 * no field for). Reported with the exact source text; never dropped silently, never widened.
 */
export interface NotExpressible {
  /** Where the statement lives: "inline policy s3-access", "managed policy arn:…", "ClusterRoleBinding ops-view". */
  source: string;
  /** The exact source statement, as compact JSON (AWS, Kubernetes) or the policy text (Vault). */
  statement: string;
  /** Why it is not in the manifest, in words a person can act on. */
  reason: string;
}

/** Where one part of `access` came from: the comment `idac import` writes beside it. */
export interface Origin {
  /** A data path inside `access`, e.g. ['aws', 'permissions', 2] or ['vault', 'paths', 0]. */
  path: (string | number)[];
  /** "inline policy s3-access", "managed policy arn:aws:iam::aws:policy/ReadOnlyAccess (v3)", "group ops". */
  from: string;
}

/** One principal of the estate: an IAM role or user, a service account, a Vault auth role. */
export interface EstateIdentity {
  target: EstateTarget;
  /** The cloud id: role/user ARN, k8s:<cluster>/<namespace>/<name>, vault:auth/<mount>/role/<name>. */
  id: string;
  /** The live name (may not be a valid idac name: the importer maps it). */
  name: string;
  /** Tags (AWS), labels then annotations (Kubernetes), role metadata (Vault): for team, owner, type. */
  labels: Readonly<Record<string, string>>;
  /**
   * What a manifest can say about this principal's access, in manifest terms (spec.access): exactly
   * the expressible part. Statements and bindings that could not be expressed are in `notExpressible`.
   */
  access: Access;
  notExpressible: NotExpressible[];
  origins: Origin[];
  /** What the first apply adopts (metadata.importedFrom.live). */
  live?: ImportedFrom['live'];
  /** ISO-8601 creation time when the source has one. */
  created?: string;
  /**
   * Set when this principal is never an identity of its own (an AWS service-linked role, an
   * AWSReservedSSO_ role, a Kubernetes system service account): drift does not call it an orphan
   * and import skips it, saying why.
   */
  skip?: string;
}

/** An IAM access key: never adopted, never printed whole. */
export interface AccessKeyRecord {
  /** The user's ARN. */
  user: string;
  userName: string;
  /** The key id masked as AWS consoles do ("AKIA…WXYZ"): the full id never leaves the reader. */
  keyId: string;
  status: 'Active' | 'Inactive';
  /** ISO-8601. */
  created?: string;
  lastUsed?: string;
}

export interface Estate {
  target: EstateTarget;
  /** AWS: the account id; Kubernetes: the cluster name (--cluster); Vault: the address or "dump". */
  scope: string;
  identities: EstateIdentity[];
  keys: AccessKeyRecord[];
  /** What org.yaml must also declare for the imported manifests to load and compile; import merges it. */
  org: OrgAdditions;
  /** Problems with the input itself that did not stop the read (a page that failed to parse…). */
  warnings: string[];
}

/**
 * Declarations the estate needs in org.yaml (an OIDC provider a trust names, a Roles Anywhere trust
 * anchor, a cluster, a Vault auth mount, a partner account). Names a reader makes up for them are
 * deterministic (derived from the host, ARN or mount), so two imports of the same estate agree.
 */
export interface OrgAdditions {
  aws?: Record<string, { oidcProviders?: Record<string, string>; trustAnchors?: Record<string, string> }>;
  /** A cluster a Vault Kubernetes auth mount trusts carries that mount (org.yaml `vaultAuthMount`). */
  kubernetes?: Record<string, { vaultAuthMount?: string }>;
  vault?: { auth?: Record<string, string>; mounts?: Record<string, string>; approleMount?: string };
  trustedAccounts?: Record<string, { name: string; thirdParty?: boolean }>;
}

/** What every reader is given: the repository's org.yaml (its declared names are reused), and the clock. */
export interface EstateContext {
  org: Organization | null;
  now: number;
}
