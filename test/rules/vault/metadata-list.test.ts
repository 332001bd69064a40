import { edit, IDENTITY, ORG, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';
type Entry = [path: string, capabilities: string];
/** IDENTITY plus access.vault: entry i's path is on line 28 + 2i (column 17), its capabilities on line 29 + 2i (from column 26). */
const vault = (...entries: Entry[]) => `${IDENTITY}    vault:\n      auth: kubernetes\n      paths:\n${entries.map(([p, c]) => `        - path: "${p}"\n          capabilities: [${c}]\n`).join('')}`;
/** An elevation of 2026-11-23 08:00–16:00Z: after one base entry, its path i is on line 38 + 2i (column 21), capabilities on 39 + 2i (from column 30). */
const elevated = (text: string, ...entries: Entry[]) => `${text}  elevations:\n    - reason: INC-1 replay failed settlements\n      approvedBy: dave@example.com\n      from: 2026-11-23T08:00:00Z\n      until: 2026-11-23T16:00:00Z\n      access:\n        vault:\n          paths:\n${entries.map(([p, c]) => `            - path: "${p}"\n              capabilities: [${c}]\n`).join('')}`;
const ACTIVE = '2026-11-23T09:00:00Z';
const status = (text: string, s: string) => edit(text, '  expires: 2027-05-31\n', `  expires: 2027-05-31\n  status: ${s}\n`);
const BASE: Entry = ['kv/data/payments/app/*', 'read'];

const mounts = (list: string) => edit(ORG, 'mounts: { kv: kv-v2, pki: pki }', `mounts: { ${list} }`);

ruleTable('vault/metadata-list', {
  good: [
    { name: 'reading metadata', files: { [at]: vault(BASE, ['kv/metadata/payments/*', 'read']) } },
    { name: 'list on data/ shows nothing', files: { [at]: vault(['kv/data/payments/*', 'list']) } },
    { name: 'a KV v1 mount', files: { 'identities/org.yaml': mounts('kv: kv, pki: pki'), [at]: vault(['kv/metadata/payments/*', 'list']) } },
    { name: 'list denied on the same path', files: { [at]: vault(['kv/metadata/payments/*', 'list'], ['kv/metadata/payments/*', 'deny']) } },
    { name: 'without org.yaml', files: { 'identities/org.yaml': null, [at]: vault(['kv/metadata/payments/*', 'list']) } },
    { name: 'an elevation outside its window', files: { [at]: elevated(vault(BASE), ['kv/metadata/payments/*', 'list']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['kv/metadata/payments/*', 'list']), 'decommissioned') } },
  ],
  bad: [
    { name: 'list on metadata, at the capability', files: { [at]: vault(['kv/metadata/payments/*', 'read, list']) }, expect: [{ line: 29, column: 32, message: /list on Vault path "kv\/metadata\/payments\/\*" \(KV v2 mount "kv"\) shows the name of every secret below it, readable or not: Vault does not filter list results by policy/ }] },
    { name: 'a glob over the whole mount', files: { [at]: vault(BASE, ['kv/*', 'list']) }, expect: [{ line: 31, column: 26 }] },
    { name: 'a segment wildcard', files: { [at]: vault(['kv/+/payments/', 'list']) }, expect: [{ line: 29, column: 26 }] },
    { name: 'an active elevation', now: ACTIVE, files: { [at]: elevated(vault(BASE), ['kv/metadata/payments/*', 'read, list']) }, expect: [{ line: 39, column: 36 }] },
    { name: 'a suspended identity is still checked', files: { [at]: status(vault(['kv/metadata/payments/*', 'list']), 'suspended') }, expect: [{ line: 30, column: 26 }] },
  ],
});
