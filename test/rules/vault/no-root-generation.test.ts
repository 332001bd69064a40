import { edit, IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
type Entry = [path: string, capabilities: string];
/** IDENTITY plus access.vault: entry i's path is on line 28 + 2i (column 17), its capabilities on line 29 + 2i (from column 26). */
const vault = (...entries: Entry[]) => `${IDENTITY}    vault:\n      auth: kubernetes\n      paths:\n${entries.map(([p, c]) => `        - path: "${p}"\n          capabilities: [${c}]\n`).join('')}`;
/** An elevation of 2026-11-23 08:00–16:00Z: after one base entry, its path i is on line 38 + 2i (column 21), capabilities on 39 + 2i (from column 30). */
const elevated = (text: string, ...entries: Entry[]) => `${text}  elevations:\n    - reason: INC-1 replay failed settlements\n      approvedBy: dave@example.com\n      from: 2026-11-23T08:00:00Z\n      until: 2026-11-23T16:00:00Z\n      access:\n        vault:\n          paths:\n${entries.map(([p, c]) => `            - path: "${p}"\n              capabilities: [${c}]\n`).join('')}`;
const ACTIVE = '2026-11-23T09:00:00Z';
const status = (text: string, s: string) => edit(text, '  expires: 2027-05-31\n', `  expires: 2027-05-31\n  status: ${s}\n`);
const BASE: Entry = ['kv/data/payments/app/*', 'read'];


ruleTable('vault/no-root-generation', {
  good: [
    { name: 'seal status and attempt status are reads', files: { [at]: vault(['sys/seal-status', 'read'], ['sys/generate-root/attempt', 'read'], ['sys/rekey/init', 'read']) } },
    { name: 'sys/* is vault/no-sys-path\'s', files: { [at]: vault(['sys/*', 'update']) } },
    { name: 'an elevation outside its window', files: { [at]: elevated(vault(BASE), ['sys/seal', 'update']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['sys/seal', 'update']), 'decommissioned') } },
  ],
  bad: [
    { name: 'seal the cluster', files: { [at]: vault(['sys/seal', 'update']) }, expect: [{ line: 28, column: 17, message: /Vault path "sys\/seal" grants update on sys\/seal: root token generation, rekey, seal or step-down/ }] },
    { name: 'step down', files: { [at]: vault(BASE, ['sys/step-down', 'update, sudo']) }, expect: [{ line: 30, column: 17, message: /on sys\/step-down:/ }] },
    { name: 'generate a root token', files: { [at]: vault(['sys/generate-root/*', 'update, delete']) }, expect: [{ line: 28, column: 17, message: /on sys\/generate-root\*:/ }] },
    { name: 'rekey the recovery key', files: { [at]: vault(['sys/rekey-recovery-key/init', 'update']) }, expect: [{ line: 28, column: 17, message: /on sys\/rekey\*:/ }] },
    { name: 'rotate the keyring', files: { [at]: vault(['sys/rotate', 'update']) }, expect: [{ line: 28, column: 17, message: /on sys\/rotate:/ }] },
    { name: 'a generated recovery token', files: { [at]: vault(['sys/generate-recovery-token/attempt', 'update']) }, expect: [{ line: 28, column: 17 }] },
    { name: 'an active elevation', now: ACTIVE, files: { [at]: elevated(vault(BASE), ['sys/seal', 'update']) }, expect: [{ line: 38, column: 21 }] },
    { name: 'a suspended identity is still checked', files: { [at]: status(vault(['sys/step-down', 'update']), 'suspended') }, expect: [{ line: 29, column: 17 }] },
  ],
});
