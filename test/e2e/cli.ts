// Runs the built CLI exactly as users do: `node dist/cli.js …` in a child process.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const cliPath = join(root, 'dist/cli.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `env`: added to this process's environment; an undefined value removes the variable. */
export function idac(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}): CliResult {
  const env = Object.fromEntries(
    Object.entries<string | undefined>({ ...process.env, NO_COLOR: '', ...opts.env }).filter(
      ([, v]) => v !== undefined,
    ),
  );
  const r = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: opts.cwd ?? root,
    encoding: 'utf8',
    env: env,
    maxBuffer: 1 << 28,
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * A child process without blocking this process's event loop (for tests that serve it, e.g. a
 * loopback GitHub). `env`: added to this process's environment; an undefined value removes it.
 */
export function runAsync(
  command: string,
  args: string[],
  opts: { cwd: string; env?: Record<string, string | undefined> },
): Promise<CliResult> {
  const env = Object.fromEntries(
    Object.entries<string | undefined>({ ...process.env, NO_COLOR: '', ...opts.env }).filter(
      ([, v]) => v !== undefined,
    ),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: opts.cwd, env: env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** `idac` without blocking this process's event loop (for a server that lives in the test process). */
export function idacAsync(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<CliResult> {
  return runAsync(process.execPath, [cliPath, ...args], { cwd: opts.cwd ?? root, env: opts.env });
}

/** A throw-away repo: repo-relative path → content. */
export function repo(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'idac-e2e-'));
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), content);
  }
  return dir;
}

export const STACK_TRACE = /^\s+at .+[:(]\d+/m;

/**
 * Why the file-permission cases cannot run here, or null. As root they run the CLI as uid 65534,
 * which must be able to reach the checkout: a clone inside a private folder (mktemp -d is 0700)
 * is out of its reach, and then nothing would be tested but Node's "cannot find module".
 */
let unprivilegedSkip: string | null | undefined;
export function whyNoUnprivileged(): string | null {
  if (unprivilegedSkip !== undefined) return unprivilegedSkip;
  if (process.getuid?.() !== 0) return (unprivilegedSkip = null);
  const r = spawnSync(process.execPath, [cliPath, '--version'], { encoding: 'utf8', uid: 65534, gid: 65534 });
  return (unprivilegedSkip =
    r.status === 0
      ? null
      : `the suite runs as root and uid 65534 cannot run ${cliPath} (a folder above it is not searchable by ` +
        `others), so file permissions cannot be tested here`);
}

/**
 * The CLI as an unprivileged user, so file permissions hold even when the suite runs as root
 * (root reads and writes a mode-000 file). The scratch copy is opened up for traversal.
 */
export function idacUnprivileged(args: string[], dir: string): CliResult {
  chmodSync(dir, 0o755);
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const r = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '' },
    ...asUser,
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
