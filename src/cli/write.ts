import { writeFile } from 'node:fs/promises';
import { UsageError } from './errors.js';

/** Writes to --out, or to stdout. */
export async function emit(text: string, out: string | undefined): Promise<void> {
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    await writeFile(out, text);
  } catch (e) {
    throw new UsageError(`cannot write ${out}: ${(e as Error).message}`);
  }
}
