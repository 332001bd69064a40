#!/usr/bin/env node
// Entry point: only commander is imported at start-up; each command loads its own modules.
import { main } from './cli/main.js';

process.exitCode = await main(process.argv.slice(2));
