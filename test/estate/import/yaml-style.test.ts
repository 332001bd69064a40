import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { houseSpacing, houseText } from '../../../src/features/estate/import/yaml-style.js';

const ACME = fileURLToPath(new URL('../../../examples/acme/identities', import.meta.url));
const files = [
  'org.yaml',
  ...['data', 'payments', 'platform'].flatMap((t) => readdirSync(join(ACME, t)).map((f) => `${t}/${f}`)),
];

describe('houseText', () => {
  // What org.yaml merging relies on: a file in the house format is written back byte for byte.
  it.each(files)('examples/acme %s comes back byte for byte', (file) => {
    const text = readFileSync(join(ACME, file), 'utf8');
    expect(houseText(parseDocument(text, { version: '1.2' }))).toBe(text);
  });
});

describe('houseSpacing', () => {
  it.each([
    ['a: {b: 1, c: {d: 2}}', 'a: { b: 1, c: { d: 2 } }'],
    ['- {a: [x, y]}', '- { a: [x, y] }'],
    ['a: {}', 'a: {}'],
    ['a: {b: "}{", c: \'{x}\'}', 'a: { b: "}{", c: \'{x}\' }'],
    ['a: {b: "say \\"{\\""}', 'a: { b: "say \\"{\\"" }'],
    ['  # {a: 1}', '  # {a: 1}'],
    ['purpose: reads {x} and [y]', 'purpose: reads {x} and [y]'],
  ])('%s → %s', (from, to) => {
    expect(houseSpacing(from)).toBe(to);
  });
});
