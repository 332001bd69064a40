// The emergency stop as a reviewable git change: `spec.status: suspended` and a new credential
// generation (`spec.rotation.epoch` + 1). The file is edited as text at the positions yaml's
// parser reports, so every other byte — comments, order, flow style, quoting — stays as the owner
// wrote it and the diff is the few lines that matter; the reason goes into a comment above status.

import { isMap, isScalar, parseDocument, type Scalar } from 'yaml';
import {
  afterLine,
  applyEdits,
  column,
  find,
  flowInsertion,
  keyStart,
  lineStart,
  replaceScalar,
  valueEnd,
  type Edit,
} from './edit.js';
import { machineIdentitySchema } from './schemas.js';
import { eolOf, type Change } from './verify-edit.js';
import { fail, type Failure } from '../common/result.js';

/** The largest `spec.rotation.epoch` the schema allows (schema/machine-identity.schema.json). */
export const EPOCH_MAX = schemaEpochMax();

function schemaEpochMax(): number {
  const at = (o: unknown, k: string): unknown =>
    typeof o === 'object' && o !== null ? (o as Record<string, unknown>)[k] : undefined;
  const max = ['properties', 'spec', 'properties', 'rotation', 'properties', 'epoch', 'maximum'].reduce<unknown>(
    at,
    machineIdentitySchema,
  );
  if (typeof max !== 'number')
    throw new Error('schema/machine-identity.schema.json gives spec.rotation.epoch no maximum');
  return max;
}

export type RevokeResult =
  /**
   * `was`: the status before; `text` equals the input when there was nothing to change; `changes`: what the data gains.
   */
  | { ok: true; text: string; epoch: number | null; was: 'active' | 'suspended'; changes: Change[] }
  /** The edit is refused; the file must be left as it is. */
  | Failure;

/**
 * Active → suspended, with the reason in a comment above `status`, and a new credential generation.
 * Already suspended → only the new generation (the reason goes above `epoch`): the status and its
 * comment stay, so revoking twice is one reviewable line. Decommissioned → refused: apply has
 * deleted its access and credentials, there is nothing left to revoke. `spec` and `rotation` may be
 * block or flow mappings, `status` any single value (plain, quoted, `>-`, `|`).
 */
export function revokeText(text: string, opts: { reason: string; date: string }): RevokeResult {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0)
    return fail(`the manifest does not parse (${doc.errors[0]!.message.split('\n')[0]}); fix it first (idac validate)`);
  const root = doc.contents;
  const specPair = isMap(root) && !root.flow ? find(root, 'spec') : undefined;
  const spec = specPair?.value;
  if (!specPair || !isMap(spec) || spec.items.length === 0)
    return fail('the manifest has no mapping `spec`; fix it first (idac validate)');
  const eol = eolOf(text);
  const edits: Edit[] = [];
  const changes: Change[] = [];
  // In a flow `spec: { … }` the comments go above the `spec:` line.
  const commentAnchor = spec.flow ? specPair : spec.items[0]!;
  const indent = ' '.repeat(column(text, keyStart(commentAnchor)));
  const reason = oneLine(opts.reason);

  const status = find(spec, 'status');
  if (status && !(isScalar(status.value) && status.value.range && typeof status.value.value === 'string'))
    return fail('spec.status is not a single value; fix it first (idac validate)');
  const was = status ? (status.value as Scalar<string>).value : 'active';
  if (was === 'decommissioned')
    return fail(
      'it is decommissioned: apply has deleted its access and credentials, so there is nothing to revoke. ' +
        'Nothing was changed',
    );
  if (was !== 'active' && was !== 'suspended')
    return fail(
      `spec.status is ${JSON.stringify(was.slice(0, 40))}, not active, suspended or decommissioned; fix it ` +
        `first (idac validate)`,
    );

  if (was === 'active') {
    changes.push({ path: ['spec', 'status'], value: 'suspended' });
    const comment = `${indent}# revoked ${opts.date}: ${reason}${eol}`;
    if (status) {
      const line = lineStart(text, keyStart(spec.flow ? specPair : status));
      const value = replaceScalar(text, status.value as Scalar<string>, 'suspended');
      if (!value) return fail('spec.status is not a single value; fix it first (idac validate)');
      edits.push({ at: line, end: line, text: comment }, value);
    } else if (spec.flow) {
      const line = lineStart(text, keyStart(specPair));
      edits.push({ at: line, end: line, text: comment }, flowInsertion(text, spec, 'status: suspended'));
    } else {
      // After `review` (or `expires`), where SPEC's example has it, else at the end of spec.
      const i = ['review', 'expires']
        .map((k) => spec.items.findIndex((p) => isScalar(p.key) && p.key.value === k))
        .find((x) => x >= 0);
      const next = i === undefined ? undefined : spec.items[i + 1];
      const at = next ? lineStart(text, keyStart(next)) : afterLine(text, valueEnd(spec.items[spec.items.length - 1]!));
      const lead = at === text.length && text.length > 0 && !text.endsWith('\n') ? eol : '';
      edits.push({ at, end: at, text: `${lead}${comment}${indent}status: suspended${eol}` });
    }
  }

  // A static credential gets a new generation: the compromised one is replaced at the next apply.
  let epoch: number | null = null;
  const rotation = find(spec, 'rotation');
  if (rotation && isMap(rotation.value) && find(rotation.value, 'period')) {
    const map = rotation.value;
    const current = find(map, 'epoch');
    // The epoch as the schema reads it: a plain whole number. Anything else ('2', `>- 2`, -5, 1.5)
    // is refused rather than guessed at: a wrong guess could bring back a compromised generation.
    const previous = current ? (isScalar(current.value) ? current.value.value : undefined) : 0;
    const manually =
      `To stop it now by hand: set spec.status: suspended, and give spec.rotation.epoch a plain whole number ` +
      `higher than any used before (at most ${EPOCH_MAX})`;
    if (typeof previous !== 'number' || !Number.isSafeInteger(previous) || previous < 0) {
      const shown = !isScalar(current?.value)
        ? 'not a single value'
        : current.value.value === null
          ? 'empty'
          : // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a YAML scalar (string, number, …)
            JSON.stringify(String(current.value.value).slice(0, 40));
      return fail(
        `spec.rotation.epoch is ${shown}` +
          `${isScalar(current?.value) && typeof current.value.value === 'string' ? ' (text, not a number)' : ''}, ` +
          `not a whole number from 0 to ${EPOCH_MAX}, so revoke cannot tell which credential generation comes next. ` +
          `Nothing was changed. Write the epoch as a plain number (epoch: 2) and run revoke again. ${manually}`,
      );
    }
    if (previous >= EPOCH_MAX)
      return fail(
        `spec.rotation.epoch is ${previous}, the largest the schema allows (${EPOCH_MAX}), so revoke cannot ` +
          `start a new credential generation. Nothing was changed. To stop it now by hand: set spec.status: ` +
          `suspended (apply disables its access), then replace its credential under a new identity name (a new ` +
          `name starts a new credential line at epoch 0) and decommission this one`,
      );
    epoch = previous + 1;
    changes.push({ path: ['spec', 'rotation', 'epoch'], value: epoch });
    // Suspended already: the status line keeps its reason; this one explains the new generation.
    // In a flow mapping (`rotation: { period: 30d }`) it goes above the line that holds it.
    const anchor = spec.flow ? specPair : map.flow ? rotation : (current ?? map.items[0]!);
    const why =
      was === 'suspended'
        ? `${' '.repeat(column(text, keyStart(anchor)))}# new credential generation ${opts.date}: ${reason}${eol}`
        : '';
    const whyAt = lineStart(text, keyStart(anchor));
    const replaced =
      current && isScalar(current.value) ? replaceScalar(text, current.value, String(epoch), String(epoch)) : null;
    if (current && !replaced) return fail('spec.rotation.epoch is not a single value; fix it first (idac validate)');
    if (replaced) {
      if (why) edits.push({ at: whyAt, end: whyAt, text: why });
      edits.push(replaced);
    } else if (map.flow) {
      if (why) edits.push({ at: whyAt, end: whyAt, text: why });
      edits.push(flowInsertion(text, map, `epoch: ${epoch}`));
    } else {
      const at = afterLine(text, valueEnd(map.items[map.items.length - 1]!));
      const lead = at === text.length && text.length > 0 && !text.endsWith('\n') ? eol : '';
      edits.push({
        at,
        end: at,
        text: `${lead}${why}${' '.repeat(column(text, keyStart(map.items[0]!)))}epoch: ${epoch}${eol}`,
      });
    }
  }
  return { ok: true, text: applyEdits(text, edits), epoch, was, changes };
}

/** One line of printable text: a reason never breaks out of its comment. */
function oneLine(text: string): string {
  const clean = text
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > 200 ? `${clean.slice(0, 199)}…` : clean;
}
