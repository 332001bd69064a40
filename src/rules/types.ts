// The shape every rule shares (docs/STYLE.md "A rule file"). Rules are pure: data and the clock in,
// reports out; the engine turns reports into findings with file:line:column.

import type { NhiId, Path, Severity } from '../common/findings.js';
import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import type { Organization } from '../manifest/organization.generated.js';
import type { OrgModel } from '../model/org.js';
import type { EffectiveAccess } from '../access/model.js';
import { isTombstone } from './lib/status.js';

export interface RuleMeta {
  /** `domain/kebab-name`; gives the file path src/rules/<id>.ts. */
  id: string;
  severity: Severity;
  title: string;
  rationale: string;
  fix: string;
  owasp: readonly NhiId[];
  /** The rule's page, relative to the repository root: `docs/rules/<id>.md` (derived by defineRule). */
  docs: string;
}

/** What a rule file writes: the metadata without what defineRule derives from it. */
export type RuleMetaInput = Omit<RuleMeta, 'docs'>;

export interface RuleContext {
  /** null when org.yaml is missing or invalid: rules that need it stay silent (org/* findings say why). */
  org: OrgModel | null;
  /** Milliseconds since the Unix epoch; never read from the system clock inside a rule. */
  now: number;
}

/** A rule's message templates keyed by messageId (camelCase); `{{name}}` is filled from a report's data. */
export type Messages = Readonly<Record<string, string>>;
/** Values are pre-formatted (show(), listSome(), …): the engine inserts them as they are. */
export type MessageData = Readonly<Record<string, string | number>>;

/** The `{{name}}` placeholders of a message template. */
export type Placeholders<T extends string> = T extends `${string}{{${infer P}}}${infer R}`
  ? P | Placeholders<R>
  : never;

/**
 * Which message a report says, and the data its placeholders need. For a rule's own literal
 * messages a wrong messageId or a missing data key fails to compile; `Messages` itself gives the loose form.
 */
export type MessageRef<M extends Messages = Messages> = string extends keyof M
  ? { messageId: string; data?: MessageData }
  : {
      [K in keyof M & string]: { messageId: K } & ([Placeholders<M[K]>] extends [never]
        ? { data?: MessageData }
        : { data: Readonly<Record<Placeholders<M[K]>, string | number>> & MessageData });
    }[keyof M & string];

/** A problem at a node: `at: 'key'` points at the key (or list item), `'value'` at its value. */
export type Report<M extends Messages = Messages> = {
  path: Path;
  at?: 'key' | 'value';
} & MessageRef<M>;

export interface IdentityFile {
  /** Relative to the repo root, forward slashes. */
  file: string;
  data: MachineIdentity;
  /** Every grant in force at ctx.now, AWS wildcards expanded against the IAM reference (src/access/). */
  access: EffectiveAccess;
}

/** A match in the raw text; the engine never prints `text`, only a fingerprint of it. */
export type TextMatch<M extends Messages = Messages> = {
  offset: number;
  text: string;
} & MessageRef<M>;

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

export type RepoReport<M extends Messages = Messages> = Report<M> & {
  file: string;
  identity: string | null;
  /** For a file that is not a manifest (CODEOWNERS): the place itself, and `path` is ignored. */
  position?: { line: number; column: number };
};

interface Base {
  meta: RuleMeta;
  /** Message templates by messageId; the engine fills them in (messageText). */
  messages: Messages;
  /** Messages reported at another severity than meta.severity (a lesser form of the same problem). */
  severities?: { readonly [messageId: string]: Severity | undefined };
}

/**
 * Reported by the loader (parse/*, schema/*): src/manifest/ writes the text and names the
 * messageId; the rule file holds the metadata, the messageIds it reports and its tests.
 */
export interface LoadRule extends Base {
  kind: 'load';
}

/**
 * Reported by `idac plan` when it compares two revisions (src/plan/): what a change does, or what
 * apply would refuse, rather than a property of one manifest. The engine never runs it; src/plan/
 * reports its messageIds, and the findings take their id, severity and text from the rule.
 */
export interface PlanRule extends Base {
  kind: 'plan';
}

export interface IdentityRule extends Base {
  kind: 'identity';
  /** Whether check sees decommissioned identities (tombstones); defineRule skips them unless set. */
  tombstones: boolean;
  check(identity: IdentityFile, ctx: RuleContext): Report[];
}

/**
 * What org rules see besides the clock: the catalogue's rule ids, so an exception can be checked against them without a
 * rule importing the catalogue that lists it.
 */
export interface OrgRuleContext extends RuleContext {
  ruleIds: ReadonlySet<string>;
}

export interface OrgRule extends Base {
  kind: 'org';
  check(org: Organization, ctx: OrgRuleContext): Report[];
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
    parsed: ReadonlyMap<string, import('../model/codeowners.js').ParsedLine>;
    /**
     * The repository root (the folder holding identities/ and .github/), relative to the source root; '' at the top.
     */
    root: string;
    /** Every file the run found under the identities folder (relative to the source root), valid or not. */
    present: ReadonlySet<string>;
  } | null;
  /**
   * org.yaml's certificate authorities as read (by name), when org.yaml is valid and the run covers
   * it or the whole identities folder; absent otherwise (nothing to say about them then).
   */
  certificateAuthorities?: ReadonlyMap<string, import('../model/certificate-authority.js').CaFile> | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any summary type
export type Rule = LoadRule | PlanRule | IdentityRule | OrgRule | TextRule | RepoRule<any>;

// What a rule file passes to defineRule: `messages` typed as written, so its reports are checked
// against them (a wrong messageId or a placeholder without data does not compile).

interface BaseDef<M extends Messages> {
  meta: RuleMetaInput;
  /** Message templates by messageId; every report names one of them. */
  messages: M;
  /**
   * Messages that report a lesser (or graver) form of the rule's problem at their own severity: the
   * same rule id, so one exception covers both, but `aws/resource-wildcard-write` pinned by a condition
   * is a warning, not an error.
   */
  severities?: { readonly [K in keyof M & string]?: Severity };
}

export interface LoadRuleDef<M extends Messages> extends BaseDef<M> {
  kind: 'load';
}

export interface PlanRuleDef<M extends Messages> extends BaseDef<M> {
  kind: 'plan';
}

export interface IdentityRuleDef<M extends Messages> extends BaseDef<M> {
  kind: 'identity';
  /** Set for a rule that must see decommissioned identities; by default they are skipped. */
  tombstones?: boolean;
  check(identity: IdentityFile, ctx: RuleContext): Report<M>[];
}

export interface OrgRuleDef<M extends Messages> extends BaseDef<M> {
  kind: 'org';
  check(org: Organization, ctx: OrgRuleContext): Report<M>[];
}

export interface TextRuleDef<M extends Messages> extends BaseDef<M> {
  kind: 'text';
  check(scan: TextScan): TextMatch<M>[] | Promise<TextMatch<M>[]>;
}

export interface RepoRuleDef<M extends Messages, S> extends BaseDef<M> {
  kind: 'repo';
  summarize(identity: IdentityFile): S | null;
  check(entries: readonly RepoEntry<S>[], ctx: RepoContext): RepoReport<M>[];
}

/** `docs/rules/<id>.md`: the rule's page, relative to the repository root. */
export const docsPath = (id: string): string => `docs/rules/${id}.md`;

/**
 * The one way to write a rule: derives `meta.docs`, keeps `messages`, and skips decommissioned
 * identities for identity rules unless the rule sets `tombstones: true`.
 */
export function defineRule<const M extends Messages>(def: LoadRuleDef<M>): LoadRule;
export function defineRule<const M extends Messages>(def: PlanRuleDef<M>): PlanRule;
export function defineRule<const M extends Messages>(def: IdentityRuleDef<M>): IdentityRule;
export function defineRule<const M extends Messages>(def: OrgRuleDef<M>): OrgRule;
export function defineRule<const M extends Messages>(def: TextRuleDef<M>): TextRule;
export function defineRule<const M extends Messages, S>(def: RepoRuleDef<M, S>): RepoRule<S>;
export function defineRule(def: AnyDef): Rule {
  const meta: RuleMeta = { ...def.meta, docs: docsPath(def.meta.id) };
  const { messages } = def;
  if (def.kind !== 'identity') return { ...def, meta, messages } as Rule;
  const identity = def;
  const { tombstones = false } = identity;
  return {
    ...identity,
    meta,
    messages,
    tombstones,
    ...(tombstones
      ? {}
      : {
          check: (file: IdentityFile, ctx: RuleContext) => (isTombstone(file.data) ? [] : identity.check(file, ctx)),
        }),
  };
}

type AnyDef =
  | LoadRuleDef<Messages>
  | PlanRuleDef<Messages>
  | IdentityRuleDef<Messages>
  | OrgRuleDef<Messages>
  | TextRuleDef<Messages>
  | RepoRuleDef<Messages, unknown>;

/**
 * The text of a report: its message template with `{{name}}` filled from data. An unknown messageId
 * or a placeholder without data is a bug in the rule, so it throws.
 */
export function messageText(rule: { meta: { id: string }; messages: Messages }, said: MessageRef): string {
  const template = rule.messages[said.messageId];
  if (template === undefined)
    throw new Error(`internal: rule ${rule.meta.id} has no message ${JSON.stringify(said.messageId)}`);
  return fillMessage(template, said.data ?? {}, `rule ${rule.meta.id} message ${said.messageId}`);
}

/** `{{name}}` → data[name], in one pass (a value holding `{{…}}` is not read again). */
export function fillMessage(template: string, data: MessageData, what: string): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = data[name];
    if (value === undefined) throw new Error(`internal: ${what} needs data ${JSON.stringify(name)}`);
    return String(value);
  });
}

/** `{{name}}`, the only placeholder form. */
export const PLACEHOLDER = /\{\{([A-Za-z][A-Za-z0-9]*)\}\}/g;
