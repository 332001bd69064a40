// Vault ACL policy text → its path stanzas. Vault reads policies with HCL 1 (vault/policy.go
// ParseACLPolicy: `path "<glob>" { capabilities = [...] }`, the older `policy = "read"` shorthand,
// and the same document written as JSON). The language a policy uses is a small corner of HCL:
// strings, lists, nested objects, numbers, booleans and comments. A parser of that corner (below)
// keeps the exact text of every stanza, which is what an import must quote when it cannot express
// one; HCL 2 parsers (hcl2json and its wasm ports) do not read HCL 1 in all its forms and return
// values, not the source text, and would add a large dependency to the CLI's start-up.

import { VAULT_CAPABILITIES } from '../../../access/vault-paths.js';
import { fail, ok, type Result } from '../../../common/result.js';

export type VaultCapability = (typeof VAULT_CAPABILITIES)[number] | 'deny';

const CAPABILITIES: ReadonlySet<string> = new Set<VaultCapability>([...VAULT_CAPABILITIES, 'deny']);

/** The `policy = "…"` shorthand Vault still accepts, as the capabilities it stands for (policy.go). */
const SHORTHAND: Readonly<Record<string, VaultCapability[]>> = {
  deny: ['deny'],
  read: ['read', 'list'],
  write: ['create', 'read', 'update', 'delete', 'list'],
  sudo: ['create', 'read', 'update', 'delete', 'list', 'sudo'],
};

/** One `path` stanza as written. */
export interface PolicyStanza {
  path: string;
  /** The capabilities it grants, when every key of the stanza is one idac can say. */
  capabilities: VaultCapability[] | null;
  /** Why it cannot be said in a manifest (set exactly when capabilities is null). */
  problem: string | null;
  /** The exact stanza text (HCL) or its compact JSON. */
  text: string;
}

export interface ParsedPolicy {
  stanzas: PolicyStanza[];
  /** Top-level parts that are not path stanzas, with their exact text. */
  other: { text: string; problem: string }[];
}

/** Keys a manifest path entry has no field for, and what they do, for the reason a person reads. */
const KEY_MEANING: Readonly<Record<string, string>> = {
  allowed_parameters: 'it limits which request parameters (and values) may be sent',
  denied_parameters: 'it refuses some request parameters (or values)',
  required_parameters: 'it requires some request parameters',
  min_wrapping_ttl: 'it requires responses to be wrapped for at least a time',
  max_wrapping_ttl: 'it caps the response-wrapping time',
  control_group: 'it needs approval by a control group (Vault Enterprise)',
  mfa_methods: 'it requires MFA (Vault Enterprise)',
  subscribe_event_types: 'it limits the event types a subscription may receive',
  pagination_limit: 'it caps list pagination',
};

/** Parses a policy written in HCL or JSON; fails only when the text is not a policy at all. */
export function parseVaultPolicy(text: string): Result<ParsedPolicy> {
  if (text.trimStart().startsWith('{')) return parseJsonPolicy(text);
  const parsed = new HclParser(text).body(true);
  if (!parsed.ok) return parsed;
  const out: ParsedPolicy = { stanzas: [], other: [] };
  for (const item of parsed.value) {
    const source = text.slice(item.start, item.end);
    if (item.keys[0] === 'path' && item.keys.length === 2 && item.value.kind === 'object') {
      out.stanzas.push(stanzaOf(item.keys[1]!, item.value.items, source));
    } else if (item.keys[0] === 'name' && item.keys.length === 1) {
      continue; // a policy may name itself; the name it is stored under is the one that counts
    } else {
      out.other.push({ text: source, problem: `Vault policies have no top-level "${item.keys.join(' ')}"` });
    }
  }
  return ok(out);
}

function stanzaOf(path: string, items: readonly HclItem[], text: string): PolicyStanza {
  const entries = items.map((i): [string, HclValue] => [i.keys.join(' '), i.value]);
  return stanzaFromEntries(path, entries, text);
}

function stanzaFromEntries(path: string, entries: readonly [string, HclValue][], text: string): PolicyStanza {
  const no = (problem: string): PolicyStanza => ({ path, capabilities: null, problem, text });
  const caps = new Set<VaultCapability>();
  let said = false;
  for (const [key, value] of entries) {
    if (key === 'capabilities') {
      const list = value.kind === 'list' ? value.items : [];
      if (value.kind !== 'list' || list.some((v) => v.kind !== 'string')) return no('its capabilities are not a list');
      for (const v of list) {
        const c = (v as { value: string }).value;
        if (!CAPABILITIES.has(c)) return no(`"${c}" is not a capability idac knows`);
        caps.add(c as VaultCapability);
      }
      said = true;
    } else if (key === 'policy') {
      const short = value.kind === 'string' ? SHORTHAND[value.value] : undefined;
      if (!short) return no('its `policy` shorthand is not one of deny, read, write, sudo');
      short.forEach((c) => caps.add(c));
      said = true;
    } else {
      const meaning = KEY_MEANING[key] ?? 'idac does not know what it does';
      return no(`a manifest path has no "${key}" (${meaning}): write the path without it, or keep it outside idac`);
    }
  }
  if (!said || caps.size === 0) {
    return no(
      'it names no capability, which takes away what a broader path grants; ' +
        'a manifest path needs one: write it as deny if that is what it means',
    );
  }
  return { path, capabilities: [...caps], problem: null, text };
}

// ---- JSON policies ------------------------------------------------------------------------------

function parseJsonPolicy(text: string): Result<ParsedPolicy> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return fail('the policy starts with "{" but is not valid JSON');
  }
  if (!isObject(doc)) return fail('a JSON policy is an object');
  const out: ParsedPolicy = { stanzas: [], other: [] };
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'name') continue;
    if (key !== 'path') {
      out.other.push({ text: JSON.stringify({ [key]: value }), problem: `Vault policies have no top-level "${key}"` });
      continue;
    }
    // HCL 1 reads a JSON object, or a list of objects, under "path".
    for (const group of Array.isArray(value) ? value : [value]) {
      if (!isObject(group)) return fail('"path" in a JSON policy holds objects');
      for (const [path, body] of Object.entries(group)) {
        const stanza = JSON.stringify({ path: { [path]: body } });
        const entries = isObject(body)
          ? Object.entries(body).map(([k, v]): [string, HclValue] => [k, fromJson(v)])
          : [];
        out.stanzas.push(
          isObject(body)
            ? stanzaFromEntries(path, entries, stanza)
            : stanzaFromEntries(path, [['?', fromJson(body)]], stanza),
        );
      }
    }
  }
  return ok(out);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fromJson(v: unknown): HclValue {
  if (typeof v === 'string') return { kind: 'string', value: v };
  if (Array.isArray(v)) return { kind: 'list', items: v.map(fromJson) };
  if (isObject(v)) {
    return {
      kind: 'object',
      items: Object.entries(v).map(([k, x]) => ({ keys: [k], value: fromJson(x), start: 0, end: 0 })),
    };
  }
  return { kind: 'scalar', value: String(v) };
}

// ---- HCL 1, the corner policies use --------------------------------------------------------------

type HclValue =
  | { kind: 'string'; value: string }
  | { kind: 'scalar'; value: string }
  | { kind: 'list'; items: HclValue[] }
  | { kind: 'object'; items: HclItem[] };

/** `keys… = value` or `keys… { … }`, with the offsets of its text. */
interface HclItem {
  keys: string[];
  value: HclValue;
  start: number;
  end: number;
}

class HclParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  /** Items until the end of the text (top) or a closing brace. */
  body(top: boolean): Result<HclItem[]> {
    const items: HclItem[] = [];
    for (;;) {
      this.skip();
      if (this.pos >= this.text.length) return top ? ok(items) : this.error('a "{" is never closed');
      const ch = this.text[this.pos]!;
      if (ch === '}') return top ? this.error('a "}" closes nothing') : ok(items);
      if (ch === ',') {
        this.pos++;
        continue;
      }
      const item = this.item();
      if (!item.ok) return item;
      items.push(item.value);
    }
  }

  private item(): Result<HclItem> {
    const start = this.pos;
    const keys: string[] = [];
    for (;;) {
      this.skip();
      const ch = this.text[this.pos];
      if (ch === '=' || ch === ':') {
        this.pos++;
        if (keys.length === 0) return this.error('a value without a key');
        const value = this.value();
        if (!value.ok) return value;
        return ok({ keys, value: value.value, start, end: this.pos });
      }
      if (ch === '{') {
        if (keys.length === 0) return this.error('a block without a name');
        const value = this.object();
        if (!value.ok) return value;
        return ok({ keys, value: value.value, start, end: this.pos });
      }
      const key = this.key();
      if (!key.ok) return key;
      keys.push(key.value);
    }
  }

  private key(): Result<string> {
    const ch = this.text[this.pos];
    if (ch === '"') return this.string();
    const m = /^[A-Za-z_][A-Za-z0-9_.-]*/.exec(this.text.slice(this.pos, this.pos + 256));
    if (!m) return this.error(ch === undefined ? 'the text ends inside a stanza' : `unexpected "${ch}"`);
    this.pos += m[0].length;
    return ok(m[0]);
  }

  private object(): Result<HclValue> {
    this.pos++; // {
    const items = this.body(false);
    if (!items.ok) return items;
    this.pos++; // }
    return ok({ kind: 'object', items: items.value });
  }

  private value(): Result<HclValue> {
    this.skip();
    const ch = this.text[this.pos];
    if (ch === '"') {
      const s = this.string();
      return s.ok ? ok({ kind: 'string', value: s.value }) : s;
    }
    if (ch === '{') return this.object();
    if (ch === '[') {
      this.pos++;
      const items: HclValue[] = [];
      for (;;) {
        this.skip();
        if (this.text[this.pos] === ']') {
          this.pos++;
          return ok({ kind: 'list', items });
        }
        if (this.text[this.pos] === ',') {
          this.pos++;
          continue;
        }
        if (this.pos >= this.text.length) return this.error('a "[" is never closed');
        const v = this.value();
        if (!v.ok) return v;
        items.push(v.value);
      }
    }
    if (ch === '<' && this.text.startsWith('<<', this.pos)) return this.heredoc();
    const m = /^[A-Za-z0-9_.+-]+/.exec(this.text.slice(this.pos, this.pos + 256));
    if (!m) return this.error(ch === undefined ? 'the text ends after "="' : `unexpected "${ch}"`);
    this.pos += m[0].length;
    return ok({ kind: 'scalar', value: m[0] });
  }

  /** `<<EOF` … `EOF` (or `<<-EOF`, indented): HCL 1's multi-line string. */
  private heredoc(): Result<HclValue> {
    const m = /^<<-?([A-Za-z_][A-Za-z0-9_]*)\r?\n/.exec(this.text.slice(this.pos, this.pos + 300));
    if (!m) return this.error('a heredoc without a marker');
    const body = this.pos + m[0].length;
    const end = new RegExp(`^[ \\t]*${m[1]}[ \\t]*$`, 'm');
    const rest = this.text.slice(body);
    const found = end.exec(rest);
    if (!found) return this.error(`the heredoc ${m[1]} is never closed`);
    this.pos = body + found.index + found[0].length;
    return ok({ kind: 'string', value: rest.slice(0, found.index) });
  }

  private string(): Result<string> {
    let out = '';
    let i = this.pos + 1;
    while (i < this.text.length) {
      const ch = this.text[i]!;
      if (ch === '"') {
        this.pos = i + 1;
        return ok(out);
      }
      if (ch === '\n') break;
      if (ch !== '\\') {
        out += ch;
        i++;
        continue;
      }
      const next = this.text[i + 1];
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
      if (next !== undefined && simple[next] !== undefined) {
        out += simple[next];
        i += 2;
      } else if (next === 'u' || next === 'U') {
        const width = next === 'u' ? 4 : 8;
        const hex = this.text.slice(i + 2, i + 2 + width);
        const code = /^[0-9A-Fa-f]+$/.test(hex) && hex.length === width ? parseInt(hex, 16) : -1;
        if (code < 0 || code > 0x10ffff) return this.error('a bad \\u escape in a string');
        out += String.fromCodePoint(code);
        i += 2 + width;
      } else {
        return this.error(`an unknown escape "\\${next ?? ''}" in a string`);
      }
    }
    return this.error('a string is never closed');
  }

  /** Whitespace and the three comment forms. */
  private skip(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const ch = t[this.pos]!;
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') this.pos++;
      else if (ch === '#' || t.startsWith('//', this.pos)) {
        const nl = t.indexOf('\n', this.pos);
        this.pos = nl === -1 ? t.length : nl + 1;
      } else if (t.startsWith('/*', this.pos)) {
        const close = t.indexOf('*/', this.pos + 2);
        this.pos = close === -1 ? t.length : close + 2;
      } else return;
    }
  }

  private error<T>(what: string): Result<T> {
    const line = this.text.slice(0, this.pos).split('\n').length;
    return fail(`policy line ${line}: ${what}`);
  }
}
