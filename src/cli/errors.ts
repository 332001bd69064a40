/** The command itself could not run (exit 2): bad flag, unreadable repo, missing tool. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
