import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateIndex } from './generate-index.js';
import { rules } from '../../src/rules/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the rule catalogue', () => {
  it('src/rules/index.ts lists every rule file', () => {
    const fresh = generateIndex(root);
    if (process.env.UPDATE) writeFileSync(`${root}/src/rules/index.ts`, fresh);
    expect(readFileSync(`${root}/src/rules/index.ts`, 'utf8')).toBe(fresh);
  });

  it('rule ids are unique', () => {
    expect(new Set(rules.map((r) => r.meta.id)).size).toBe(rules.length);
  });

  it.each(rules.map((r) => [r.meta.id, r] as const))(
    '%s: id matches its path, metadata complete, has its own test',
    (file, rule) => {
      expect(existsSync(`${root}/src/rules/${file}.ts`), `src/rules/${file}.ts`).toBe(true);
      expect(rule.meta.id).toMatch(/^[a-z0-9]+\/[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(['error', 'warning', 'info']).toContain(rule.meta.severity);
      for (const key of ['title', 'rationale', 'fix'] as const) expect(rule.meta[key].length).toBeGreaterThan(10);
      for (const id of rule.meta.owasp) expect(id).toMatch(/^NHI([1-9]|10)$/);
      expect(existsSync(`${root}/test/rules/${file}.test.ts`), `test/rules/${file}.test.ts`).toBe(true);
    },
  );
});
