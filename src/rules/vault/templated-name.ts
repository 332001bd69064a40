import { show } from '../../common/findings.js';
import { declaredVaultPaths } from '../../access/vault-paths.js';
import { defineRule, type Report } from '../types.js';

// Names are mutable and reusable; ids are not. identity.groups.names.<name>… is keyed on a group's
// name in the same way.
const NAME_TEMPLATE = /\{\{identity\.(?:entity\.name|entity\.aliases\.[^.}]+\.name|groups\.names\.[^}]*)\}\}/;

const messages = {
  nameTemplate:
    'Vault path {{path}} is templated on {{template}}: names can change or be taken over by another entity; ' +
    'template on an id instead',
} as const;

export default defineRule({
  kind: 'identity',
  meta: {
    id: 'vault/templated-name',
    severity: 'warning',
    title: 'Vault path templated on a name',
    rationale:
      'Entity, alias and group names can be changed, and a name that is freed can be taken by another ' +
      'entity, which then receives this access; ids cannot be reused.',
    fix: 'Template on ids: {{identity.entity.id}}, {{identity.entity.aliases.<mount accessor>.id}}.',
    owasp: ['NHI5', 'NHI9'],
  },
  messages,
  check({ data }, { now }) {
    const out: Report<typeof messages>[] = [];
    for (const p of declaredVaultPaths(data, now)) {
      const m = NAME_TEMPLATE.exec(p.path);
      if (m) out.push({ path: p.at, messageId: 'nameTemplate', data: { path: show(p.path), template: show(m[0]) } });
    }
    return out;
  },
});
