import { show } from '../../common/findings.js';
import { defineRule } from '../types.js';

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'name/file-matches-name',
    severity: 'error',
    title: 'File name differs from metadata.name',
    rationale:
      'The file name is how people (and CODEOWNERS, plan and history) find an identity; with one name per ' +
      'file the filesystem keeps names unique, and a file called reader.yaml that defines admin misleads ' +
      'every reviewer.',
    fix:
      "Rename the file to <metadata.name>.yaml, or set metadata.name to the file's name (a rename of a live " +
      'identity also needs metadata.renamedFrom).',
    owasp: ['NHI9'],
  },
  // A decommissioned identity keeps its file and name until it is deleted: it must still match.
  tombstones: true,
  messages: {
    differs: 'metadata.name {{name}} differs from the file name {{base}}; they must be equal',
  },
  check({ file, data }) {
    const base = file.slice(file.lastIndexOf('/') + 1).replace(/\.ya?ml$/i, '');
    const name = data.metadata.name;
    if (base === name) return [];
    return [{ path: ['metadata', 'name'], messageId: 'differs', data: { name: show(name, 60), base: show(base, 60) } }];
  },
});
