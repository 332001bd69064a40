// The emergency stop as a reviewable git change: `spec.status: suspended` and a new credential
// generation (`spec.rotation.epoch` + 1). The file is edited as text at the positions yaml's
// parser reports, so every other byte — comments, order, flow style, quoting — stays as the owner
// wrote it and the diff is the few lines that matter; the reason goes into a comment above status.

import { isMap, isScalar, parseDocument, type Scalar } from 'yaml';
import { afterLine, column, find, keyStart, lineStart, valueEnd } from './edit.js';

export type RevokeResult =
  /** `was`: the status before; `text` equals the input when there was nothing to change. */
  | { ok: true; text: string; epoch: number | null; was: 'active' | 'suspended' }
  /** The edit is refused; the file must be left as it is. */
  | { ok: false; message: string };

interface Edit {
  at: number;
  end: number;
  text: string;
}

/**
 * Active → suspended, with the reason in a comment above `status`, and a new credential generation.
 * Already suspended → only the new generation (the reason goes above `epoch`): the status and its
 * comment stay, so revoking twice is one reviewable line. Decommissioned → refused: apply has
 * deleted its access and credentials, there is nothing left to revoke.
 */
export function revokeText(text: string, opts: { reason: string; date: string }): RevokeResult {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) return { ok: false, message: `the manifest does not parse (${doc.errors[0]!.message.split('\n')[0]}); fix it first (idac validate)` };
  const spec = doc.get('spec', true);
  if (!isMap(spec) || spec.flow || spec.items.length === 0) return { ok: false, message: 'the manifest has no block mapping `spec`; fix it first (idac validate)' };
  const edits: Edit[] = [];
  const indent = ' '.repeat(column(text, keyStart(spec.items[0]!)));
  const reason = oneLine(opts.reason);

  const status = find(spec, 'status');
  if (status && !(isScalar(status.value) && status.value.range && typeof status.value.value === 'string')) return { ok: false, message: 'spec.status is not a plain value; fix it first (idac validate)' };
  const was = status ? (status.value as Scalar<string>).value : 'active';
  if (was === 'decommissioned') return { ok: false, message: 'it is decommissioned: apply has deleted its access and credentials, so there is nothing to revoke. Nothing was changed' };
  if (was !== 'active' && was !== 'suspended') return { ok: false, message: `spec.status is ${JSON.stringify(was.slice(0, 40))}, not active, suspended or decommissioned; fix it first (idac validate)` };

  if (was === 'active') {
    const comment = `${indent}# revoked ${opts.date}: ${reason}\n`;
    if (status) {
      const line = lineStart(text, keyStart(status));
      const value = status.value as Scalar<string>;
      edits.push({ at: line, end: line, text: comment });
      edits.push({ at: value.range![0], end: value.range![1], text: 'suspended' });
    } else {
      // After `review` (or `expires`), where SPEC's example has it, else at the end of spec.
      const i = ['review', 'expires'].map((k) => spec.items.findIndex((p) => isScalar(p.key) && p.key.value === k)).find((x) => x >= 0);
      const next = i === undefined ? undefined : spec.items[i + 1];
      const at = next ? lineStart(text, keyStart(next)) : afterLine(text, valueEnd(spec.items[spec.items.length - 1]!));
      edits.push({ at, end: at, text: `${comment}${indent}status: suspended\n` });
    }
  }

  // A static credential gets a new generation: the compromised one is replaced at the next apply.
  let epoch: number | null = null;
  const rotation = find(spec, 'rotation');
  if (rotation && isMap(rotation.value) && find(rotation.value, 'period')) {
    const map = rotation.value;
    const current = find(map, 'epoch');
    const previous = current && isScalar(current.value) ? current.value.value : 0;
    epoch = (typeof previous === 'number' && Number.isInteger(previous) ? previous : 0) + 1;
    // Suspended already: the status line keeps its reason; this one explains the new generation.
    // In a flow mapping (`rotation: { period: 30d }`) it goes above the rotation line.
    const anchor = map.flow ? rotation : (current ?? map.items[0]!);
    const why = was === 'suspended' ? `${' '.repeat(column(text, keyStart(anchor)))}# new credential generation ${opts.date}: ${reason}\n` : '';
    const whyAt = lineStart(text, keyStart(map.flow || current ? anchor : map.items[0]!));
    if (current && isScalar(current.value) && current.value.range) {
      if (why) edits.push({ at: whyAt, end: whyAt, text: why });
      edits.push({ at: current.value.range[0], end: current.value.range[1], text: String(epoch) });
    } else if (map.flow) {
      if (why) edits.push({ at: whyAt, end: whyAt, text: why });
      const at = valueEnd(map.items[map.items.length - 1]!);
      edits.push({ at, end: at, text: `, epoch: ${epoch}` });
    } else {
      const at = afterLine(text, valueEnd(map.items[map.items.length - 1]!));
      edits.push({ at, end: at, text: `${why}${' '.repeat(column(text, keyStart(map.items[0]!)))}epoch: ${epoch}\n` });
    }
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.text + out.slice(e.end);
  return { ok: true, text: out, epoch, was };
}

/** One line of printable text: a reason never breaks out of its comment. */
function oneLine(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+/g, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > 200 ? `${clean.slice(0, 199)}…` : clean;
}
