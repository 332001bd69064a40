// Where a rule's documentation lives: docs/rules/<id>.md in the project's repository, whose URL is
// package.json's `homepage` (read at the cli edge and passed in, so the core reads no files).
// test/docs.test.ts keeps one page per registered rule, so only those have a URL.

import { ruleById } from './index.js';

export function ruleDocsUrl(homepage: string, id: string): string | null {
  return ruleById.has(id) ? `${homepage.replace(/\/+$/, '')}/blob/main/docs/rules/${id}.md` : null;
}
