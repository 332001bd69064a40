// Runs use the generated validators; this is where the schemas meet ajv's meta-schema check.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { AJV_OPTIONS, formats } from '../../src/manifest/formats.js';

const schema = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../schema/${name}.schema.json`, import.meta.url), 'utf8'));

describe('the schemas are valid draft-07', () => {
  it.each(['machine-identity', 'organization'])('%s compiles against the meta-schema in strict mode', (name) => {
    const ajv = new Ajv({ ...AJV_OPTIONS, validateSchema: true });
    for (const [k, f] of Object.entries(formats)) ajv.addFormat(k, f);
    expect(() => ajv.compile(schema(name))).not.toThrow();
  });

  it('plan.schema.json compiles against the meta-schema', () => {
    expect(() => new Ajv({ strict: false, validateSchema: true }).compile(schema('plan'))).not.toThrow();
  });

  it('a broken schema would be caught', () => {
    expect(() =>
      new Ajv({ validateSchema: true }).compile({ type: 'object', properties: { a: { type: 'strnig' } } }),
    ).toThrow();
  });
});
