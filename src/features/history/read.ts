// From the io layer's log and blobs to history's input: each changed manifest's two sides loaded
// (valid data or null) and scanned for secrets, each blob once.

import { baseName, isIdentityPath } from '../../common/layout.js';
import type { LogCommit } from '../../io/git-history.js';
import { MAX_FILE_BYTES } from '../../manifest/decode.js';
import { identityOf } from '../../check/repository.js';
import { holdsSecret } from '../../rules/engine.js';
import { pathSecrets, Redactor, secretMatches } from '../../rules/secrets.js';
import { isoInstant } from '../../common/time.js';
import type { CommitInput, Side } from './history.js';

export async function commitInputs(
  log: readonly LogCommit[],
  blob: (oid: string) => Promise<Uint8Array>,
): Promise<CommitInput[]> {
  const sides = new Map<string, Promise<Omit<Side, 'file'>>>();
  const side = (oid: string, file: string): Promise<Side> => {
    let p = sides.get(oid);
    if (!p) sides.set(oid, (p = load(oid, file, blob)));
    // A file named after a token: its values are withheld like a file that holds one (and the path,
    // wherever printed, shows the fingerprint: src/cli/redact-output.ts).
    return Promise.all([p, pathSecrets(file)]).then(([s, inPath]) => ({
      ...s,
      file,
      name: s.data ? s.name : baseName(file),
      secret: s.secret || inPath.length > 0,
    }));
  };
  const out: CommitInput[] = [];
  for (const c of log) {
    const files: CommitInput['files'] = [];
    for (const ch of c.changes) {
      if (!isIdentityPath(ch.path)) continue;
      files.push({
        before: ch.oldOid ? await side(ch.oldOid, ch.path) : null,
        after: ch.newOid ? await side(ch.newOid, ch.path) : null,
      });
    }
    if (files.length === 0) continue;
    // The commit's own words are input too (`git -c user.name=ghp_… commit`): a secret in them is withheld.
    const said = new Redactor((await secretMatches(`${c.author}\n${c.email}\n${c.subject}\n`)).map((m) => m.text));
    out.push({
      sha: c.sha,
      author: said.text(c.author),
      email: said.text(c.email),
      date: isoInstant(Date.parse(c.date)),
      subject: said.text(c.subject),
      files,
    });
  }
  return out;
}

async function load(
  oid: string,
  file: string,
  blob: (oid: string) => Promise<Uint8Array>,
): Promise<Omit<Side, 'file'>> {
  const bytes = await blob(oid);
  if (bytes.length > MAX_FILE_BYTES) return { name: baseName(file), data: null, secret: false };
  const { text, data, name } = identityOf(file, bytes);
  // Text that is not UTF-8 can still hold a pasted secret: scan a lossy decoding of it.
  const secret = await holdsSecret(text ?? new TextDecoder('utf-8').decode(bytes));
  return { name, data, secret };
}
