import type { Variant } from './variants';

/**
 * The servers of the load section: a variant of the main table (its script and env) plus settings of its own.
 * One more line here measures another deployment shape (e.g. `{ WEB_CONCURRENCY: '2' }`) at each connection count.
 */
export interface LoadVariant {
  key: string;
  label: string;
  variant: Variant;
  /** Added to the variant's env (and `BENCH_LOAD_ENV`, which applies to every load variant). */
  env: Record<string, string>;
}

/** `BENCH_LOAD_ENV="MAX_IN_FLIGHT=8,MAX_QUEUED=0"`: try other settings on every server of the load section. */
export function loadEnvFrom(raw = process.env.BENCH_LOAD_ENV ?? ''): Record<string, string> {
  const pairs = raw.split(/[\s,]+/).filter((item) => item !== '');
  return Object.fromEntries(
    pairs.map((pair) => {
      const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(pair);
      if (!match) throw new Error(`BENCH_LOAD_ENV: expected NAME=value, got ${JSON.stringify(pair)}`);
      return [match[1], match[2]];
    }),
  );
}

export function loadVariants(variants: Variant[]): LoadVariant[] {
  const of = (key: Variant['key']) => variants.find((v) => v.key === key);
  const product = of('product');
  const workers2 = of('workers2');
  const alt = of('alt');
  const extra = loadEnvFrom();
  return [
    ...(product ? [{ key: 'product', label: product.label, variant: product, env: extra }] : []),
    ...(workers2 ? [{ key: 'workers2', label: workers2.label, variant: workers2, env: extra }] : []),
    ...(alt ? [{ key: 'alt', label: alt.label, variant: alt, env: extra }] : []),
  ];
}
