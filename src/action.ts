#!/usr/bin/env node
// The composite action's entry (action.yml): the `args` input (IDAC_ARGS) split into shell words —
// never evaluated — and run as the idac command line, in this process.
import { shellWords } from './cli/shell-words.js';
import { messageOf } from './common/result.js';

const split = shellWords(process.env.IDAC_ARGS ?? '');
if (!split.ok) {
  process.stderr.write(`idac: the action's args: ${messageOf(split)}. Nothing was run.\n`);
  process.exit(2);
}
process.argv = [...process.argv.slice(0, 2), ...split.words];
await import('./cli.js');
