// Where a credential can hide in a manifest (THREATS.md item 63), as small edits of the harness's
// valid identity. Each returns the file text; `where` finds the exact line and column a finding must
// point at, so rows stay exact without counting columns by hand.

import { edit, IDENTITY, ORG } from '../rules/harness.js';

export const APP = 'identities/payments/app.yaml';
export const ORG_FILE = 'identities/org.yaml';
const PURPOSE = 'purpose: Reads settlement files from the bank drop bucket.';

/** 1-based line and column of the `nth` occurrence of `needle` in `text`. */
export function where(text: string, needle: string, nth = 0): { line: number; column: number } {
  let i = -1;
  for (let n = 0; n <= nth; n++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`where: ${JSON.stringify(needle.slice(0, 12))}… occurs fewer than ${nth + 1} times`);
  }
  const before = text.slice(0, i);
  return { line: before.split('\n').length, column: i - before.lastIndexOf('\n') };
}

export const plant = {
  /** Inside free text of a valid value. */
  value: (s: string) => edit(IDENTITY, PURPOSE, `purpose: Reads settlement files with ${s} from the bank drop bucket.`),
  /** A label value (string → string, so the file stays valid). */
  label: (key: string, s: string) => edit(IDENTITY, '  name: app\n', `  name: app\n  labels:\n    ${key}: ${s}\n`),
  /** A comment line at the end of the file. */
  comment: (s: string) => `${IDENTITY}# rotated on 2026-11-02, old value ${s}\n`,
  /** A mapping key (unknown to the schema). */
  key: (s: string) => edit(IDENTITY, '  type: workload\n', `  type: workload\n  ${s}: true\n`),
  /** A literal block scalar. */
  block: (s: string) =>
    edit(IDENTITY, `  ${PURPOSE}\n`, `  purpose: |\n    Reads settlement files from the bank drop bucket.\n    ${s}\n`),
  /** A double-quoted string. */
  quoted: (s: string) => edit(IDENTITY, PURPOSE, `purpose: "Reads settlement files (${s})"`),
  /** A file that fails to parse: an unterminated quote right after the token. */
  broken: (s: string) => edit(IDENTITY, PURPOSE, `purpose: "${s}`),
  /** A second YAML document. */
  secondDocument: (s: string) => `${IDENTITY}---\nkind: Note\ntoken: ${s}\n`,
  /** org.yaml, in a comment. */
  org: (s: string) => `${ORG}# ${s}\n`,
};
