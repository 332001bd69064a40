#!/usr/bin/env node
// Entry point: only commander is imported at start-up; each command loads its own modules.
import { main } from './cli/main.js';
import { redactStreams } from './cli/redact-output.js';

// `idac … | head`: the reader has gone, so the rest of the output has nobody to read it. Stop
// quietly, as other Unix tools do, instead of dying on an unhandled EPIPE with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

// No secret a reader found reaches the terminal or a log, whatever prints it.
redactStreams();

process.exitCode = await main(process.argv.slice(2));
