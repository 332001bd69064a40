// `idac report` as data: the inventory and the KPIs a security officer reports on, computed once
// from the loaded repository; the renderers (markdown, json, csv, html) only lay it out.

import type { Severity } from '../../common/findings.js';
import type { StaticCredentialKind } from '../../compile/types.js';

export type Target = 'aws' | 'kubernetes' | 'vault';
export type Status = 'active' | 'suspended' | 'decommissioned';

/**
 * How an identity proves who it is to one target. Federated kinds hold no long-lived secret (an
 * IAM role assumed through OIDC, a Kubernetes service-account token, Vault's Kubernetes auth);
 * static kinds are secrets idac issues and rotates (SPEC §2).
 */
export type CredentialKind =
  | 'aws-role'
  | 'kubernetes-service-account'
  | 'vault-kubernetes-auth'
  | 'vault-jwt-auth'
  | 'vault-aws-auth'
  | 'vault-cert-auth'
  | StaticCredentialKind;

/**
 * How an identity logs in, as its manifest declares it (a suspended identity counted as if active):
 * `static` holds a static credential (AWS access keys, a Vault AppRole secret-id), whatever else it
 * has; `federated` logs in only by federation (someone is trusted to become it: access/trust.ts);
 * `none` neither (a role nobody is trusted to assume, a Kubernetes-only service account).
 */
export type Login = 'static' | 'federated' | 'none';

export interface InventoryRow {
  name: string;
  type: string;
  team: string;
  owner: string;
  successor: string;
  criticality: string | null;
  costCenter: string | null;
  purpose: string;
  targets: Target[];
  /** `static` when any credential is static. */
  credential: 'federated' | 'static';
  credentialKinds: CredentialKind[];
  login: Login;
  /** `YYYY-MM-DD`, valid through the end of that day (UTC). */
  expires: string;
  /** Whole days from now to the end of the expiry day; 0 or less once expired. */
  daysToExpiry: number;
  lastReviewed: string | null;
  reviewer: string | null;
  /** `YYYY-MM-DD` the next review falls due; null without limits.reviewEvery or a review. */
  nextReview: string | null;
  /** Past its next review (lifecycle/review-overdue's terms). */
  reviewOverdue: boolean;
  /** ISO-8601: the soonest rotation of a static credential; null for federated, decommissioned or non-rotating. */
  nextRotation: string | null;
  status: Status;
  file: string;
}

/** `count` of `total`; `percent` to one decimal, null when there is nothing to count. */
export interface Share {
  count: number;
  total: number;
  percent: number | null;
}

export type StewardshipProblem = 'owner-not-in-team' | 'successor-not-in-team' | 'successor-is-owner';

export interface Kpis {
  /** Live identities (not decommissioned) are the population of every KPI below. */
  stewardship: {
    ownerInTeam: Share;
    successorInTeam: Share;
    /** Owner and successor both current members of the team, and two different people. */
    ownerAndSuccessor: Share;
  };
  credentials: {
    federated: Share;
    static: Share;
    byKind: { kind: CredentialKind; federated: boolean; count: number }[];
  };
  /** Federated against static logins (Login), over all live identities and per team (team order). */
  federation: {
    static: Share;
    federated: Share;
    none: Share;
    byTeam: { team: string; total: number; static: number; federated: number; none: number }[];
  };
  rotation: {
    /** Static credentials whose policy is within org.yaml's limits. */
    compliant: Share;
    overdue: { identity: string; kind: StaticCredentialKind; reason: string; file: string }[];
  };
  reviews: {
    /** org.yaml limits.reviewEvery; null when reviews are not required. */
    every: string | null;
    onTime: Share;
    overdue: Share;
    neverReviewed: number;
    dueWithin30Days: number;
    /** Overdue and never-reviewed identities, most overdue first. */
    items: { identity: string; owner: string; lastReviewed: string | null; due: string | null; file: string }[];
  };
  expiry: {
    expired: number;
    /** Cumulative: within 60 days includes within 30. */
    within30Days: number;
    within60Days: number;
    within90Days: number;
    /** Expired or expiring within 90 days, soonest first. */
    items: { identity: string; owner: string; expires: string; daysToExpiry: number; file: string }[];
  };
  findings: {
    errors: number;
    warnings: number;
    info: number;
    /** Rules with error or warning findings, most findings first. */
    byRule: { rule: string; title: string; severity: Severity; errors: number; warnings: number }[];
  };
  owners: {
    /**
     * Every owner and successor (e-mail lower-cased) by the live identities they own, then succeed,
     * then e-mail: the people at the top are the bus factor.
     */
    people: { person: string; owns: number; succeeds: number }[];
    /** Identities with no working succession. */
    gaps: { identity: string; owner: string; successor: string; problems: StewardshipProblem[]; file: string }[];
  };
}

export interface NhiCoverage {
  id: string;
  title: string;
  /** no-rule: idac has no check for it; clean: checked, nothing found; findings: checked, something found. */
  status: 'no-rule' | 'clean' | 'findings';
  /** The rules mapped to this risk and how many findings each has in this repository. */
  rules: { rule: string; findings: number }[];
  findings: number;
  /** What a static check of the manifests cannot see. */
  blindSpot: string;
}

export interface Report {
  /** ISO-8601: the clock the report was computed at. */
  asOf: string;
  summary: {
    identities: number;
    live: number;
    teams: number;
    byStatus: { active: number; suspended: number; decommissioned: number };
    /** Manifests that did not load (idac validate says why); they are missing from the inventory. */
    skipped: number;
    /** False when org.yaml is missing or invalid: team membership could not be checked. */
    org: boolean;
  };
  kpis: Kpis;
  owasp: NhiCoverage[];
  inventory: InventoryRow[];
}
