// What validate found reading a CA file org.yaml declares for Vault cert auth
// (targets.vault.certificateAuthorities): src/check/certificate-authorities.ts reads the files, the
// org/certificate-authority-file rule reports the problems, compile takes the PEM.

export type CaProblem =
  | 'outside' // absolute, or climbs out of the repository with `..`
  | 'missing'
  | 'symlink'
  | 'too-large'
  | 'unreadable'
  | 'not-pem' // no PEM certificate, or one that does not parse
  | 'private-key'; // holds a private key: a secret in git, and never what Vault should trust

export type CaFile =
  /** `notAfter`: when the last of its certificates expires (ms since the epoch): after it no login works. */
  { ok: true; file: string; pem: string; notAfter: number } | { ok: false; file: string; problem: CaProblem };
