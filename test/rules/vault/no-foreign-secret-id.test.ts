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


ruleTable('vault/no-foreign-secret-id', {
  good: [
    { name: 'its own secret-id', files: { [at]: vault(['auth/approle/role/app/secret-id', 'update'], ['auth/approle/role/app/custom-secret-id', 'create']) } },
    { name: 'everything below its own role reaches only its own secret-ids', files: { [at]: vault(['auth/approle/role/app/*', 'update']) } },
    { name: 'listing another role\'s secret-id accessors is not minting', files: { [at]: vault(['auth/approle/role/other/secret-id', 'list']) } },
    { name: 'a role setting is not a secret-id', files: { [at]: vault(['auth/approle/role/other/secret-id-ttl', 'update']) } },
    { name: 'a root glob is vault/no-root-glob\'s', files: { [at]: vault(['*', 'update']) } },
    { name: 'an elevation outside its window', files: { [at]: elevated(vault(BASE), ['auth/approle/role/other/secret-id', 'update']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['auth/approle/role/other/secret-id', 'update']), 'decommissioned') } },
  ],
  bad: [
    { name: 'another role', files: { [at]: vault(['auth/approle/role/other/secret-id', 'update']) }, expect: [{ line: 28, column: 17, message: /Vault path "auth\/approle\/role\/other\/secret-id" grants update on secret-ids of AppRole roles other than its own \("app"\): it can mint login credentials for another workload/ }] },
    { name: 'any role, by segment wildcard', files: { [at]: vault(BASE, ['auth/approle/role/+/secret-id', 'update']) }, expect: [{ line: 30, column: 17 }] },
    { name: 'a * in the role position (literal to Vault: a role named *)', files: { [at]: vault(['auth/approle/role/*/secret-id', 'update']) }, expect: [{ line: 28, column: 17 }] },
    { name: 'every role', files: { [at]: vault(['auth/approle/role/*', 'create']) }, expect: [{ line: 28, column: 17, message: /grants create on/ }] },
    { name: 'a prefix that also covers app-2', files: { [at]: vault(['auth/approle/role/app*', 'update']) }, expect: [{ line: 28, column: 17 }] },
    { name: 'a custom secret-id on another AppRole mount', files: { [at]: vault(['auth/approle-prod/role/other/custom-secret-id', 'update']) }, expect: [{ line: 28, column: 17 }] },
    { name: 'destroying another role\'s secret-id', files: { [at]: vault(['auth/approle/role/other/secret-id-accessor/destroy', 'update']) }, expect: [{ line: 28, column: 17 }] },
    { name: 'an active elevation', now: ACTIVE, files: { [at]: elevated(vault(BASE), ['auth/approle/role/other/secret-id', 'update']) }, expect: [{ line: 38, column: 21 }] },
    { name: 'a suspended identity is still checked', files: { [at]: status(vault(['auth/approle/role/other/secret-id', 'update']), 'suspended') }, expect: [{ line: 29, column: 17 }] },
  ],
});
