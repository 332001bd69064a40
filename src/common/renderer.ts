// One interface for every output: a renderer turns one kind of data (findings, a plan, the apply
// summary, a report) into one format. Each kind keeps a registry of its formats in the stage or
// feature that owns it; a command validates --format against the registry and renders through it.
// Renderers are loaded on first use, so a command that prints nothing (idac --version) loads none.

/** One output format of one kind of data. */
export interface Renderer<T, O> {
  readonly format: string;
  render(data: T, opts: O): string;
}

/** The formats of one kind of output, in the order usage messages list them; the first is the default. */
export interface Registry<T, O, F extends string = string> {
  readonly formats: readonly F[];
  /** The renderer for `format`, loaded on first use. */
  load(format: F): Promise<Renderer<T, O>>;
  /** The same kind with only `formats` (a command that offers fewer). */
  only<G extends F>(formats: readonly G[]): Registry<T, O, G>;
}

type Loaders<T, O, F extends string> = { readonly [K in F]: () => Promise<(data: T, opts: O) => string> };

/** A registry from one loader per format (each a dynamic import), listed in usage order. */
export function registry<T, O, F extends string>(
  loaders: Loaders<T, O, F>,
  formats = Object.keys(loaders) as F[],
): Registry<T, O, F> {
  const loaded = new Map<F, Promise<Renderer<T, O>>>();
  return {
    formats,
    load(format) {
      let r = loaded.get(format);
      if (!r) loaded.set(format, (r = loaders[format]().then((render) => ({ format, render }))));
      return r;
    },
    only: (subset) => registry(loaders, [...subset]),
  };
}

/** `data` in `format`, through the kind's registry. */
export async function render<T, O, F extends string>(
  kind: Registry<T, O, F>,
  format: F,
  data: T,
  opts: O,
): Promise<string> {
  return (await kind.load(format)).render(data, opts);
}
