// The CA certificates org.yaml names for Vault cert auth (targets.vault.certificateAuthorities:
// name → PEM file, relative to the repository root), read through the same Source as the manifests:
// the working tree for validate and apply, each git revision for plan, so a plan compiles the CA of
// the revision it shows. Compile is pure and gets only the PEM texts; what could not be used is kept
// as a problem for org/certificate-authority-file to report on org.yaml.

import { X509Certificate } from 'node:crypto';
import { ORG_FILE } from '../common/layout.js';
import { isOversize, normalisePath } from '../io/files.js';
import { decode, MAX_FILE_BYTES } from '../manifest/decode.js';
import type { Organization } from '../manifest/organization.generated.js';
import type { Source } from '../manifest/source.js';
import type { CaFile } from '../model/certificate-authority.js';

/** Why a declared CA file cannot be used. */
const BLOCK = /-----BEGIN CERTIFICATE-----\r?\n[\s\S]*?-----END CERTIFICATE-----/g;

/**
 * Every CA org.yaml declares, by name, each read once. `orgFile` places the repository root (the
 * folder holding identities/). Sorted by name.
 */
export async function readCertificateAuthorities(
  source: Source,
  org: Organization | null,
  orgFile: string = ORG_FILE,
): Promise<Map<string, CaFile>> {
  const declared = org?.spec.targets?.vault?.certificateAuthorities ?? {};
  const root = rootOf(orgFile);
  const out = new Map<string, CaFile>();
  for (const name of Object.keys(declared).sort()) {
    const path = declared[name];
    if (path === undefined) continue;
    out.set(name, await readOne(source, root, path));
  }
  return out;
}

/** The PEM texts compile needs (CompileContext.certificateAuthorities): the usable CAs only. */
export function certificateAuthorityPems(files: ReadonlyMap<string, CaFile>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, f] of files) if (f.ok) out.set(name, f.pem);
  return out;
}

/**
 * The repo-relative paths of the CA files org.yaml declares, those inside the repository: what a
 * plan asks git about besides identities/.
 */
export function certificateAuthorityFiles(org: Organization | null, orgFile: string = ORG_FILE): string[] {
  const root = rootOf(orgFile);
  return Object.values(org?.spec.targets?.vault?.certificateAuthorities ?? {})
    .map((declared) => (declared === undefined ? null : inRepository(root, declared)))
    .filter((f): f is string => f !== null)
    .sort();
}

/** The folder holding identities/, relative to the source root ('' at the top). */
function rootOf(orgFile: string): string {
  return orgFile.split('/').slice(0, -2).join('/');
}

/** The declared path relative to the source root; null when it is absolute or climbs out with `..`. */
function inRepository(root: string, declared: string): string | null {
  const rel = normalisePath(declared);
  if (rel === '' || declared.startsWith('/') || /^[A-Za-z]:/.test(declared) || rel.split('/').includes('..'))
    return null;
  return root === '' ? rel : `${root}/${rel}`;
}

async function readOne(source: Source, root: string, declared: string): Promise<CaFile> {
  const file = inRepository(root, declared);
  if (file === null) return { ok: false, file: declared, problem: 'outside' };
  let entry;
  try {
    entry = await source.stat(file);
  } catch {
    return { ok: false, file, problem: 'unreadable' };
  }
  if (!entry) return { ok: false, file, problem: 'missing' };
  // Never followed: a link could point anywhere on the machine that runs idac.
  if (entry.symlink) return { ok: false, file, problem: 'symlink' };
  let bytes;
  try {
    bytes = await source.read(file, MAX_FILE_BYTES);
  } catch {
    return { ok: false, file, problem: 'unreadable' };
  }
  if (isOversize(bytes)) return { ok: false, file, problem: 'too-large' };
  const decoded = decode(bytes);
  if (!decoded.ok) return { ok: false, file, problem: 'not-pem' };
  const parsed = pemCertificates(decoded.text);
  return 'problem' in parsed ? { ok: false, file, problem: parsed.problem } : { ok: true, file, ...parsed };
}

/**
 * The certificates of a PEM text, one block after another (what Vault's `certificate` field takes),
 * or why there are none usable. Anything around the blocks (comments, a bundle's headers) is dropped
 * so that only certificates reach Vault and the plan.
 */
export function pemCertificates(
  text: string,
): { pem: string; notAfter: number } | { problem: 'not-pem' | 'private-key' } {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) return { problem: 'private-key' };
  const blocks = text.match(BLOCK) ?? [];
  if (blocks.length === 0) return { problem: 'not-pem' };
  let notAfter = -Infinity;
  for (const b of blocks) {
    try {
      notAfter = Math.max(notAfter, Date.parse(new X509Certificate(b).validTo));
    } catch {
      return { problem: 'not-pem' };
    }
  }
  return { pem: `${blocks.map((b) => b.replace(/\r\n/g, '\n')).join('\n')}\n`, notAfter };
}
