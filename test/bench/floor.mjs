// The floor: what any positional YAML validator must pay — read every file, parse it with `yaml`
// keeping positions, check it against the schema. One core, no rules. Prints JSON on stdout.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { LineCounter, parseDocument } from 'yaml';
import { Ajv } from 'ajv';

const require = createRequire(import.meta.url);
const root = process.argv[2];
const t0 = performance.now();
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
ajv.addFormat('date-time', /T/);
const validate = ajv.compile(require('../../schema/machine-identity.schema.json'));
let files = 0;
let invalid = 0;
const dir = join(root, 'identities');
for (const team of readdirSync(dir, { withFileTypes: true })) {
  if (!team.isDirectory()) continue;
  for (const f of readdirSync(join(dir, team.name))) {
    const text = readFileSync(join(dir, team.name, f), 'utf8');
    const doc = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false });
    if (!validate(doc.toJS())) invalid++;
    files++;
  }
}
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ files, invalid, ms, maxRSS: process.resourceUsage().maxRSS }) + '\n');
