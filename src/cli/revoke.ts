// idac revoke: stop a compromised identity with one small pull request. Edits its manifest
// (suspended, new credential generation) and prints the diff to commit.

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { FsSource } from '../io/fs-source.js';
import { revokeText } from '../manifest/revoke.js';
import { isoDate } from '../time.js';
import { common } from './common.js';
import { UsageError } from './errors.js';

export async function run(args: string[], opts: Record<string, string | undefined>): Promise<number> {
  const { dir, now } = common(opts);
  const name = args[0] ?? '';
  if (!/^[a-z][a-z0-9-]{1,46}[a-z0-9]$/.test(name)) throw new UsageError(`${JSON.stringify(name.slice(0, 60))} is not an identity name (^[a-z][a-z0-9-]{1,46}[a-z0-9]$)`);
  const reason = opts.reason?.trim() ?? '';
  if (reason === '') throw new UsageError('--reason is required: say why (an incident id), it is recorded in the manifest and the pull request');
  const listing = await new FsSource(dir).list(['identities']);
  if (!listing.ok) throw new UsageError(listing.message);
  const files = listing.files.filter((f) => !f.symlink && /\/[^/]+\.ya?ml$/i.test(f.path) && f.path.slice(f.path.lastIndexOf('/') + 1).replace(/\.ya?ml$/i, '') === name);
  if (files.length === 0) throw new UsageError(`no identity ${name} under identities/ (the file name equals metadata.name)`);
  if (files.length > 1) throw new UsageError(`${name} is in more than one file (${files.map((f) => f.path).join(', ')}); run idac validate`);
  const path = files[0]!.path;
  const before = await readFile(join(dir, path), 'utf8');
  const result = revokeText(before, { reason, date: isoDate(now) });
  if (!result.ok) throw new UsageError(`${path}: ${result.message}`);
  await writeFile(join(dir, path), result.text);
  process.stdout.write(createTwoFilesPatch(`a/${path}`, `b/${path}`, before, result.text, '', '', { context: 1 }).replace(/^(Index:.*\n)?=+\n/, ''));
  process.stderr.write(`idac: ${path}: suspended${result.epoch === null ? '' : `, credential generation bumped (epoch ${result.epoch})`}. Commit it and open the emergency pull request; apply disables its access.\n`);
  return 0;
}
