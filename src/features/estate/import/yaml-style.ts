// The spacing examples/acme uses inside flow collections: `[a, b]` for lists, `{ a: 1 }` for
// mappings. The yaml package pads both or neither, so its output (unpadded) gets the mapping braces
// padded here. lineWidth 0 keeps every flow collection on its own line, where it starts at the
// line's value; inside it, plain scalars cannot hold a brace, so only quoted text must be skipped.

import { Document, type ToStringOptions } from 'yaml';

const FLOW_START = /^(\s*(?:- )*(?:(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[A-Za-z0-9_./@$-]+): )?)([[{].*)$/;

function padBraces(flow: string): string {
  let out = '';
  for (let i = 0; i < flow.length; i++) {
    const c = flow[i]!;
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < flow.length) {
        if (c === '"' && flow[j] === '\\') j += 2;
        else if (flow[j] === c && c === "'" && flow[j + 1] === "'") j += 2;
        else if (flow[j] === c) break;
        else j += 1;
      }
      out += flow.slice(i, j + 1);
      i = j;
    } else if (c === '{' && flow[i + 1] !== '}') out += '{ ';
    else if (c === '}' && flow[i - 1] !== '{') out += ' }';
    else out += c;
  }
  return out;
}

/** yaml's output with flow mappings padded as the house format has them; comment lines untouched. */
export function houseSpacing(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const m = FLOW_START.exec(line);
      return m && !line.trimStart().startsWith('#') ? `${m[1]}${padBraces(m[2]!)}` : line;
    })
    .join('\n');
}

export const HOUSE_YAML: ToStringOptions = { lineWidth: 0, flowCollectionPadding: false };

/** A document as text in the house format. */
export function houseText(doc: Document): string {
  return houseSpacing(doc.toString(HOUSE_YAML));
}
