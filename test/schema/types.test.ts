import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generated, generateTypes } from './generate-types.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('types derived from the schema', () => {
  it.each(generated)('src/manifest/$schema.generated.ts is current', async ({ schema, name }) => {
    const target = `${root}/src/manifest/${schema}.generated.ts`;
    const fresh = await generateTypes(root, schema, name);
    if (process.env.UPDATE) writeFileSync(target, fresh);
    expect(readFileSync(target, 'utf8')).toBe(fresh);
  });
});
