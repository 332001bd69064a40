// Builds ruleTable rows for a planted credential: the finding must sit exactly where the token starts.

import type { BadRow } from '../rules/harness.js';
import { APP, ORG_FILE, plant, where } from './plant.js';

export function badRow(
  name: string,
  text: string,
  needle: string,
  messageId: string,
  message?: RegExp,
  file = APP,
): BadRow {
  return {
    name,
    files: { [file]: text },
    expect: [{ ...where(text, needle), messageId, ...(message ? { message } : {}) }],
  };
}

/** The placements every single-line format must be found in. */
export function placements(token: string, messageId: string, message?: RegExp): BadRow[] {
  return [
    badRow('in a value', plant.value(token), token, messageId, message),
    badRow('in a label value', plant.label('deploy', token), token, messageId, message),
    badRow('in a comment', plant.comment(token), token, messageId, message),
    badRow('as a mapping key', plant.key(token), token, messageId, message),
    badRow('in a block scalar', plant.block(token), token, messageId, message),
    badRow('in a quoted string', plant.quoted(token), token, messageId, message),
    badRow('in a file that fails to parse', plant.broken(token), token, messageId, message),
    badRow('in a second YAML document', plant.secondDocument(token), token, messageId, message),
    badRow('in org.yaml', plant.org(token), token, messageId, message, ORG_FILE),
  ];
}
