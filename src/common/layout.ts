// Where things are in an identity repository (SPEC §1): the one place that names the identities/
// folder, its org.yaml and the CODEOWNERS file idac writes. Everything else asks here.

/** The folder every manifest lives under, relative to the repository root. */
export const IDENTITIES_DIR = 'identities';

/** The Organization manifest: teams, members, boundaries, limits. */
export const ORG_FILE = `${IDENTITIES_DIR}/org.yaml`;

/** The CODEOWNERS file `idac codeowners` writes and `codeowners/stale` checks. */
export const CODEOWNERS_FILE = '.github/CODEOWNERS';

/** Whether a repo-relative path is an identity manifest: a YAML file under identities/, not org.yaml. */
export function isIdentityPath(path: string): boolean {
  return path.startsWith(`${IDENTITIES_DIR}/`) && path !== ORG_FILE && /\.ya?ml$/i.test(path);
}

/** The identity name a file's base name gives (`identities/a/svc-x.yaml` → `svc-x`); it must equal metadata.name. */
export function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1).replace(/\.ya?ml$/i, '');
}
