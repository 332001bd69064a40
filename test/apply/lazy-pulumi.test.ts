// validate and plan must start fast: only src/apply imports @pulumi/*, and the CLI reaches it only
// through a dynamic import from the apply command. Outside src/apply, `import type` from @pulumi/*
// is allowed (compile types its inputs with the SDKs' Args) because it leaves no trace in the
// JavaScript: checked on the emitted code, so `import { type X }` (which keeps an empty import) fails.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';
import { root } from '../e2e/cli.js';

function files(dir: string, ext = '.ts'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), ext) : e.name.endsWith(ext) ? [join(dir, e.name)] : [],
  );
}

/** The JavaScript tsc emits for `text` as an ES module (package.json `"type": "module"`) under verbatimModuleSyntax. */
function emitted(text: string, fileName: string): string {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ES2022,
    verbatimModuleSyntax: true,
    removeComments: true,
  };
  return ts.transpileModule(text, { compilerOptions: options, fileName }).outputText;
}

let cache: { rel: string; code: string; js: string }[] | undefined;
function sources(): { rel: string; code: string; js: string }[] {
  const src = join(root, 'src');
  return (cache ??= files(src).map((f) => {
    const text = readFileSync(f, 'utf8');
    return {
      rel: relative(src, f).split('\\').join('/'),
      code: text
        .split('\n')
        .filter((l) => !l.trim().startsWith('//'))
        .join('\n'),
      js: text.includes('@pulumi') ? emitted(text, f) : text,
    };
  }));
}

it('@pulumi/* is loaded only from src/apply, and nothing outside imports src/apply statically', () => {
  for (const { rel, code, js } of sources()) {
    if (!rel.startsWith('apply/')) {
      expect(js, rel).not.toMatch(/['"]@pulumi\//);
      expect(code, rel).not.toMatch(/^import (?!type)[^;]*from '\.\.\/apply\//m);
    }
    // Everywhere, the SDK is imported with import() or `import type` only.
    expect(code, rel).not.toMatch(/^import (?!type)[^;]*from '@pulumi\//m);
  }
});

it('compile reaches the SDK types only through type-only imports (so the check above has something to check)', () => {
  const typed = sources().filter((s) => /^import type [^;]*from '@pulumi\//m.test(s.code));
  expect(typed.map((s) => s.rel)).toContain('compile/provider-types.ts');
  for (const s of typed.filter((t) => !t.rel.startsWith('apply/'))) expect(s.js, s.rel).not.toMatch(/@pulumi/);
});

it('the emitted-code check catches an import the compiler keeps', () => {
  expect(emitted("import { type Output } from '@pulumi/pulumi';\nexport type X = Output<string>;\n", 'x.ts')).toMatch(
    /['"]@pulumi\//,
  );
  expect(
    emitted("import type { Output } from '@pulumi/pulumi';\nexport type X = Output<string>;\n", 'x.ts'),
  ).not.toMatch(/@pulumi/);
});

it('the built CLI (dist/, as the e2e tests run it) loads @pulumi/* only from dist/apply', () => {
  const dist = join(root, 'dist');
  const loads = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]@pulumi\//;
  const outside = files(dist, '.js')
    .map((f) => relative(dist, f).split('\\').join('/'))
    .filter((rel) => !rel.startsWith('apply/'));
  expect(outside).toContain('compile/provider-types.js');
  for (const rel of outside) expect(readFileSync(join(dist, rel), 'utf8'), rel).not.toMatch(loads);
  expect(readFileSync(join(dist, 'apply/program.js'), 'utf8')).toMatch(loads);
});
