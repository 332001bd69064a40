import { isRefusal, type Failure } from '../common/result.js';

/** The command itself could not run (exit 2): bad flag, unreadable repo, missing tool. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** A failure's exit code: 1 when it is a refusal, 2 when the step could not run. */
export function exitCodeOf(f: Failure): 1 | 2 {
  return isRefusal(f) ? 1 : 2;
}
