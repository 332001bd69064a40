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


ruleTable('vault/no-mount-management', {
  good: [
    { name: 'reading the mount table', files: { [at]: vault(['sys/mounts', 'read'], ['sys/mounts/*', 'read, list']) } },
    { name: 'sys/* is vault/no-sys-path\'s', files: { [at]: vault(['sys/*', 'update']) } },
    { name: 'an elevation outside its window', files: { [at]: elevated(vault(BASE), ['sys/mounts/*', 'update']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['sys/mounts/*', 'update']), 'decommissioned') } },
  ],
  bad: [
    { name: 'mount and unmount engines', files: { [at]: vault(['sys/mounts/*', 'create, update, delete']) }, expect: [{ line: 28, column: 17, message: /Vault path "sys\/mounts\/\*" grants create, update, delete on secrets engine mounts/ }] },
    { name: 'tune one mount', files: { [at]: vault(BASE, ['sys/mounts/kv/tune', 'update']) }, expect: [{ line: 30, column: 17 }] },
    { name: 'move a mount', files: { [at]: vault(['sys/remount', 'update']) }, expect: [{ line: 28, column: 17 }] },
    { name: 'a prefix confined to sys/m…', files: { [at]: vault(['sys/m*', 'delete']) }, expect: [{ line: 28, column: 17 }] },
    { name: 'an active elevation', now: ACTIVE, files: { [at]: elevated(vault(BASE), ['sys/mounts/*', 'update']) }, expect: [{ line: 38, column: 21 }] },
    { name: 'a suspended identity is still checked', files: { [at]: status(vault(['sys/remount', 'update']), 'suspended') }, expect: [{ line: 29, column: 17 }] },
  ],
});
