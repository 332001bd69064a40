// The last line of defence of "a secret found in input is never echoed anywhere": everything the
// command line prints (stdout, stderr) and writes as output (--out, CODEOWNERS, a GitHub body) is
// redacted with every secret the readers found in this run (src/rules/secrets.ts), each replaced by
// the fingerprint validate reports. Readers already withhold what they load; this catches what no
// reader thought of (a path in a message, a line of a diff).

import { knownSecrets } from '../common/redactor.js';

export function redactOutput(text: string): string {
  return knownSecrets().text(text);
}

/** Routes every write to stdout and stderr through redactOutput. */
export function redactStreams(): void {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = (chunk: unknown, ...rest: unknown[]) => {
      if (knownSecrets().empty) return write(chunk, ...rest);
      const text =
        typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk).toString('utf8') : null;
      return text === null
        ? write(chunk, ...rest)
        : write(redactOutput(text), ...rest.filter((r) => typeof r !== 'string'));
    };
  }
}
