// Check stage: runs the rule catalogue over one loaded file, and the cross-file rules over the
// compact summaries, and turns every report into a finding with file:line:column.

import { compareFindings, formatPath, type Finding, type Path } from '../common/findings.js';
import { LineIndex } from '../manifest/line-index.js';
import { decode } from '../manifest/decode.js';
import { loadText, type Loaded } from '../manifest/load.js';
import { PARSE_ENCODING, PARSE_TOO_MANY_FINDINGS } from '../manifest/load-rule-ids.js';
import type { MachineIdentity } from '../manifest/machine-identity.generated.js';
import type { Organization } from '../manifest/organization.generated.js';
import type { SchemaKind } from '../manifest/schemas.js';
import { ruleById, rules } from './index.js';
import {
  messageText,
  type MessageData,
  type RepoContext,
  type RepoEntry,
  type Report,
  type Rule,
  type RuleContext,
} from './types.js';
import {
  decodedSecrets,
  fingerprint,
  pathSecrets,
  Redactor,
  secretMatches,
  textSecrets,
  withheldText,
  type SecretMatch,
} from './secrets.js';
import { packSummaries, summaryOf } from './lib/summaries.js';
import { iamCatalog } from '../access/iam-catalog.js';
import { awsServices, effectiveAccess } from '../access/model.js';

export const MAX_FINDINGS_PER_FILE = 50;

export interface FileOutcome {
  file: string;
  kind: SchemaKind | null;
  identity: string | null;
  findings: Finding[];
  /**
   * Every repo rule's summary of this identity, as one JSON object (rule id → summary) in text, ''
   * when there is none: at 100,000 identities an object graph per summary, or even a string per
   * rule, costs several times the memory of one string (and crosses threads slower).
   */
  summaries: string;
  /** The Organization, when this is a valid org.yaml. */
  org?: Organization;
  /** A line of the inventory (packInventory), when this is a valid MachineIdentity: text, for memory. */
  inventory?: string;
  /**
   * With `keep`, a valid MachineIdentity's data (secrets withheld) and its text: the repository loader's identities.
   */
  kept?: { data: MachineIdentity; text: string };
}

export interface InventoryEntry {
  team: string;
  type: string;
  status: 'active' | 'suspended' | 'decommissioned';
  /** Holds a static credential (AWS access keys or a Vault AppRole secret-id). */
  static: boolean;
  targets: ('aws' | 'kubernetes' | 'vault')[];
}

export function packInventory(e: InventoryEntry): string {
  return [e.team, e.type, e.status, e.static ? '1' : '0', e.targets.join(',')].join('\t');
}

export function unpackInventory(text: string): InventoryEntry {
  const [team, type, status, isStatic, targets] = text.split('\t');
  return {
    team: team!,
    type: type!,
    status: status as InventoryEntry['status'],
    static: isStatic === '1',
    targets: targets ? (targets.split(',') as InventoryEntry['targets']) : [],
  };
}

export function inventoryOf(data: MachineIdentity): InventoryEntry {
  const a = data.spec.access;
  return {
    team: data.spec.stewardship.team,
    type: data.spec.type,
    status: data.spec.status ?? 'active',
    static: a.aws?.principal === 'user' || a.vault?.auth === 'approle',
    targets: (['aws', 'kubernetes', 'vault'] as const).filter((t) => a[t] !== undefined),
  };
}

const RULE_IDS: ReadonlySet<string> = new Set(ruleById.keys());

export interface CheckOptions extends RuleContext {
  fast: boolean;
  /** Return a valid identity's data and text with the outcome (FileOutcome.kept). */
  keep?: boolean;
}

export async function checkFile(
  file: string,
  bytes: Uint8Array,
  expect: SchemaKind,
  opts: CheckOptions,
): Promise<FileOutcome> {
  return scanPath(await checkText(file, bytes, expect, opts));
}

async function checkText(
  file: string,
  bytes: Uint8Array,
  expect: SchemaKind,
  opts: CheckOptions,
): Promise<FileOutcome> {
  const decoded = decode(bytes);
  if (!decoded.ok) {
    const findings = [finding(decoded.rule, file, null, 1, 1, decoded.message, decoded.messageId)];
    // Text that is not valid UTF-8 (a stray NUL, a Latin-1 byte) can still hold a pasted secret:
    // scan a lossy decoding of it so the secret is reported, never shown.
    if (decoded.rule === PARSE_ENCODING) {
      const loose = new TextDecoder('utf-8').decode(bytes);
      findings.push(...(await scanSecrets(file, null, loose, new LineIndex(loose))).findings);
    }
    return { file, kind: null, identity: null, findings, summaries: '' };
  }
  const text = decoded.text;
  const lines = new LineIndex(text);
  const loaded = loadText(text, { expect, fast: opts.fast });
  let identity = identityName(loaded);
  const findings: Finding[] = [];
  const place = (rule: string, path: Path, at: 'key' | 'value', message: string, messageId: string): void => {
    const pos = lines.at(loaded.locate(path, at));
    findings.push(finding(rule, file, identity, pos.line, pos.column, message, messageId, formatPath(path)));
  };
  const report = (rule: Rule, r: Report): void =>
    place(rule.meta.id, r.path, r.at ?? 'value', messageText(rule, r), r.messageId);

  for (const issue of loaded.issues) {
    if ('offset' in issue) {
      const pos = lines.at(issue.offset);
      findings.push(finding(issue.rule, file, identity, pos.line, pos.column, issue.message, issue.messageId));
    } else place(issue.rule, issue.path, issue.at, issue.message, issue.messageId);
  }

  const scanned = await scanSecrets(file, identity, text, lines);
  const secrets = scanned.secrets;
  findings.push(...scanned.findings);
  // A secret YAML escapes assembled ("ghp\x5f…", a line continuation) is in the data, not the text.
  // One already found in the text as written (a key block with \n escapes) is not reported twice.
  const found = new Redactor(scanned.secrets);
  for (const m of await decodedSecrets(text, loaded.data)) {
    if (found.holds(m.text)) continue;
    const pos = lines.at(loaded.locate(m.path, m.at));
    findings.push(
      secretFinding(m, file, identity, pos.line, pos.column, ' (written with YAML escapes)', formatPath(m.path)),
    );
    secrets.push(m.text);
  }

  const summaries: Record<string, unknown> = {};
  let org: Organization | undefined;
  let inventory: string | undefined;
  let kept: FileOutcome['kept'];
  // Rules and summaries see a value that holds a secret as its fingerprint, as every command does.
  const withheld = new Redactor(secrets);
  if (loaded.valid && loaded.kind === 'MachineIdentity') {
    const data = withheld.data(loaded.data as MachineIdentity);
    if (opts.keep) kept = { data, text };
    await iamCatalog.load(awsServices(data));
    const input = { file, data, access: effectiveAccess(data, opts.now, iamCatalog) };
    inventory = packInventory(inventoryOf(input.data));
    for (const rule of rules) {
      if (rule.kind === 'identity') for (const r of rule.check(input, opts)) report(rule, r);
      else if (rule.kind === 'repo') {
        const s: unknown = rule.summarize(input);
        if (s !== null) summaries[rule.meta.id] = s;
      }
    }
  } else if (loaded.valid && loaded.kind === 'Organization') {
    org = withheld.data(loaded.data as Organization);
    const ctx = { org: opts.org, now: opts.now, ruleIds: RULE_IDS };
    for (const rule of rules) {
      if (rule.kind === 'org') for (const r of rule.check(org, ctx)) report(rule, r);
    }
  }

  const leaks = leakCheck(secrets);
  if (identity !== null && leaks.any(identity)) identity = null;
  return {
    file,
    kind: loaded.kind,
    identity,
    findings: capPerFile(scrub(findings, leaks)),
    summaries: packSummaries(summaries),
    ...(org ? { org } : {}),
    ...(inventory ? { inventory } : {}),
    ...(kept ? { kept } : {}),
  };
}

/** A report of a rule, its message filled in: what placeReports and the callers of checkRepo place. */
export interface Placed {
  rule: string;
  identity: string | null;
  path: Path;
  at?: 'key' | 'value';
  message: string;
  messageId: string;
}

/** A repo rule's report, its message filled in. */
export type RepoFinding = Placed & { file: string; position?: { line: number; column: number } };

/** Fills in a report's message: what it says, by its rule's messages. */
export function placed<R extends Report>(
  rule: Rule,
  r: R,
): Omit<R, 'messageId' | 'data'> & { rule: string; message: string; messageId: string } {
  const { messageId, data: _d, ...rest } = r as R & { data?: unknown };
  return { ...rest, rule: rule.meta.id, message: messageText(rule, r), messageId };
}

/** Cross-file rules over the summaries; positions are resolved by the caller, who can re-read files. */
export function checkRepo(outcomes: readonly FileOutcome[], ctx: RepoContext): RepoFinding[] {
  const out: RepoFinding[] = [];
  for (const rule of rules) {
    if (rule.kind !== 'repo') continue;
    const entries: RepoEntry<unknown>[] = [];
    for (const o of outcomes) {
      // Parsed again for each rule: only one rule's object graphs are alive at a time.
      const summary = o.identity === null ? undefined : summaryOf(o, rule.meta.id);
      if (summary !== undefined) entries.push({ file: o.file, identity: o.identity!, value: summary });
    }
    for (const r of rule.check(entries, ctx)) out.push(placed(rule, r));
  }
  return out;
}

/** Places repo-rule reports in one file (re-parsing it: reports are rare, files are small). */
export function placeReports(
  file: string,
  bytes: Uint8Array,
  expect: SchemaKind,
  reports: readonly Placed[],
): Finding[] {
  const decoded = decode(bytes);
  if (!decoded.ok)
    return reports.map((r) => finding(r.rule, file, r.identity, 1, 1, r.message, r.messageId, formatPath(r.path)));
  const lines = new LineIndex(decoded.text);
  const loaded = loadText(decoded.text, { expect, fast: false });
  return reports.map((r) => {
    const pos = lines.at(loaded.locate(r.path, r.at ?? 'value'));
    return finding(r.rule, file, r.identity, pos.line, pos.column, r.message, r.messageId, formatPath(r.path));
  });
}

/**
 * A finding of a registered rule; `path` is the YAML path (formatPath), '' for the whole file or a place in its text.
 */
export function finding(
  rule: string,
  file: string,
  identity: string | null,
  line: number,
  column: number,
  message: string,
  messageId: string,
  path = '',
): Finding {
  const r = ruleById.get(rule);
  if (!r) throw new Error(`internal: finding for unregistered rule ${rule}`);
  if (!(messageId in r.messages)) throw new Error(`internal: rule ${rule} has no message ${JSON.stringify(messageId)}`);
  const severity = r.severities?.[messageId] ?? r.meta.severity;
  return { rule, severity, file, line, column, identity, message, messageId, path };
}

/**
 * A finding in one of a rule's messages, filled from data: for findings made outside a rule's
 * check (validate's file listing, the CLI's CODEOWNERS check, the plan).
 */
export function reportFinding(
  rule: string,
  file: string,
  identity: string | null,
  line: number,
  column: number,
  messageId: string,
  data: MessageData = {},
  path = '',
): Finding {
  const r = ruleById.get(rule);
  if (!r) throw new Error(`internal: finding for unregistered rule ${rule}`);
  return finding(rule, file, identity, line, column, messageText(r, { messageId, data }), messageId, path);
}

export { fingerprint };

function identityName(loaded: Loaded): string | null {
  if (loaded.kind !== 'MachineIdentity') return null;
  const name = (loaded.data as { metadata?: { name?: unknown } }).metadata?.name;
  // Only a name of the valid shape is echoed: anything else could be garbage or a pasted secret.
  return typeof name === 'string' && /^[a-z][a-z0-9-]{1,46}[a-z0-9]$/.test(name) ? name : null;
}

/** Whether a text holds a secret any text rule recognises (for readers that must withhold values). */
export async function holdsSecret(text: string): Promise<boolean> {
  return (await textSecrets(text)).length > 0;
}

/** The text rules (secrets): findings carry a fingerprint, never the matched text. */
async function scanSecrets(
  file: string,
  identity: string | null,
  text: string,
  lines: LineIndex,
): Promise<{ findings: Finding[]; secrets: string[] }> {
  const matches = await secretMatches(text);
  const findings = matches.map((m) => {
    const pos = lines.at(m.offset);
    return secretFinding(m, file, identity, pos.line, pos.column);
  });
  return { findings, secrets: matches.map((m) => m.text) };
}

function secretFinding(
  m: SecretMatch,
  file: string,
  identity: string | null,
  line: number,
  column: number,
  where = '',
  path = '',
): Finding {
  return finding(
    m.rule,
    file,
    identity,
    line,
    column,
    `${m.message}${where} (fingerprint ${fingerprint(m.text)}); the value is not shown. Remove it, rotate ` +
      `it at its source, and deliver credentials through spec.delivery`,
    m.messageId,
    path,
  );
}

/**
 * A file named after a token (identities/ghp_….yaml): reported at the file, and every finding of it
 * shows the path with the fingerprint in place of the token.
 */
async function scanPath(outcome: FileOutcome): Promise<FileOutcome> {
  const matches = await pathSecrets(outcome.file);
  if (matches.length === 0) return outcome;
  const redactor = new Redactor(matches.map((m) => m.text));
  const file = redactor.text(outcome.file);
  const own = matches.map((m) => secretFinding(m, file, null, 1, 1, ' in the file name'));
  return {
    ...outcome,
    identity: null,
    findings: [
      ...own,
      ...outcome.findings.map((f) => ({ ...f, file, identity: null, message: redactor.text(f.message) })),
    ],
  };
}

/**
 * No finding may carry a secret this file was found to hold, whichever rule wrote the message,
 * not even part of one (messages quote values cut at 60 characters). Any 12-character stretch
 * of a secret counts: its quoted values are withheld, and if that is not enough, the message.
 */
function scrub(findings: Finding[], leaks: Leaks): Finding[] {
  return findings.map((f) => {
    const identity = f.identity !== null && leaks.any(f.identity) ? null : f.identity;
    // Quoted values are cut at 60 characters, so a value may hold only a few characters of a
    // secret: any 6 of them withhold the value.
    const quoted = f.message.replace(/"(?:[^"\\]|\\.)*"/g, (q) => {
      const secret = leaks.part(q);
      return secret === null ? q : withheldText(secret);
    });
    if (quoted === f.message && !leaks.any(f.message)) return identity === f.identity ? f : { ...f, identity };
    return {
      ...f,
      identity,
      message: leaks.any(quoted)
        ? 'message withheld: it would show part of a secret found in this file (see the secret/* finding)'
        : quoted,
    };
  });
}

interface Leaks {
  /** Holds 12 characters of a secret (or a whole short one). */
  any(text: string): boolean;
  /** The secret `text` holds 6 characters of (for short quoted excerpts), or null. */
  part(text: string): string | null;
}

function leakCheck(secrets: readonly string[]): Leaks {
  if (secrets.length === 0) return { any: () => false, part: () => null };
  const windows = (n: number) => {
    const out = new Map<string, string>();
    for (const s of secrets) {
      if (s.length < n) out.set(s, s);
      for (let i = 0; i + n <= s.length; i++) out.set(s.slice(i, i + n), s);
    }
    return out;
  };
  const find = (map: Map<string, string>) => (text: string) => {
    for (const [w, secret] of map) if (text.includes(w)) return secret;
    return null;
  };
  const any = find(windows(12));
  return { any: (text) => any(text) !== null, part: find(windows(6)) };
}

function capPerFile(findings: Finding[]): Finding[] {
  if (findings.length <= MAX_FINDINGS_PER_FILE) return findings;
  // A leaked secret is never among what the cap hides; nor is an error hidden behind warnings
  // (a file padded with warnings must not pass validation): errors are kept before the rest.
  const secrets = findings.filter((f) => f.rule.startsWith('secret/'));
  const rest = findings.filter((f) => !f.rule.startsWith('secret/')).sort(compareFindings);
  const room = Math.max(0, MAX_FINDINGS_PER_FILE - 1 - secrets.length);
  const kept = [...rest.filter((f) => f.severity === 'error'), ...rest.filter((f) => f.severity !== 'error')]
    .slice(0, room)
    .sort(compareFindings);
  const first = rest[0] ?? secrets[0]!;
  const cut = rest.length - kept.length;
  return [
    ...secrets,
    ...kept,
    reportFinding(PARSE_TOO_MANY_FINDINGS, first.file, first.identity, 1, 1, 'notShown', { count: cut }),
  ];
}
