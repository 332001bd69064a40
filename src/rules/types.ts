// The shape every rule shares (docs/STYLE.md "A rule file"). Rules are pure: data and the clock in,
// reports out; the engine turns reports into findings with file:line:column.

import type { NhiId, Path, Severity } from '../findings.js';
import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import type { Organization } from '../manifest/organization.generated.js';
import type { OrgModel } from '../model/org.js';
import type { EffectiveAccess } from '../access/model.js';

export interface RuleMeta {
  /** `domain/kebab-name`; gives the file path src/rules/<id>.ts. */
  id: string;
  severity: Severity;
  title: string;
  rationale: string;
  fix: string;
  owasp: readonly NhiId[];
}

export interface RuleContext {
  /** null when org.yaml is missing or invalid: rules that need it stay silent (org/* findings say why). */
  org: OrgModel | null;
  /** Milliseconds since the Unix epoch; never read from the system clock inside a rule. */
  now: number;
}

/** A problem at a node: `at: 'key'` points at the key (or list item), `'value'` at its value. */
export interface Report {
  path: Path;
  at?: 'key' | 'value';
  message: string;
}

export interface IdentityFile {
  /** Relative to the repo root, forward slashes. */
  file: string;
  data: MachineIdentity;
  /** Every grant in force at ctx.now, AWS wildcards expanded against the IAM reference (src/access/). */
  access: EffectiveAccess;
}

/** A match in the raw text; the engine never prints `text`, only a fingerprint of it. */
export interface TextMatch {
  offset: number;
  text: string;
  message: string;
}

export interface TextScan {
  text: string;
  /** secretlint's findings for this text, computed once per file and shared by the rules that use them. */
  secretlint(): Promise<readonly SecretlintMatch[]>;
}

export interface SecretlintMatch {
  ruleId: string;
  messageId: string;
  offset: number;
  end: number;
}

export interface RepoEntry<S> {
  file: string;
  identity: string;
  value: S;
}

export interface RepoReport extends Report {
  file: string;
  identity: string | null;
  /** For a file that is not a manifest (CODEOWNERS): the place itself, and `path` is ignored. */
  position?: { line: number; column: number };
}

interface Base {
  meta: RuleMeta;
}

/** Reported by the loader (parse/*, schema/*); the rule file holds the metadata and its tests. */
export interface LoadRule extends Base {
  kind: 'load';
}

/**
 * Reported by `idac plan` when it compares two revisions (src/plan/): what a change does, or what
 * apply would refuse, rather than a property of one manifest. The engine never runs it; the rule
 * file holds the metadata the plan's findings take their id and severity from.
 */
export interface PlanRule extends Base {
  kind: 'plan';
}

export interface IdentityRule extends Base {
  kind: 'identity';
  check(identity: IdentityFile, ctx: RuleContext): Report[];
}

export interface OrgRule extends Base {
  kind: 'org';
  check(org: Organization, ctx: RuleContext): Report[];
}

export interface TextRule extends Base {
  kind: 'text';
  check(scan: TextScan): TextMatch[] | Promise<TextMatch[]>;
}

/**
 * Looks across files. `summarize` runs where the file is parsed (possibly a worker thread) and keeps
 * only what `check` needs, so memory stays flat at 100,000 identities; `check` must be linear.
 */
export interface RepoRule<S = unknown> extends Base {
  kind: 'repo';
  summarize(identity: IdentityFile): S | null;
  check(entries: readonly RepoEntry<S>[], ctx: RepoContext): RepoReport[];
}

export interface RepoContext extends RuleContext {
  orgFile: string;
  /** The repository's .github/CODEOWNERS, when it has one and the run covers the whole identities folder. */
  codeowners?: {
    parsed: ReadonlyMap<string, import('../codeowners/codeowners.js').ParsedLine>;
    /** The repository root (the folder holding identities/ and .github/), relative to the source root; '' at the top. */
    root: string;
    /** Every file the run found under the identities folder (relative to the source root), valid or not. */
    present: ReadonlySet<string>;
  } | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any summary type
export type Rule = LoadRule | PlanRule | IdentityRule | OrgRule | TextRule | RepoRule<any>;

export function defineRule<R extends Rule>(rule: R): R {
  return rule;
}
