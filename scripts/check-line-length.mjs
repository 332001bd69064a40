// Fails when a line of TypeScript or JavaScript is over 120 characters. Generated files are left out: their
// names end in .generated.ts, or their first line says "// Generated"; their generators own their layout.
// Prettier wraps code at 120 but not string literals or comments, so this is the check that holds the limit.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAX = 120;
const root = fileURLToPath(new URL('..', import.meta.url));
const skip = new Set(['node_modules', 'dist', '.git', '.bench', 'test-artifacts', 'test-results', 'fixtures']);

function* sources(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.(ts|mts|cts|js|mjs|cjs)$/.test(entry.name) && !entry.name.endsWith('.generated.ts')) yield path;
  }
}

let over = 0;
for (const file of sources(root)) {
  const lines = readFileSync(file, 'utf8').split('\n');
  if (/^\/\/ Generated\b/.test(lines[0] ?? '')) continue;
  lines.forEach((line, i) => {
    if (line.length <= MAX) return;
    over++;
    console.error(`${relative(root, file)}:${i + 1}: ${line.length} characters (at most ${MAX})`);
  });
}
if (over > 0) {
  console.error(`${over} line(s) over ${MAX} characters: split the string or rewrap the comment`);
  process.exit(1);
}
