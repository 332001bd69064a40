#!/usr/bin/env node
// Entry point: only commander is imported at start-up; each command loads its own modules.
import { main } from './cli/main.js';
import { redactStreams } from './cli/redact-output.js';

// `idac … | head`: the reader may leave before the output ends (EPIPE). That is a normal end for
// the reader, not for the command: what nobody reads any more is dropped, and the command runs to
// its end and exits with its own code — an apply is never cut off halfway by the pipe, and
// `idac validate | head` still fails on errors. Any other write error (a full disk behind `>`) is
// exit 2 with its reason, never a stack trace.
let unwritable = false as boolean;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || unwritable) return;
    unwritable = true;
    process.exitCode = 2;
    if (stream !== process.stderr) process.stderr.write(`idac: cannot write the output to stdout: ${e.message}\n`);
  });
}

// No secret a reader found reaches the terminal or a log, whatever prints it.
redactStreams();

const code = await main(process.argv.slice(2));
process.exitCode = unwritable ? 2 : code;
