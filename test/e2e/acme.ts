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

/**
 * The CA certificate examples/acme's org.yaml names (targets.vault.certificateAuthorities): a repository
 * built from that org.yaml needs the file too, or validate reports the CA as missing.
 */
export const ACME_CA: Record<string, string> = {
  'certificates/factory-ca.pem': readFileSync(join(ACME, 'certificates/factory-ca.pem'), 'utf8'),
};
