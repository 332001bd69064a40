// Setting string values in a manifest the way its owner would by hand: the file is edited as text
// at the positions yaml's parser reports, so every other byte — comments, key order, blank lines,
// quoting, flow style — stays as written and the diff shows only the values that changed. A key
// that is missing is added as a block under its mapping, indented like its siblings, or as
// `, key: value` inside a flow mapping; a block scalar (`>-`, `|`) becomes a one-line value. Added
// lines end like the file's lines (CRLF stays CRLF).

import { isMap, isScalar, parse, parseDocument, Scalar, type Pair, type YAMLMap } from 'yaml';
import { eolOf } from './verify-edit.js';
import { fail, type Failure } from '../common/result.js';

export interface Assignment {
  /** Keys from the document root, e.g. ['spec', 'stewardship', 'owner']. */
  path: readonly string[];
  value: string;
  /** Where a missing key goes among its siblings: after the first of these keys present, else last. */
  after?: readonly string[];
}

export type EditResult = { ok: true; text: string } | Failure;

export interface Edit {
  at: number;
  end: number;
  text: string;
}

/** A key to add under an existing block mapping, with what goes below it. */
interface Insertion {
  map: YAMLMap;
  key: string;
  after: readonly string[];
  /** Remaining path below `key` (empty: `key` holds the value itself) → value. */
  leaves: { rest: string[]; value: string }[];
}

export function assign(text: string, assignments: readonly Assignment[]): EditResult {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0)
    return fail(`the manifest does not parse (${doc.errors[0]!.message.split('\n')[0]}); fix it first (idac validate)`);
  const root = doc.contents;
  if (!isMap(root) || root.flow) return fail('the manifest is not a block mapping; fix it first (idac validate)');
  const eol = eolOf(text);
  const edits: Edit[] = [];
  const insertions = new Map<string, Insertion>();

  for (const a of assignments) {
    let map: YAMLMap = root;
    for (let i = 0; i < a.path.length; i++) {
      const key = a.path[i]!;
      const where = a.path.slice(0, i + 1).join('.');
      const pair = find(map, key);
      if (!pair) {
        const id = `${map.range?.[0] ?? 0}:${key}`;
        const insertion = insertions.get(id) ?? { map, key, after: a.after ?? [], leaves: [] };
        insertion.leaves.push({ rest: a.path.slice(i + 1), value: a.value });
        insertions.set(id, insertion);
        break;
      }
      const node = pair.value;
      if (i === a.path.length - 1) {
        const edit = isScalar(node) ? replaceScalar(text, node, a.value) : null;
        if (!edit) return fail(`${where} is not a single value; edit it by hand`);
        edits.push(edit);
      } else if (isMap(node)) map = node;
      else return fail(`${where} is not a mapping; fix it first (idac validate)`);
    }
  }

  const step = indentStep(text, root);
  for (const ins of insertions.values()) {
    if (ins.map.flow) {
      edits.push(flowInsertion(text, ins.map, `${ins.key}: ${flowValue(ins.leaves)}`));
      continue;
    }
    const first = ins.map.items[0];
    const indent = first ? column(text, keyStart(first)) : 0;
    const anchor =
      ins.after.map((k) => find(ins.map, k)).find((p) => p !== undefined) ?? ins.map.items[ins.map.items.length - 1];
    const at = anchor ? afterLine(text, valueEnd(anchor)) : text.length;
    const lines = block(ins.key, ins.leaves, indent, step);
    const lead = at === text.length && text.length > 0 && !text.endsWith('\n') ? eol : '';
    edits.push({ at, end: at, text: lead + lines.map((l) => l + eol).join('') });
  }

  const out = applyEdits(text, edits);
  // The edit is checked, not trusted: the new text must hold exactly the values asked for.
  const check = parseDocument(out, { uniqueKeys: true });
  if (check.errors.length > 0 || assignments.some((a) => check.getIn(a.path) !== a.value)) {
    return fail('the edit did not give the expected values (a bug in idac; please report it); nothing written');
  }
  return { ok: true, text: out };
}

const QUOTING = new Set<string>([Scalar.PLAIN, Scalar.QUOTE_SINGLE, Scalar.QUOTE_DOUBLE]);
const BLOCK = new Set<string>([Scalar.BLOCK_FOLDED, Scalar.BLOCK_LITERAL]);

/** The edits applied back to front, so each one's offsets still hold. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((x, y) => y.at - x.at)) out = out.slice(0, e.at) + e.text + out.slice(e.end);
  return out;
}

/**
 * A scalar's text replaced by `value` (a string; `raw` when it is already YAML, like a number): a
 * plain or quoted value keeps its quoting; a block scalar (`>-`, `|`) becomes a one-line value that
 * keeps the comment after its header and the line break that ended it. Null for anything else.
 */
export function replaceScalar(text: string, node: Scalar, value: string, raw?: string): Edit | null {
  if (!node.range) return null;
  const [at, end] = node.range;
  const type = node.type ?? '';
  if (QUOTING.has(type)) return { at, end, text: raw ?? scalar(value, type) };
  if (!BLOCK.has(type)) return null;
  const source = text.slice(at, end);
  const header = source.split(/\r?\n/, 1)[0]!;
  const comment = /\s#.*$/.exec(header)?.[0] ?? '';
  const ending = /\r?\n/.exec(source)?.[0] ?? '';
  return { at, end, text: (raw ?? scalar(value, Scalar.PLAIN)) + comment + ending };
}

/** `key: value` added last inside a flow mapping (`{ a: 1 }` → `{ a: 1, key: value }`). */
export function flowInsertion(text: string, map: YAMLMap, entry: string): Edit {
  const last = map.items[map.items.length - 1];
  if (last) {
    const at = valueEnd(last);
    return { at, end: at, text: `, ${entry}` };
  }
  const open = text.indexOf('{', map.range![0]) + 1;
  return { at: open, end: open, text: entry };
}

function flowValue(leaves: readonly { rest: string[]; value: string }[]): string {
  const here = leaves.find((l) => l.rest.length === 0);
  if (here) return scalar(here.value, Scalar.PLAIN);
  const children = new Map<string, { rest: string[]; value: string }[]>();
  for (const l of leaves)
    children.set(l.rest[0]!, [...(children.get(l.rest[0]!) ?? []), { rest: l.rest.slice(1), value: l.value }]);
  return `{ ${[...children].map(([k, v]) => `${k}: ${flowValue(v)}`).join(', ')} }`;
}

/** The value in the quoting the old one had; a plain value that would not read back as itself is double-quoted. */
function scalar(value: string, type: string): string {
  if (type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/g, "''")}'`;
  if (type === Scalar.PLAIN && /^[A-Za-z0-9][A-Za-z0-9._%+@-]*$/.test(value) && parse(value) === value) return value;
  return JSON.stringify(value);
}

function block(
  key: string,
  leaves: readonly { rest: string[]; value: string }[],
  indent: number,
  step: number,
): string[] {
  const pad = ' '.repeat(indent);
  const here = leaves.find((l) => l.rest.length === 0);
  if (here) return [`${pad}${key}: ${scalar(here.value, Scalar.PLAIN)}`];
  const children = new Map<string, { rest: string[]; value: string }[]>();
  for (const l of leaves)
    children.set(l.rest[0]!, [...(children.get(l.rest[0]!) ?? []), { rest: l.rest.slice(1), value: l.value }]);
  return [`${pad}${key}:`, ...[...children].flatMap(([k, v]) => block(k, v, indent + step, step))];
}

/** How far the owner indents a nested mapping: `spec`'s keys against the root's, else 2. */
function indentStep(text: string, root: YAMLMap): number {
  for (const p of root.items) {
    if (isMap(p.value) && !p.value.flow && p.value.items[0]) {
      const step = column(text, keyStart(p.value.items[0])) - column(text, keyStart(p));
      if (step > 0) return step;
    }
  }
  return 2;
}

export function find(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key);
}

export function keyStart(p: Pair): number {
  return (p.key as { range?: [number, number, number] }).range![0];
}

export function valueEnd(p: Pair): number {
  const v = p.value as { range?: [number, number, number] } | null;
  return v?.range ? v.range[1] : (p.key as { range: [number, number, number] }).range[1];
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The start of the line after the one holding `offset` (the end of the text if there is none). */
export function afterLine(text: string, offset: number): number {
  const nl = text.indexOf('\n', Math.max(0, offset - 1));
  return nl < 0 ? text.length : nl + 1;
}
