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


ruleTable('vault/no-sudo', {
  good: [
    { name: 'no sudo', files: { [at]: vault(BASE) } },
    { name: 'sudo on auth/token/create is vault/no-token-create\'s', files: { [at]: vault(['auth/token/create', 'update, sudo']) } },
    { name: 'the same, with update from an active elevation', now: ACTIVE, files: { [at]: elevated(vault(['auth/token/create', 'sudo']), ['auth/token/create', 'update']) } },
    { name: 'sudo denied on the same path', files: { [at]: vault(['kv/data/payments/x', 'sudo'], ['kv/data/payments/x', 'deny']) } },
    { name: 'an elevation outside its window', files: { [at]: elevated(vault(BASE), ['sys/audit/*', 'update, sudo']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['kv/data/payments/x', 'read, sudo']), 'decommissioned') } },
  ],
  bad: [
    { name: 'sudo on a secret', files: { [at]: vault(['kv/data/payments/x', 'read, sudo']) }, expect: [{ line: 29, column: 32, message: /sudo on Vault path "kv\/data\/payments\/x" unlocks root-protected endpoints/ }] },
    { name: 'sudo next to a path another rule reports', files: { [at]: vault(['sys/audit/*', 'update, sudo']) }, expect: [{ line: 29, column: 34 }] },
    { name: 'sudo alone on auth/token/create', files: { [at]: vault(['auth/token/create', 'sudo']) }, expect: [{ line: 29, column: 26 }] },
    { name: 'sudo alone, the update elevation not active yet', files: { [at]: elevated(vault(['auth/token/create', 'sudo']), ['auth/token/create', 'update']) }, expect: [{ line: 29, column: 26 }] },
    { name: 'an active elevation', now: ACTIVE, files: { [at]: elevated(vault(BASE), ['kv/data/payments/replay', 'read, sudo']) }, expect: [{ line: 39, column: 36 }] },
    { name: 'a suspended identity is still checked', files: { [at]: status(vault(['kv/data/payments/x', 'sudo']), 'suspended') }, expect: [{ line: 30, column: 26 }] },
  ],
});
