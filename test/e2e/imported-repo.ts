// An import into a fresh repository: the smallest org.yaml to import into, what a person does before
// merging the import (name an owner and a successor where the estate had none, so the manifests load
// and drift compares them), and what drift must say right after it.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { loadRepository } from '../../src/check/repository.js';
import { FsSource } from '../../src/io/fs-source.js';

export function decideOwners(dir: string, owner = 'a@example.com', successor = 'b@example.com'): void {
  const identities = join(dir, 'identities');
  for (const team of readdirSync(identities, { withFileTypes: true })) {
    if (!team.isDirectory()) continue;
    for (const f of readdirSync(join(identities, team.name))) {
      const p = join(identities, team.name, f);
      let text = readFileSync(p, 'utf8');
      if (!/^ {4}owner:/m.test(text)) text = text.replace('  stewardship:\n', `  stewardship:\n    owner: ${owner}\n`);
      if (!/^ {4}successor:/m.test(text))
        text = text.replace('  stewardship:\n', `  stewardship:\n    successor: ${successor}\n`);
      writeFileSync(p, text);
    }
  }
}

/** Drops every importedFrom.live.notExpressible record, as a person does once each statement is settled. */
export function forgetRecords(dir: string): void {
  const identities = join(dir, 'identities');
  for (const team of readdirSync(identities, { withFileTypes: true })) {
    if (!team.isDirectory()) continue;
    for (const f of readdirSync(join(identities, team.name))) {
      const p = join(identities, team.name, f);
      const text = readFileSync(p, 'utf8')
        .replace(/^ {6}notExpressible:(?: \[[^\]]*\]\n|\n(?: {8}- [^\n]*\n)+)/m, '')
        .replace(/^ {4}live:\n(?! {6})/m, '');
      writeFileSync(p, text);
    }
  }
}

/** An org.yaml with these teams, each of a@ and b@example.com. */
export function orgWithTeams(...teams: string[]): string {
  return (
    'apiVersion: idac/v1\nkind: Organization\nspec:\n  teams:\n' +
    teams.map((t) => `    ${t}:\n      members: [a@example.com, b@example.com]\n`).join('')
  );
}

interface Changed {
  identity: string;
  differences: { field: string; live: string | null }[];
}

/**
 * Drift right after an import reports, for every manifest that loads, exactly the statements import
 * said it could not express (as `<target>.notExpressible` differences), and nothing else changed.
 */
export async function expectOnlyNotExpressible(
  dir: string,
  target: string,
  changed: readonly Changed[],
  notExpressible: readonly { identity: string; statement: string }[],
): Promise<void> {
  const reported = changed.flatMap((c) =>
    c.differences.map((d) => ({ identity: c.identity, field: d.field, statement: d.live })),
  );
  for (const d of reported) expect(d.field).toBe(`${target}.notExpressible`);
  // Only manifests that load are compared (validate names the others).
  const read = await loadRepository(new FsSource(dir));
  const loaded = new Set(read.ok ? read.value.identities.map((i) => i.data.metadata.name) : []);
  expect(loaded.size).toBeGreaterThan(5);
  const pairs = (list: readonly { identity: string; statement: string | null }[]) =>
    list.map(({ identity, statement }) => JSON.stringify([identity, statement])).sort();
  expect(pairs(reported)).toEqual(pairs(notExpressible.filter((n) => loaded.has(n.identity))));
}
