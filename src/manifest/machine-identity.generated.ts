// Generated from schema/machine-identity.schema.json by test/schema/generate-types.ts. Do not edit:
// change the schema and run `UPDATE=1 npx vitest run test/schema`.

export type TeamName = string;
export type IsoDate = string;
export type Email = string;
/**
 * <int>(m|h|d): minutes, hours or days.
 */
export type Duration = string;
/**
 * Twelve digits, quoted so YAML keeps leading zeros.
 */
export type AwsAccount = string;
export type ClusterName = string;
export type K8SNamespace = string;
export type K8SName = string;
/**
 * @minItems 1
 * @maxItems 20
 */
export type AwsTrustServices =
  | {
      /**
       * An AWS service principal, e.g. lambda.amazonaws.com.
       */
      principal: string;
      /**
       * The resource that may act for the service (aws:SourceArn): the confused-deputy guard.
       */
      sourceArn?: string;
    }
  | AwsTrustService[];
/**
 * @minItems 1
 * @maxItems 20
 */
export type AwsTrustEksPodIdentities =
  | {
      /**
       * A key of org.yaml targets.kubernetes with eks: { account, region, name }.
       */
      cluster: string;
      namespace: K8SNamespace;
      serviceAccount: K8SName;
    }
  | AwsTrustEksPodIdentity[];
/**
 * @minItems 1
 * @maxItems 20
 */
export type AwsTrustAccounts =
  | {
      /**
       * The trusted account: in org.yaml targets.aws or trustedAccounts.
       */
      id: string;
      /**
       * The role in that account that may assume this one (path/name); absent: the whole account (its root).
       */
      role?: string;
      /**
       * sts:ExternalId the caller must pass; required for a third party.
       */
      externalId?: string;
    }
  | AwsTrustAccount[];
/**
 * @minItems 1
 * @maxItems 20
 */
export type AwsTrustOidcs =
  | {
      /**
       * A key of org.yaml targets.aws.<account>.oidcProviders.
       */
      provider: string;
      audience: string;
      /**
       * The exact sub claim (* and ? make it a pattern, which must stay narrow).
       */
      subject?: string;
    }
  | AwsTrustOidc[];
/**
 * @minItems 1
 * @maxItems 20
 */
export type AwsTrustRolesAnywheres =
  | {
      /**
       * A key of org.yaml targets.aws.<account>.trustAnchors.
       */
      trustAnchor: string;
      /**
       * The certificate subject CN the role accepts.
       */
      commonName?: string;
      /**
       * The certificate subject OU the role accepts.
       */
      organizationalUnit?: string;
      /**
       * <int>(m|h|d): minutes, hours or days.
       */
      sessionDuration?: string;
    }
  | AwsTrustRolesAnywhere[];
export type AwsAction = string;
export type AwsResource = string;
/**
 * @minItems 1
 * @maxItems 100
 */
export type AwsConditionValue = string | number | boolean | AwsConditionScalar[];
export type AwsConditionScalar = string | number | boolean;
/**
 * @minItems 0
 * @maxItems 100
 */
export type AwsPermissions = {
  /**
   * @minItems 1
   * @maxItems 100
   */
  actions: AwsAction[];
  /**
   * @minItems 1
   * @maxItems 100
   */
  resources: AwsResource[];
  conditions?: AwsConditions;
}[];
/**
 * @maxItems 100
 */
export type K8SRules = {
  /**
   * @minItems 1
   * @maxItems 50
   */
  apiGroups: string[];
  /**
   * @minItems 1
   * @maxItems 100
   */
  resources: string[];
  /**
   * @minItems 1
   * @maxItems 100
   */
  resourceNames?: K8SName[];
  /**
   * @minItems 1
   * @maxItems 20
   */
  verbs: string[];
}[];
/**
 * @minItems 1
 * @maxItems 20
 */
export type VaultJwtClaimValue = string | string[];
export type VaultPath = string;
/**
 * @minItems 1
 * @maxItems 100
 */
export type VaultPaths = {
  path: VaultPath;
  /**
   * @minItems 1
   * @maxItems 10
   */
  capabilities: (
    "create" | "read" | "update" | "patch" | "delete" | "list" | "sudo" | "deny" | "subscribe" | "recover"
  )[];
}[];
export type IsoDateTime = string;

/**
 * One machine identity (idac/v1): who owns it, why it exists, until when, and exactly what it may touch.
 */
export interface MachineIdentity {
  apiVersion: "idac/v1";
  kind: "MachineIdentity";
  metadata: {
    /**
     * Unique name; equals the file's base name. Valid for AWS, Kubernetes and Vault.
     */
    name: string;
    /**
     * The previous name: the plan shows a rename and apply keeps the live objects.
     */
    renamedFrom?: string;
    /**
     * Written by `idac import`: the live object this identity was made from, so the first apply adopts it instead of creating a duplicate, and drift matches it.
     */
    importedFrom?: {
      target: "aws" | "kubernetes" | "vault";
      /**
       * The cloud id: an IAM role or user ARN, k8s:<cluster>/<namespace>/<service account>, vault:auth/<mount>/role/<role>.
       */
      id: string;
      /**
       * The live name as it was found (it may not be a valid idac name).
       */
      name: string;
      /**
       * The day it was imported: access keys older than this are not idac's.
       */
      at?: string;
      /**
       * The live object as it was imported: what the first apply adopts and a later apply converges.
       */
      live?: {
        /**
         * IAM path (kept: it is part of the ARN consumers use).
         */
        path?: string;
        maxSessionDuration?: number;
        /**
         * @maxItems 100
         */
        inlinePolicies?: string[];
        /**
         * @maxItems 100
         */
        managedPolicies?: string[];
        /**
         * @maxItems 100
         */
        groups?: string[];
        /**
         * Vault: the token policies of the auth role.
         *
         * @maxItems 100
         */
        policies?: string[];
        /**
         * Fingerprints of the live statements idac import could not express (listed in the comment at the end of the file): drift knows them, and lifecycle/import-unsettled asks a person to settle each and remove its entry.
         *
         * @maxItems 500
         */
        notExpressible?: string[];
      };
    };
    labels?: {
      [k: string]: string | undefined;
    };
  };
  spec: {
    type: "workload" | "pipeline" | "bot" | "device" | "api-client" | "ai-agent";
    /**
     * What the identity does and why; one or two sentences a reviewer can check access against.
     */
    purpose: string;
    criticality?: "low" | "medium" | "high" | "critical";
    stewardship: {
      /**
       * Accountable human; a member of the team.
       */
      owner?: string;
      /**
       * Takes over when the owner leaves; a different member of the team.
       */
      successor?: string;
      team: TeamName;
      costCenter?: string;
    };
    /**
     * Mandatory end of life (UTC date); expired from the start of the next day.
     */
    expires: string;
    review?: {
      lastReviewed: IsoDate;
      reviewer: Email;
    };
    status?: "active" | "suspended" | "decommissioned";
    rotation?: {
      period: Duration;
      overlap?: Duration;
      epoch?: number;
    };
    access: Access;
    delivery?: {
      vaultPath?: VaultPath;
      kubernetesSecret?: {
        namespace: K8SNamespace;
        name: K8SName;
      };
    };
    /**
     * @maxItems 20
     */
    elevations?: {
      reason: string;
      approvedBy: Email;
      from: IsoDateTime;
      until: IsoDateTime;
      access: ElevationAccess;
    }[];
  };
}
export interface Access {
  aws?: {
    account: AwsAccount;
    /**
     * role: federated, no static secret. user: static access keys (needs rotation).
     */
    principal: "role" | "user";
    trust?: {
      kubernetes?: {
        cluster: ClusterName;
        namespace: K8SNamespace;
        serviceAccount: K8SName;
      };
      github?: {
        repository: string;
        environment?: string;
        ref?: string;
        pullRequest?: boolean;
      };
      service?: AwsTrustServices;
      eksPodIdentity?: AwsTrustEksPodIdentities;
      account?: AwsTrustAccounts;
      oidc?: AwsTrustOidcs;
      rolesAnywhere?: AwsTrustRolesAnywheres;
    };
    permissions: AwsPermissions;
  };
  kubernetes?: {
    cluster: ClusterName;
    namespace: K8SNamespace;
    serviceAccount?: K8SName;
    rules?: K8SRules;
  };
  vault?: {
    /**
     * kubernetes: bound to the service account. jwt: a CI or workload OIDC token with bound claims. aws: the identity's own IAM role (iam auth type). cert: a TLS client certificate with one of the identity's certificate common names. approle: static secret-id (needs rotation).
     */
    auth: "kubernetes" | "approle" | "jwt" | "aws" | "cert";
    /**
     * JWT/OIDC auth: the token's aud must be the audience and every claim must match (a list: any of its values; * and ? glob). Unpinned (no repository/project and ref or environment) is a rule error.
     */
    jwt?: {
      /**
       * Path of the jwt auth method, declared in org.yaml targets.vault.auth.
       */
      mount: string;
      audience: string;
      claims?: {
        [k: string]: VaultJwtClaimValue | undefined;
      };
      /**
       * The claim Vault names the entity after (default: sub).
       */
      userClaim?: string;
    };
    /**
     * AWS auth (iam type): logs in as the identity's own IAM role (spec.access.aws, principal: role).
     */
    aws?: {
      /**
       * Path of the aws auth method, declared in org.yaml targets.vault.auth.
       */
      mount: string;
    };
    /**
     * TLS certificate auth: a client certificate signed by the CA with one of the identity's certificate common names.
     */
    cert?: {
      /**
       * Path of the cert auth method, declared in org.yaml targets.vault.auth.
       */
      mount: string;
      /**
       * A key of org.yaml targets.vault.certificateAuthorities.
       */
      ca: string;
    };
    paths?: VaultPaths;
    /**
     * @minItems 1
     * @maxItems 20
     */
    certificates?: {
      mount: string;
      /**
       * @minItems 1
       * @maxItems 50
       */
      commonNames: string[];
      ttl: Duration;
    }[];
  };
}
export interface AwsTrustService {
  /**
   * An AWS service principal, e.g. lambda.amazonaws.com.
   */
  principal: string;
  /**
   * The resource that may act for the service (aws:SourceArn): the confused-deputy guard.
   */
  sourceArn?: string;
}
export interface AwsTrustEksPodIdentity {
  /**
   * A key of org.yaml targets.kubernetes with eks: { account, region, name }.
   */
  cluster: string;
  namespace: K8SNamespace;
  serviceAccount: K8SName;
}
export interface AwsTrustAccount {
  /**
   * The trusted account: in org.yaml targets.aws or trustedAccounts.
   */
  id: string;
  /**
   * The role in that account that may assume this one (path/name); absent: the whole account (its root).
   */
  role?: string;
  /**
   * sts:ExternalId the caller must pass; required for a third party.
   */
  externalId?: string;
}
export interface AwsTrustOidc {
  /**
   * A key of org.yaml targets.aws.<account>.oidcProviders.
   */
  provider: string;
  audience: string;
  /**
   * The exact sub claim (* and ? make it a pattern, which must stay narrow).
   */
  subject?: string;
}
export interface AwsTrustRolesAnywhere {
  /**
   * A key of org.yaml targets.aws.<account>.trustAnchors.
   */
  trustAnchor: string;
  /**
   * The certificate subject CN the role accepts.
   */
  commonName?: string;
  /**
   * The certificate subject OU the role accepts.
   */
  organizationalUnit?: string;
  /**
   * <int>(m|h|d): minutes, hours or days.
   */
  sessionDuration?: string;
}
/**
 * IAM Condition element, compiled into the statement as written: operator (StringEquals, ArnLike, IpAddress, …IfExists, ForAnyValue:…) → condition key → value or list. Every key must be a global key or one the permission's actions support.
 */
export interface AwsConditions {
  [k: string]:
    | {
        [k: string]: AwsConditionValue | undefined;
      }
    | undefined;
}
export interface ElevationAccess {
  aws?: {
    permissions: AwsPermissions;
  };
  kubernetes?: {
    rules: K8SRules;
  };
  vault?: {
    paths: VaultPaths;
  };
}
