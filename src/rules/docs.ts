// Where a rule's documentation lives: its `meta.docs` page (docs/rules/<id>.md, derived by
// defineRule) in the project's repository, whose URL is package.json's `homepage` (read at the cli
// edge and passed in, so the core reads no files). test/docs.test.ts keeps one page per registered
// rule, so only those have a URL.

import { ruleById } from './index.js';

export function ruleDocsUrl(homepage: string, id: string): string | null {
  const docs = ruleById.get(id)?.meta.docs;
  return docs === undefined ? null : `${homepage.replace(/\/+$/, '')}/blob/main/${docs}`;
}
