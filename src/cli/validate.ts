import { validate } from '../check/validate.js';
import { FsSource } from '../io/fs-source.js';
import { ruleById } from '../rules/index.js';
import { common, oneOf, positiveInt, useColor } from './common.js';
import { UsageError } from './errors.js';
import { emit } from './write.js';

const FORMATS = ['text', 'json', 'github', 'sarif'] as const;

export async function run(paths: string[], opts: Record<string, string | undefined>): Promise<number> {
  const { dir, now } = common(opts);
  const format = oneOf('--format', opts.format, FORMATS, 'text');
  const max = positiveInt('--max-findings', opts.maxFindings, 500);
  const source = new FsSource(dir);
  const targets = paths.length ? paths : ['identities'];
  const { workerRunner } = await import('../io/worker-pool.js');
  const result = await validate(source, { paths: targets, now, runner: workerRunner(dir) });
  if (!result.ok) throw new UsageError(result.message);
  const all = result.value.findings;
  const shown = all.slice(0, max);
  const report = { identities: result.value.identities, findings: shown, ...(all.length > max ? { truncated: all.length - max } : {}) };
  const meta = (id: string) => ruleById.get(id)?.meta;
  let text: string;
  switch (format) {
    case 'json':
      text = (await import('../render/findings-json.js')).renderJson(report);
      break;
    case 'github':
      text = (await import('../render/findings-github.js')).renderGithub(report);
      break;
    case 'sarif':
      text = (await import('../render/findings-sarif.js')).renderSarif(report, { version: '0.1.0' });
      break;
    default:
      text = (await import('../render/findings-text.js')).renderText(report, { color: opts.out === undefined && useColor(process.stdout), meta });
  }
  await emit(text, opts.out);
  return all.some((f) => f.severity === 'error') ? 1 : 0;
}
