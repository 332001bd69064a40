import { writeFile } from 'node:fs/promises';
import { reason } from '../io/fs-source.js';
import { UsageError } from './errors.js';
import { redactOutput } from './redact-output.js';

/** Writes to --out, or to stdout. */
export async function emit(text: string, out: string | undefined): Promise<void> {
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    await writeFile(out, redactOutput(text));
  } catch (e) {
    throw new UsageError(
      `cannot write ${out}: ${reason(e)}` +
        ((e as NodeJS.ErrnoException).code === 'ENOENT' ? ' (its folder does not exist)' : ''),
    );
  }
}
