// idac who-can: which identities can make one request (ACTION RESOURCE), everything one identity
// can do (--identity NAME), or who can become one identity (--assume NAME), each answer pointing at
// the grant's (or the trust's) file and line.

import { servicesOf } from '../access/aws-actions.js';
import { iamCatalog } from '../access/iam-catalog.js';
import { awsServices } from '../access/model.js';
import { show } from '../common/findings.js';
import { IDENTITIES_DIR } from '../common/layout.js';
import { FsSource } from '../io/fs-source.js';
import { didYouMean } from '../manifest/schemas.js';
import { loadRepository, type LoadedIdentity } from '../check/repository.js';
import { whoCanAssume } from '../features/query/who-can-assume.js';
import { canDo, isLive, whoCan } from '../features/query/who-can.js';
import { whoCanRenderers, type WhoCanAnswer } from '../features/query/formats.js';
import { render } from '../common/renderer.js';
import { parseQuery, RESOURCE_FORMS } from '../features/query/who-can-query.js';
import { common, oneOf } from './common.js';
import { UsageError } from './errors.js';
import { emit } from './write.js';
import { messageOf } from '../common/result.js';

export async function run(args: string[], opts: Record<string, string | undefined>): Promise<number> {
  const { dir, now } = common(opts);
  const format = oneOf('--format', opts.format, whoCanRenderers.formats, 'text');
  const [action, resource] = args;
  const name = opts.identity;
  const assume = opts.assume;
  const given = [action !== undefined && 'ACTION RESOURCE', name !== undefined && '--identity NAME'];
  if (assume !== undefined && given.some(Boolean))
    throw new UsageError(`give --assume NAME alone, not with ${given.filter(Boolean).join(' or ')}`);
  if (name !== undefined && action !== undefined)
    throw new UsageError('give ACTION RESOURCE or --identity NAME, not both');
  if (name === undefined && action === undefined && assume === undefined)
    throw new UsageError(
      'give ACTION RESOURCE (who can do this?), --identity NAME (what can this identity do?) or --assume NAME ' +
        '(who can become this identity?)',
    );
  if (name === undefined && assume === undefined && resource === undefined)
    throw new UsageError(`RESOURCE is missing: idac who-can ACTION RESOURCE, where RESOURCE is ${RESOURCE_FORMS}`);

  const loaded = await loadRepository(new FsSource(dir));
  if (!loaded.ok) {
    if (loaded.unreadable) throw loaded.unreadable.error;
    throw new UsageError(messageOf(loaded));
  }
  // who-can names the files it skipped as they are on disk (symbolic links among them).
  const read = { identities: loaded.value.identities, skipped: loaded.value.skipped.map((s) => s.path) };
  const services = servicesOf(action === undefined ? [] : [action]);
  for (const id of read.identities) for (const s of awsServices(id.data)) services.add(s);
  await iamCatalog.load(services);

  const notes: string[] = [];
  let answer: WhoCanAnswer;
  if (assume !== undefined) {
    const found = named(read, assume);
    for (const id of found)
      if (!isLive(id.data)) notes.push(`${assume} is ${id.data.spec.status}: nobody can become it`);
    const matches = found.flatMap(whoCanAssume);
    answer = { assume: true, matches, skipped: read.skipped, none: `nobody can become ${assume}` };
  } else if (name !== undefined) {
    const found = named(read, name);
    for (const id of found) if (!isLive(id.data)) notes.push(`${name} is ${id.data.spec.status}: it holds no access`);
    const matches = found.flatMap((id) => canDo(id, now, iamCatalog));
    const none = `${name} holds no access at ${new Date(now).toISOString().replace('.000Z', 'Z')}`;
    answer = { matches, skipped: read.skipped, none };
  } else {
    const parsed = parseQuery(action!, resource!, iamCatalog);
    if (!parsed.ok) throw new UsageError(messageOf(parsed));
    notes.push(...parsed.notes);
    if (read.skipped.length > 0) notes.push(`${skippedText(read.skipped.length)}: the answer does not cover them`);
    const matches = whoCan(read.identities, parsed.query, now, iamCatalog);
    answer = { matches, skipped: read.skipped, none: `no identity can ${action} on ${resource}` };
  }
  for (const n of notes) process.stderr.write(`idac: note: ${n}\n`);
  await emit(await render(whoCanRenderers, format, answer, undefined), opts.out);
  return 0;
}

/** The identities called `name` (one, unless names collide); none is a usage error that suggests a near name. */
function named(read: { identities: readonly LoadedIdentity[]; skipped: readonly string[] }, name: string) {
  const found = read.identities.filter((id) => id.data.metadata.name === name);
  if (found.length === 0) {
    const guess = didYouMean(
      name,
      read.identities.map((id) => id.data.metadata.name),
    );
    throw new UsageError(
      `no identity named ${show(name)} under ${IDENTITIES_DIR}/${guess ? `; did you mean ${guess}?` : ''}` +
        (read.skipped.length > 0 ? ` (${skippedText(read.skipped.length)})` : ''),
    );
  }
  return found;
}

function skippedText(n: number): string {
  return (
    `${n} manifest${n === 1 ? ' is' : 's are'} not valid and ${n === 1 ? 'was' : 'were'} skipped; run idac ` +
    `validate`
  );
}
