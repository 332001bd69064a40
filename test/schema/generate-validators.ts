// Compiles schema/*.json into standalone validator code (ajv's standalone mode), so a run loads
// ready-made functions instead of compiling the schemas (~150 ms per process, most of `plan`'s
// start-up). `UPDATE=1 npx vitest run test/schema` rewrites src/manifest/validators.generated.ts;
// the test fails when it is stale.
import { readFileSync } from 'node:fs';
import { Ajv, _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { AJV_OPTIONS } from '../../src/manifest/formats.js';

export function generateValidators(root: string): string {
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true, formats: _`formats` } });
  // The generated code calls formats.date / formats["date-time"] from src/manifest/formats.ts.
  ajv.addFormat('date', () => true);
  ajv.addFormat('date-time', () => true);
  ajv.addSchema(JSON.parse(readFileSync(`${root}/schema/machine-identity.schema.json`, 'utf8')), 'MachineIdentity');
  ajv.addSchema(JSON.parse(readFileSync(`${root}/schema/organization.schema.json`, 'utf8')), 'Organization');
  const code = standaloneCode(ajv, { MachineIdentity: 'MachineIdentity', Organization: 'Organization' })
    .replace(/^"use strict";/, '')
    .replace(
      /require\("ajv\/dist\/runtime\/([a-z0-9]+)"\)/g,
      (_m, mod: string) => `require("ajv/dist/runtime/${mod}.js")`,
    );
  return [
    '// Generated from schema/*.json by test/schema/generate-validators.ts. Do not edit:',
    '// change the schema and run `UPDATE=1 npx vitest run --config test/vitest.config.ts test/schema`.',
    '// @ts-nocheck',
    "import { createRequire } from 'node:module';",
    "import { formats } from './formats.js';",
    'const require = createRequire(import.meta.url);',
    code,
    '',
  ].join('\n');
}
