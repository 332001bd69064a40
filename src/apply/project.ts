// Project settings for the Automation API, from the top-level pulumi.yaml, and where state lives.
// Pure: the caller reads the file and the environment.

import { isAbsolute, resolve } from 'node:path';
import { parse } from 'yaml';
import { fail, ok, type Result } from '../common/result.js';

export interface ProjectSettings {
  name: string;
  runtime: string;
  description?: string;
  backend?: { url: string };
}

export type ProjectResult = Result<ProjectSettings>;

const NAME = /^[A-Za-z0-9_.-]{1,100}$/;

export function parseProject(text: string, file: string): ProjectResult {
  let data: unknown;
  try {
    data = parse(text, { schema: 'core', uniqueKeys: true, maxAliasCount: 0 });
  } catch (e) {
    return fail(`${file}: not valid YAML (${(e as Error).message.split('\n')[0]})`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return fail(`${file}: expected a mapping with at least \`name\``);
  const d = data as Record<string, unknown>;
  if (typeof d.name !== 'string' || !NAME.test(d.name))
    return fail(`${file}: \`name\` must be a Pulumi project name (letters, digits, -, _ and .)`);
  const runtime =
    typeof d.runtime === 'string'
      ? d.runtime
      : typeof (d.runtime as { name?: unknown } | undefined)?.name === 'string'
        ? (d.runtime as { name: string }).name
        : 'nodejs';
  const out: ProjectSettings = { name: d.name, runtime };
  if (typeof d.description === 'string') out.description = d.description;
  const backend = d.backend as { url?: unknown } | null | undefined;
  if (backend !== undefined && backend !== null) {
    if (typeof backend !== 'object' || typeof backend.url !== 'string')
      return fail(`${file}: \`backend.url\` must be a string (s3://…, file://…, https://api.pulumi.com)`);
    out.backend = { url: backend.url };
  }
  return ok(out);
}

export interface Backend {
  /** null: Pulumi's default (the logged-in backend, Pulumi Cloud with PULUMI_ACCESS_TOKEN). */
  url: string | null;
  /** Where it came from, for people. */
  from: 'PULUMI_BACKEND_URL' | 'pulumi.yaml' | 'default';
}

/**
 * PULUMI_BACKEND_URL wins over pulumi.yaml (CI sets it per environment). A relative `file://` path
 * is taken relative to the repo root, not to the temporary directory the Automation API works in.
 */
export function backendFor(
  env: Readonly<Record<string, string | undefined>>,
  project: ProjectSettings,
  dir: string,
): Backend {
  const fromEnv = env.PULUMI_BACKEND_URL;
  const [url, from]: [string | null, Backend['from']] = fromEnv
    ? [fromEnv, 'PULUMI_BACKEND_URL']
    : project.backend
      ? [project.backend.url, 'pulumi.yaml']
      : [null, 'default'];
  if (url !== null && url.startsWith('file://')) {
    const path = url.slice('file://'.length);
    if (path !== '' && !path.startsWith('~') && !isAbsolute(path)) return { url: `file://${resolve(dir, path)}`, from };
  }
  return { url, from };
}

/**
 * A self-managed backend (file, s3, gs, azblob) encrypts secrets with a passphrase unless another
 * secrets provider is given; without one Pulumi stops mid-run. Say so before anything starts.
 */
export function secretsProblem(
  backend: Backend,
  secretsProvider: string | null,
  env: Readonly<Record<string, string | undefined>>,
): string | null {
  const selfManaged = backend.url !== null && !/^https?:\/\//.test(backend.url);
  if (!selfManaged) return null;
  if (secretsProvider !== null && secretsProvider !== 'passphrase') return null;
  if (env.PULUMI_CONFIG_PASSPHRASE !== undefined || env.PULUMI_CONFIG_PASSPHRASE_FILE !== undefined) return null;
  return (
    `the state backend ${backend.url} keeps secrets encrypted with a passphrase: set PULUMI_CONFIG_PASSPHRASE ` +
    `(or PULUMI_CONFIG_PASSPHRASE_FILE), or pass --secrets-provider awskms://…, hashivault://… or gcpkms://…`
  );
}
