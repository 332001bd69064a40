// What defineRule's messages promise (issue 15 item 5): every rule reports by messageId, each of its
// messages is reported somewhere, and each placeholder is well-formed and filled from data the
// reporting code names.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rules } from '../../src/rules/index.js';
import { PLACEHOLDER, type Rule } from '../../src/rules/types.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (path: string) => readFileSync(`${root}/${path}`, 'utf8');
/** The rule file without its messages block and comments: where its reports are written. */
const code = (rule: Rule) =>
  read(`src/rules/${rule.meta.id}.ts`)
    .replace(/^(const messages = | {2}messages: )\{\n[\s\S]*?\n(\} as const;| {2}\},)\n/m, '')
    .replace(/^\s*\/\/.*$/gm, '');
/** Where findings of load and plan rules (and the few made outside a rule's check) are written. */
const elsewhere = ['src/manifest', 'src/check', 'src/plan', 'src/cli', 'src/features', 'src/rules/lib']
  .flatMap((dir) =>
    (readdirSync(`${root}/${dir}`, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts'))
      .map((f) => read(`${dir}/${f}`)),
  )
  .concat(read('src/rules/engine.ts'))
  .join('\n');
const quoted = (text: string, id: string) => text.includes(`'${id}'`) || text.includes(`"${id}"`);

describe('rule messages', () => {
  it.each(rules.map((r) => [r.meta.id, r] as const))(
    '%s: reports by messageId, never a written-out message',
    (_id, rule) => {
      expect(Object.keys(rule.messages).length).toBeGreaterThan(0);
      expect(code(rule)).not.toMatch(/\bmessage\s*[:}]/);
    },
  );

  it.each(rules.map((r) => [r.meta.id, r] as const))(
    '%s: every message is reported and its placeholders are filled',
    (_id, rule) => {
      const own = code(rule);
      for (const [id, template] of Object.entries(rule.messages)) {
        expect(id, 'messageIds are camelCase').toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(template.replace(PLACEHOLDER, ''), `${id}: only {{name}} placeholders`).not.toMatch(/\{\{|\}\}/);
        const where = quoted(own, id) ? own : elsewhere;
        expect(quoted(where, id), `${rule.meta.id} message ${id} is reported`).toBe(true);
        // The loader writes load rules' text itself (src/manifest/ sits below the rules): their
        // placeholders name the parts of that text, not data keys.
        if (rule.kind === 'load' && where === elsewhere) continue;
        for (const [, name] of template.matchAll(PLACEHOLDER)) {
          expect(new RegExp(`\\b${name}\\b`).test(where), `${id}: data ${name} is passed`).toBe(true);
        }
      }
    },
  );
});
