// validate and plan must start fast: only src/apply imports @pulumi/*, and the CLI reaches it only
// through a dynamic import from the apply command.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { root } from '../e2e/cli.js';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

it('@pulumi/* appears only in src/apply, and nothing outside imports src/apply statically', () => {
  const src = join(root, 'src');
  for (const f of files(src)) {
    const rel = relative(src, f).split('\\').join('/');
    const text = readFileSync(f, 'utf8');
    const code = text.split('\n').filter((l) => !l.trim().startsWith('//')).join('\n');
    if (!rel.startsWith('apply/')) {
      expect(code, rel).not.toMatch(/['"]@pulumi\//);
      expect(code, rel).not.toMatch(/^import (?!type)[^;]*from '\.\.\/apply\//m);
    }
    // Inside apply/, the SDK is imported with import() or `import type` only.
    expect(code, rel).not.toMatch(/^import (?!type)[^;]*from '@pulumi\//m);
  }
});
