import { catalogueJson, catalogueMarkdown, catalogueText } from '../render/rule-catalogue.js';
import { rules } from '../rules/index.js';
import { common, oneOf } from './common.js';
import { docsUrl } from './package-info.js';
import { emit } from './write.js';

export async function run(_args: string[], opts: Record<string, string | undefined>): Promise<number> {
  common(opts);
  const format = oneOf('--format', opts.format, ['markdown', 'json', 'text'] as const, 'markdown');
  await emit(format === 'json' ? catalogueJson(rules, docsUrl) : format === 'text' ? catalogueText(rules) : catalogueMarkdown(rules), opts.out);
  return 0;
}
