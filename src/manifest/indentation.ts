// Where an indentation error really is. The `yaml` parser reports the point where the structure
// stopped making sense, which is often not the line that is mis-indented: a key indented too deep
// under `team: payments` is reported at `payments` (a value cannot hold a mapping), a block whose
// first line is too deep is reported at the next line, which is right. This walks the lines with
// the block structure a reader sees and names the first line that does not fit, and how.
// Conservative: on anything it does not model (tabs, explicit keys, multi-line flows it cannot
// follow) it gives up and the parser's own position stands.

export interface Misindented {
  /** 1-based line of the mis-indented line. */
  line: number;
  /** Its indentation, in spaces. */
  indent: number;
  message: string;
}

interface Block {
  indent: number;
  /** The indentation of the line that opened it (-1 for the document). */
  parent: number;
  /** 1-based line of its first line. */
  first: number;
  /** The content of a `- ` item: its indentation is fixed by the dash, never off-step. */
  item: boolean;
}

type Open = { kind: 'flow'; depth: number; quote: string | null } | { kind: 'quote'; quote: string };

export function findMisindented(text: string): Misindented | null {
  const lines = text
    .replace(/^\ufeff/, '')
    .split('\n')
    .map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const step = indentStep(lines);
  let stack: Block[] = [];
  let pending: { indent: number; key: boolean } | null = null;
  let blockScalar: number | null = null;
  let open: Open | null = null;

  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!;
    const lineNo = n + 1;
    const content = raw.trimStart();
    const indent = raw.length - content.length;
    if (content === '') continue;
    if (blockScalar !== null) {
      if (indent > blockScalar) continue;
      blockScalar = null;
    }
    if (open) {
      open = continueOpen(open, raw);
      continue;
    }
    if (content.startsWith('#')) continue;
    if (/^[ ]*\t/.test(raw) || raw.slice(0, indent).includes('\t')) return null;
    if (/^(---|\.\.\.)(\s|$)/.test(raw)) {
      stack = [];
      pending = null;
      continue;
    }
    if (stack.length === 0) stack.push({ indent, parent: -1, first: lineNo, item: false });

    let placed = false;
    if (pending !== null) {
      const p: { indent: number; key: boolean } = pending;
      pending = null;
      if (indent > p.indent || (p.key && indent === p.indent && isDash(content))) {
        stack.push({ indent, parent: p.indent, first: lineNo, item: false });
        placed = true;
      }
    }
    if (!placed) {
      const top = stack[stack.length - 1]!;
      if (indent > top.indent) {
        if (!structural(content)) continue; // a plain value continued on the next line
        const off = offStep(stack, step);
        if (off) return off;
        return {
          line: lineNo,
          indent,
          message:
            `mis-indented line: ${spaces(indent)}, deeper than the block it belongs to (${top.indent}); the ` +
            `line above holds a value, so nothing can nest under it: indent it to ${top.indent}`,
        };
      }
      if (indent < top.indent) {
        const popped: Block[] = [];
        while (stack.length > 1 && stack[stack.length - 1]!.indent > indent) popped.push(stack.pop()!);
        const now = stack[stack.length - 1]!;
        if (now.indent !== indent) {
          const wrong = popped.find((b) => !b.item && b.parent + step === indent && b.indent !== indent);
          if (wrong)
            return {
              line: wrong.first,
              indent: wrong.indent,
              message:
                `mis-indented line: ${spaces(wrong.indent)}, but the lines after it in the same block are at ` +
                `${indent}: indent it to ${indent}`,
            };
          const off = offStep([...stack, ...popped.reverse()], step);
          if (off) return off;
          const levels = [...new Set([...stack, ...popped].map((b) => b.indent))].sort((a, b) => a - b);
          return {
            line: lineNo,
            indent,
            message:
              `mis-indented line: ${spaces(indent)} lines up with no enclosing block (those start at ` +
              `${levels.join(', ')}): indent it like the lines it belongs with`,
          };
        }
      }
    }

    // What the line opens: list items, then a key with or without a value.
    let rest = content;
    let col: number = indent;
    while (isDash(rest)) {
      const after = rest.slice(1).trimStart();
      if (after === '' || after.startsWith('#')) {
        pending = { indent: col, key: false };
        rest = '';
        break;
      }
      const at = col + (rest.length - after.length);
      stack.push({ indent: at, parent: col, first: lineNo, item: true });
      rest = after;
      col = at;
    }
    if (rest === '') continue;
    if (/^[?&*!%|>]/.test(rest) && !/^[|>]/.test(rest)) return null; // explicit keys, anchors, tags: not modelled
    const value = valueOf(rest);
    if (value === null) return null;
    if (value.key && value.text === '') {
      pending = { indent: col, key: true };
      continue;
    }
    if (/^[|>]/.test(value.text)) {
      blockScalar = col;
      continue;
    }
    open = startOpen(value.text);
  }
  return null;
}

const spaces = (n: number): string => `${n} space${n === 1 ? '' : 's'}`;

function isDash(s: string): boolean {
  return s === '-' || s.startsWith('- ') || s.startsWith('-\t');
}

/** A line that starts a key or a list item, as opposed to a plain value's continuation. */
function structural(content: string): boolean {
  if (isDash(content)) return true;
  const v = valueOf(content);
  return v !== null && v.key;
}

/** The value after `key:` (key true), or the whole text when the line is a bare value; null if unreadable. */
function valueOf(s: string): { key: boolean; text: string } | null {
  let keyEnd: number;
  if (s.startsWith('"') || s.startsWith("'")) {
    const q = s[0]!;
    let i = 1;
    for (; i < s.length; i++) {
      if (q === '"' && s[i] === '\\') i++;
      else if (s[i] === q) {
        if (q === "'" && s[i + 1] === "'") i++;
        else break;
      }
    }
    if (i >= s.length) return { key: false, text: s };
    const m = /^\s*:(?=\s|$)/.exec(s.slice(i + 1));
    if (!m) return { key: false, text: s };
    keyEnd = i + 1 + m[0].length;
  } else if (/^[[{]/.test(s)) {
    return { key: false, text: s };
  } else {
    const m = /^[^#]*?:(?=\s|$)/.exec(s);
    if (!m || /\s#/.test(m[0])) return { key: false, text: s };
    keyEnd = m[0].length;
  }
  const after = s.slice(keyEnd).trim();
  return { key: true, text: after.startsWith('#') ? '' : after };
}

/** A flow collection or quoted value left open at the end of its first line. */
function startOpen(value: string): Open | null {
  if (value.startsWith('[') || value.startsWith('{'))
    return continueOpen({ kind: 'flow', depth: 0, quote: null }, value);
  if (value.startsWith('"') || value.startsWith("'"))
    return continueOpen({ kind: 'quote', quote: value[0]! }, value.slice(1));
  return null;
}

function continueOpen(state: Open, text: string): Open | null {
  let quote = state.kind === 'quote' ? state.quote : state.quote;
  let depth = state.kind === 'flow' ? state.depth : 0;
  const flow = state.kind === 'flow';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else {
          quote = null;
          if (!flow) return null;
        }
      }
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) break;
    if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') {
      depth--;
      if (depth <= 0) return null;
    }
  }
  if (quote && !flow) return { kind: 'quote', quote };
  return { kind: 'flow', depth, quote };
}

/** The enclosing block that was opened off the file's indentation step (`- ` three spaces in, say). */
function offStep(stack: readonly Block[], step: number): Misindented | null {
  for (let i = stack.length - 1; i > 0; i--) {
    const b = stack[i]!;
    if (b.item || b.parent < 0) continue;
    const by = b.indent - b.parent;
    if (by !== step && by !== 0)
      return {
        line: b.first,
        indent: b.indent,
        message:
          `mis-indented line: ${spaces(b.indent)}, ${by} in from the line that holds it, where this file ` +
          `indents by ${step}: indent it to ${b.parent + step}`,
      };
  }
  return null;
}

/** How far this file indents a nested block: the commonest step from a `key:` line to the next. */
function indentStep(lines: readonly string[]): number {
  const counts = new Map<number, number>();
  for (let n = 0; n + 1 < lines.length; n++) {
    const line = lines[n]!;
    if (!/:\s*(#.*)?$/.test(line) || line.trimStart().startsWith('#')) continue;
    const next = lines.slice(n + 1).find((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
    if (!next) continue;
    // The key's own column: after any `- ` in front of it.
    const by = next.length - next.trimStart().length - /^[ ]*(?:-[ ]+)*/.exec(line)![0].length;
    if (by > 0) counts.set(by, (counts.get(by) ?? 0) + 1);
  }
  let best = 2;
  let most = 0;
  for (const [by, c] of counts) if (c > most || (c === most && by < best)) [best, most] = [by, c];
  return best;
}
