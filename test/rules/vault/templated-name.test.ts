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

/** An elevation in the window `from`–`until`: after one base entry, its path is on line 38 (column 21). */
const window = (text: string, from: string, until: string, ...entries: Entry[]) => edit(elevated(text, ...entries), "from: 2026-11-23T08:00:00Z\n      until: 2026-11-23T16:00:00Z", `from: ${from}\n      until: ${until}`);
const FUTURE = ["2026-11-24T08:00:00Z", "2026-11-24T16:00:00Z"] as const;
const ENDED = ["2026-11-22T08:00:00Z", "2026-11-22T16:00:00Z"] as const;

ruleTable('vault/templated-name', {
  good: [
    { name: 'templated on ids', files: { [at]: vault(['kv/data/payments/{{identity.entity.id}}/*', 'read'], ['kv/data/payments/{{identity.entity.aliases.auth_kubernetes_1a2b3c4d.id}}/*', 'read']) } },
    { name: 'an ended elevation', files: { [at]: window(vault(BASE), ...ENDED, ['kv/data/payments/{{identity.entity.name}}/*', 'read']) } },
    { name: 'a tombstone', files: { [at]: status(vault(['kv/data/payments/{{identity.entity.name}}/*', 'read']), 'decommissioned') } },
  ],
  bad: [
    { name: 'the entity name', files: { [at]: vault(['kv/data/payments/{{identity.entity.name}}/*', 'read']) }, expect: [{ line: 28, column: 17, message: /Vault path "kv\/data\/payments\/\{\{identity.entity.name\}\}\/\*" is templated on "\{\{identity.entity.name\}\}": names can change or be taken over by another entity/ }] },
    { name: 'an alias name', files: { [at]: vault(BASE, ['kv/data/payments/{{identity.entity.aliases.auth_kubernetes_1a2b3c4d.name}}', 'read']) }, expect: [{ line: 30, column: 17, message: /aliases.auth_kubernetes_1a2b3c4d.name/ }] },
    { name: 'a group name', files: { [at]: vault(['kv/data/payments/{{identity.groups.names.payments.id}}/*', 'read']) }, expect: [{ line: 28, column: 17 }] },
    { name: 'an active elevation', now: ACTIVE, files: { [at]: elevated(vault(BASE), ['kv/data/payments/{{identity.entity.name}}', 'read']) }, expect: [{ line: 38, column: 21 }] },
    { name: 'an elevation before its window opens', files: { [at]: window(vault(BASE), ...FUTURE, ['kv/data/payments/{{identity.entity.name}}', 'read']) }, expect: [{ line: 38, column: 21 }] },
    { name: 'a suspended identity is still checked', files: { [at]: status(vault(['kv/data/payments/{{identity.entity.name}}', 'read']), 'suspended') }, expect: [{ line: 29, column: 17 }] },
  ],
});
