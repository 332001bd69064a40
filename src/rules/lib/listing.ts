// Cross-file messages name a few other files and count the rest, so a rule over 100,000
// identities stays linear and its messages stay one line.

import { show } from '../../common/findings.js';

export const LISTED = 3;

/** `"a", "b", "c" and 4 more`: the first LISTED of `files`, out of `total`. */
export function fileList(files: readonly string[], total: number): string {
  const shown = files.slice(0, LISTED).map((f) => show(f, 80));
  return total > shown.length ? `${shown.join(', ')} and ${total - shown.length} more` : shown.join(', ');
}

/** The files of `list` other than index `skip` (constant work per call). */
export function othersOf(list: readonly { file: string }[], skip: number): string {
  const shown: string[] = [];
  for (let i = 0; i < list.length && shown.length < LISTED; i++) if (i !== skip) shown.push(list[i]!.file);
  return fileList(shown, list.length - 1);
}
