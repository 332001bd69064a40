// Generated from schema/organization.schema.json by test/schema/generate-types.ts. Do not edit:
// change the schema and run `UPDATE=1 npx vitest run test/schema`.

export type Email = string;
export type AwsAccount = string;
export type Environment = string;
/**
 * <int>(m|h|d): minutes, hours or days.
 */
export type Duration = string;

/**
 * identities/org.yaml (idac/v1): teams and their members, the boundaries each team's identities stay inside, the targets idac manages, and the limits every identity obeys.
 */
export interface Organization {
  apiVersion: "idac/v1";
  kind: "Organization";
  spec: {
    /**
     * What `idac drift` leaves alone.
     */
    drift?: {
      /**
       * Globs (* and ?) over cloud ids and names (an IAM ARN or role name, k8s:<cluster>/<namespace>/<name>, vault:auth/<mount>/role/<name>) that are never orphans.
       *
       * @maxItems 500
       */
      ignore?: string[];
    };
    /**
     * AWS accounts outside targets.aws that trust.account may name (id → { name, thirdParty }).
     */
    trustedAccounts?: {
      [k: string]:
        | {
            name: string;
            /**
             * Owned by another organisation: a trust to it needs an externalId (the confused-deputy guard).
             */
            thirdParty?: boolean;
          }
        | undefined;
    };
    /**
     * Review org.yaml, schema/, .github/ and exceptions; may approve elevations.
     *
     * @maxItems 50
     */
    securityOwners?: Email[];
    /**
     * E-mail → GitHub login, for CODEOWNERS and for mentioning owners in the audit issue. The only source of @-mentions idac writes.
     */
    githubLogins?: {
      [k: string]: string | undefined;
    };
    teams: {
      [k: string]:
        | {
            /**
             * @minItems 0
             * @maxItems 1000
             */
            members: Email[];
            /**
             * @org/team handle for CODEOWNERS.
             */
            github?: string;
            boundaries?: {
              aws?: {
                /**
                 * @maxItems 100
                 */
                accounts?: AwsAccount[];
              };
              kubernetes?: {
                /**
                 * <cluster>/<namespace>; <cluster>/* for every namespace of a cluster.
                 *
                 * @maxItems 200
                 */
                namespaces?: string[];
              };
              vault?: {
                /**
                 * @maxItems 200
                 */
                paths?: string[];
                /**
                 * @maxItems 100
                 */
                domains?: string[];
              };
            };
          }
        | undefined;
    };
    targets?: {
      aws?: {
        [k: string]:
          | {
              region: string;
              environment?: Environment;
              /**
               * IAM role idac apply assumes in this account (from the CI's OIDC credentials). Without it, apply uses the ambient credentials, which must belong to this account.
               */
              applyRole?: string;
              oidcProviders?: {
                [k: string]: string | undefined;
              };
              /**
               * IAM Roles Anywhere trust anchors by name (name → trust anchor ARN), for trust.rolesAnywhere.
               */
              trustAnchors?: {
                [k: string]: string | undefined;
              };
            }
          | undefined;
      };
      kubernetes?: {
        [k: string]:
          | {
              context?: string;
              environment?: Environment;
              /**
               * Path of the Vault Kubernetes auth method that trusts this cluster's service-account tokens (default: kubernetes).
               */
              vaultAuthMount?: string;
              /**
               * Namespaces whose workloads hold cluster-wide power (kube-system always counts): grants there weigh more.
               *
               * @maxItems 100
               */
              privilegedNamespaces?: string[];
              /**
               * The cluster is EKS: trust.eksPodIdentity associations are made in this account and region on the cluster of this name.
               */
              eks?: {
                account: string;
                region: string;
                name: string;
              };
            }
          | undefined;
      };
      vault?: {
        address?: string;
        /**
         * Path of the Vault AppRole auth method (default: approle).
         */
        approleMount?: string;
        /**
         * Auth methods by mount path (path → method) that spec.access.vault.{jwt,aws,cert}.mount may name.
         */
        auth?: {
          [k: string]: "jwt" | "aws" | "cert" | "kubernetes" | "approle" | undefined;
        };
        /**
         * CAs for Vault cert auth by name (name → PEM file, relative to the repository root).
         */
        certificateAuthorities?: {
          [k: string]: string | undefined;
        };
        mounts?: {
          [k: string]:
            "kv" | "kv-v2" | "pki" | "transit" | "database" | "aws" | "ssh" | "totp" | "kubernetes" | undefined;
        };
      };
    };
    limits?: {
      maxLifetime?: Duration;
      reviewEvery?: Duration;
      maxElevation?: Duration;
      rotation?: {
        "aws-access-key"?: Duration;
        "vault-secret-id"?: Duration;
      };
      certificateTtl?: Duration;
      requireCostCenter?: boolean;
    };
    /**
     * @maxItems 500
     */
    exceptions?: {
      identity: string;
      rule: string;
      reason: string;
      approvedBy: Email;
      expires: string;
    }[];
  };
}
