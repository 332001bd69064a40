import { IDENTITY, ruleTable } from '../harness.js';

const at = 'identities/payments/app.yaml';

ruleTable('parse/empty', {
  good: [
    { name: 'a clean manifest', files: { [at]: IDENTITY } },
    { name: 'comments before the manifest', files: { [at]: `# yaml-language-server: $schema=../../schema/machine-identity.schema.json\n# owned by payments\n${IDENTITY}` } },
    { name: 'a tombstone is not empty', files: { [at]: `${IDENTITY}  status: decommissioned\n` } },
  ],
  bad: [
    { name: 'zero bytes', files: { [at]: '' }, expect: [{ line: 1, column: 1, message: /^file holds no manifest \(it is empty or only comments\); delete the file to remove an identity, or set status: decommissioned/ }] },
    { name: 'only comments', files: { [at]: '# nothing here\n# yet\n' }, expect: [{ line: 1, column: 1 }] },
    { name: 'only blank lines', files: { [at]: '  \n\n' }, expect: [{ line: 1, column: 1 }] },
    { name: 'only a document marker', files: { [at]: '---\n' }, expect: [{ line: 1, column: 1 }] },
    { name: 'a document marker and a comment', files: { [at]: '--- # emptied in this PR\n...\n' }, expect: [{ line: 1, column: 1 }] },
    { name: 'an empty org.yaml', files: { 'identities/org.yaml': '', [at]: IDENTITY }, expect: [{ file: 'identities/org.yaml', line: 1, column: 1 }] },
  ],
});
