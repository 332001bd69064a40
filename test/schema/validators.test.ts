import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateValidators } from './generate-validators.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('validators derived from the schema', () => {
  it('src/manifest/validators.generated.ts is current', () => {
    const target = `${root}/src/manifest/validators.generated.ts`;
    const fresh = generateValidators(root);
    if (process.env.UPDATE) writeFileSync(target, fresh);
    expect(readFileSync(target, 'utf8')).toBe(fresh);
  });
});
