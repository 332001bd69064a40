// package.json, read once at the edge: dist/cli/ and src/cli/ both sit two folders below it.

import { createRequire } from 'node:module';
import { ruleDocsUrl } from '../rules/docs.js';

const pkg = createRequire(import.meta.url)('../../package.json') as { version: string; homepage: string };

export const version = pkg.version;
/** The project's repository: every documentation URL idac prints starts here. */
export const homepage = pkg.homepage;

export function docsUrl(rule: string): string | null {
  return ruleDocsUrl(homepage, rule);
}
