// An import into a fresh repository: the smallest org.yaml to import into, and what a person does
// before merging the import (name an owner and a successor where the estate had none), so the
// manifests load and drift compares them.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

/** An org.yaml with these teams, each of a@ and b@example.com. */
export function orgWithTeams(...teams: string[]): string {
  return (
    'apiVersion: idac/v1\nkind: Organization\nspec:\n  teams:\n' +
    teams.map((t) => `    ${t}:\n      members: [a@example.com, b@example.com]\n`).join('')
  );
}
