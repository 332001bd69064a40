// A scratch copy of examples/acme for the commands that edit manifests in place.
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './cli.js';

export const ACME = join(root, 'examples/acme');

export function acmeCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'idac-acme-'));
  cpSync(ACME, dir, { recursive: true });
  return dir;
}

export const read = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');
