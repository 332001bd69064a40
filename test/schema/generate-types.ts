// Derives the TypeScript types from schema/*.json, so the schema stays the one source of truth.
// `UPDATE=1 npx vitest run test/schema` rewrites src/manifest/*.generated.ts; the test fails when they are stale.
import { compile } from 'json-schema-to-typescript';
import { readFileSync } from 'node:fs';

export const generated = [
  { schema: 'machine-identity', name: 'MachineIdentity' },
  { schema: 'organization', name: 'Organization' },
] as const;

export async function generateTypes(root: string, schemaFile: string, name: string): Promise<string> {
  const schema = JSON.parse(readFileSync(`${root}/schema/${schemaFile}.schema.json`, 'utf8'));
  const banner =
    `// Generated from schema/${schemaFile}.schema.json by test/schema/generate-types.ts. Do not edit:\n// ` +
    `change the schema and run \`UPDATE=1 npx vitest run test/schema\`.\n`;
  return compile(schema, name, {
    bannerComment: banner,
    additionalProperties: false,
    strictIndexSignatures: true,
    format: true,
    unreachableDefinitions: false,
    declareExternallyReferenced: true,
    ignoreMinAndMaxItems: true,
  });
}
