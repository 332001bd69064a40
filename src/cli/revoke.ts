// idac revoke: stop a compromised identity with one small pull request. Edits its manifest
// (suspended, new credential generation) and prints the diff to commit. A decommissioned identity
// is refused (exit 1) and an already suspended one only gets the new generation; either way a file
// that cannot be read or written exits 2, and nothing is changed.

import { FsSource } from '../io/fs-source.js';
import { revokeText } from '../manifest/revoke.js';
import { terminalSafe } from '../common/escape.js';
import { IDENTITIES_DIR } from '../common/layout.js';
import { didYouMean } from '../manifest/schemas.js';
import { isoDate } from '../common/time.js';
import { common } from './common.js';
import { UsageError } from './errors.js';
import { readRaw, refuseSecretArguments, writeEdits } from './manifest-files.js';
import { messageOf } from '../common/result.js';

export async function run(args: string[], opts: Record<string, string | undefined>): Promise<number> {
  const { dir, now } = common(opts);
  const name = args[0] ?? '';
  if (!/^[a-z][a-z0-9-]{1,46}[a-z0-9]$/.test(name))
    throw new UsageError(
      `${JSON.stringify(name.slice(0, 60))} is not an identity name (^[a-z][a-z0-9-]{1,46}[a-z0-9]$)`,
    );
  const reason = opts.reason?.trim() ?? '';
  if (reason === '')
    throw new UsageError(
      '--reason is required: say why (an incident id), it is recorded in the manifest and the pull request',
    );
  await refuseSecretArguments({ '--reason': reason });
  const listing = await new FsSource(dir).list([IDENTITIES_DIR]);
  if (!listing.ok) throw new UsageError(messageOf(listing));
  const named = listing.value
    .filter((f) => /\/[^/]+\.ya?ml$/i.test(f.path))
    .map((f) => ({
      path: f.path,
      symlink: f.symlink,
      name: f.path.slice(f.path.lastIndexOf('/') + 1).replace(/\.ya?ml$/i, ''),
    }));
  const manifests = named.filter((f) => !f.symlink);
  const files = manifests.filter((f) => f.name === name);
  const link = named.find((f) => f.symlink && f.name === name);
  if (files.length === 0 && link)
    throw new UsageError(
      `${terminalSafe(link.path)} is a symbolic link, which idac does not follow: replace it with the ` +
        `manifest itself (the file, committed in this repository) and run revoke again`,
    );
  if (files.length === 0) {
    // An emergency is when names get mistyped: offer the closest identity rather than a dead end.
    const near = didYouMean(
      name,
      manifests.filter((f) => f.name !== 'org').map((f) => f.name),
    );
    throw new UsageError(
      `no identity ${name} under ${IDENTITIES_DIR}/ (the file name equals ` +
        `metadata.name)${near ? `; did you mean ${near}?` : ''}`,
    );
  }
  if (files.length > 1)
    throw new UsageError(
      `${name} is in more than one file (${files.map((f) => f.path).join(', ')}); run idac validate`,
    );
  const path = files[0]!.path;
  const raw = await readRaw(dir, path);
  const result = revokeText(raw.text, { reason, date: isoDate(now) });
  if (!result.ok) throw new UsageError(`not revoking ${name} (${path}): ${messageOf(result)}`, 1);
  if (result.text === raw.text) {
    process.stderr.write(
      `idac: ${terminalSafe(path)}: ${terminalSafe(name)} is already suspended and holds no static ` +
        `credential to replace: nothing to change.\n`,
    );
    return 0;
  }
  process.stdout.write(
    await writeEdits(dir, [{ raw, after: result.text, expect: 'MachineIdentity', changes: result.changes }]),
  );
  const generation = result.epoch === null ? '' : `credential generation bumped (epoch ${result.epoch})`;
  const what =
    result.was === 'suspended' ? `already suspended; ${generation}` : `suspended${generation ? `, ${generation}` : ''}`;
  process.stderr.write(
    `idac: ${terminalSafe(path)}: ${what}. Commit it and open the emergency pull request; apply ` +
      `${result.was === 'suspended' ? 'replaces the credential' : 'disables its access'}.\n`,
  );
  return 0;
}
