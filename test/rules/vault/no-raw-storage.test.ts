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


ruleTable('vault/no-raw-storage', {
  good: [
    { name: 'no sys/raw', files: { [at]: vault(BASE, ['sys/rawdata', 'read']) } },
    { name: 'sys/* is vault/no-sys-path\'s', files: { [at]: vault(['sys/*', 'read']) } },
    { name: 'sys/raw denied', files: { [at]: vault(['sys/raw/*', 'deny']) } },
    { name: 'an elevation outside its window', files: { [at]: elevated(vault(BASE), ['sys/raw/*', 'read']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['sys/raw/*', 'read']), 'decommissioned') } },
  ],
  bad: [
    { name: 'reading raw storage', files: { [at]: vault(['sys/raw/*', 'read']) }, expect: [{ line: 28, column: 17, message: /Vault path "sys\/raw\/\*" grants read on sys\/raw: raw access to Vault's storage, below every policy/ }] },
    { name: 'listing sys/raw', files: { [at]: vault(BASE, ['sys/raw', 'list']) }, expect: [{ line: 30, column: 17, message: /grants list/ }] },
    { name: 'a prefix', files: { [at]: vault(['sys/raw*', 'read, update']) }, expect: [{ line: 28, column: 17, message: /grants read, update/ }] },
    { name: 'an active elevation', now: ACTIVE, files: { [at]: elevated(vault(BASE), ['sys/raw/core', 'read']) }, expect: [{ line: 38, column: 21 }] },
    { name: 'a suspended identity is still checked', files: { [at]: status(vault(['sys/raw/*', 'read']), 'suspended') }, expect: [{ line: 29, column: 17 }] },
  ],
});
