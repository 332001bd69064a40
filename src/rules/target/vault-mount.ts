import { show, type Path } from '../../common/findings.js';
import { vaultMount } from '../../access/vault-paths.js';
import { defineRule, type Report } from '../types.js';

// Vault's own paths are not mounts an org declares: sys/ (core), auth/ (auth methods, the token
// store), identity/ and cubbyhole/. The vault/* rules judge what is done there.
const BUILT_IN = /^(?:sys|auth|identity|cubbyhole)(?:\/|$)/;

const messages = {
  undeclaredPath: 'Vault path {{path}} is not under a mount declared in org.yaml targets.vault.mounts',
  undeclaredMount: 'certificate mount {{mount}} is not declared in org.yaml targets.vault.mounts',
  notPki: 'certificate mount {{mount}} is of type {{type}}, not pki',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'target/vault-mount',
    severity: 'error',
    title: 'Vault mount is not a declared target',
    rationale:
      'idac only manages the Vault mounts org.yaml declares under targets.vault.mounts; a path on an ' +
      "undeclared mount (or a glob reaching across mounts) cannot be reviewed against the mount's type, and " +
      'certificates can only come from a pki mount.',
    fix:
      'Start every Vault path with a mount declared in identities/org.yaml targets.vault.mounts followed by ' +
      '"/", and take certificates from a declared mount of type pki; or have a security owner declare the mount.',
    owasp: ['NHI5', 'NHI8'],
  },
  messages,
  check({ data }, { org }) {
    if (!org) return [];
    const mounts = org.spec.targets?.vault?.mounts ?? {};
    const names = Object.keys(mounts);
    const { access, delivery, elevations } = data.spec;
    const paths: { path: string; at: Path }[] = [];
    (access.vault?.paths ?? []).forEach((p, i) =>
      paths.push({ path: p.path, at: ['spec', 'access', 'vault', 'paths', i, 'path'] }),
    );
    (elevations ?? []).forEach((e, j) =>
      (e.access.vault?.paths ?? []).forEach((p, i) =>
        paths.push({ path: p.path, at: ['spec', 'elevations', j, 'access', 'vault', 'paths', i, 'path'] }),
      ),
    );
    // idac writes delivered credentials there, so that mount is a target too.
    if (delivery?.vaultPath !== undefined)
      paths.push({ path: delivery.vaultPath, at: ['spec', 'delivery', 'vaultPath'] });
    const out: Report<typeof messages>[] = [];
    for (const p of paths) {
      if (vaultMount(p.path, names) === null && !BUILT_IN.test(p.path))
        out.push({ path: p.at, messageId: 'undeclaredPath', data: { path: show(p.path) } });
    }
    (access.vault?.certificates ?? []).forEach((c, i) => {
      const at: Path = ['spec', 'access', 'vault', 'certificates', i, 'mount'];
      if (!Object.hasOwn(mounts, c.mount))
        out.push({ path: at, messageId: 'undeclaredMount', data: { mount: show(c.mount) } });
      else if (mounts[c.mount] !== 'pki')
        out.push({ path: at, messageId: 'notPki', data: { mount: show(c.mount), type: mounts[c.mount]! } });
    });
    return out;
  },
});
