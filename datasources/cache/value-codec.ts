import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * Bump when the shape of any cached value changes (a v41 model, the membership index, the facets): keys carry
 * it, so replicas of a new release never read what an old one wrote, and the old keys simply expire.
 */
export const CACHE_SCHEMA_VERSION = 'v1';

const MAP = '~m';
const SET = '~s';
const REF = '~r';
const CLASS = '~c';

/** A class whose instances may be cached, told how to travel as plain data (e.g. a Map with a second map). */
export interface CachedClass<T extends object> {
  name: string;
  type: abstract new (...args: never[]) => T;
  toPlain(value: T): unknown;
  fromPlain(plain: unknown): T;
}

const classes = new Map<string, CachedClass<object>>();

/** Lets instances of `type` be cached in a shared store; anything else that is not plain data is refused. */
export function registerCachedClass<T extends object>(cachedClass: CachedClass<T>): void {
  classes.set(cachedClass.name, cachedClass as unknown as CachedClass<object>);
}

function registeredClassOf(value: object): CachedClass<object> | undefined {
  for (const cachedClass of classes.values()) if (Object.getPrototypeOf(value) === cachedClass.type.prototype) return cachedClass;
  return undefined;
}

interface Packed {
  /** Every distinct plain object, once; `{ "~r": i }` points into it. */
  objects: unknown[];
  root: unknown;
}

/**
 * Values as compact bytes for a store shared by replicas. Plain objects are hash-consed: equal objects are
 * written once and referenced. The role-membership index repeats the same few role assignments for every
 * member, so it shrinks to user ids and small references before deflate, and decoding gives back shared
 * objects (less memory per replica than the index built from HTTP). Maps, Sets and registered classes survive
 * the round trip; anything else that is not plain data (a Date, another class) is refused rather than flattened.
 */
export function encodeValue(value: unknown): Buffer {
  const objects: unknown[] = [];
  const seen = new Map<string, number>();
  const pack = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') {
      if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') throw new TypeError(`cannot encode a ${typeof v}`);
      return v;
    }
    if (Array.isArray(v)) return v.map(pack);
    const cachedClass = registeredClassOf(v);
    if (cachedClass) return { [CLASS]: cachedClass.name, v: pack(cachedClass.toPlain(v)) };
    const proto = Object.getPrototypeOf(v) as unknown;
    // A Map or Set subclass may carry more than its entries: refused unless registered.
    if (proto === Map.prototype) return { [MAP]: [...(v as Map<unknown, unknown>)].map(([k, item]) => [pack(k), pack(item)]) };
    if (proto === Set.prototype) return { [SET]: [...(v as Set<unknown>)].map(pack) };
    if (proto !== Object.prototype && proto !== null) throw new TypeError(`cannot encode a ${(v as object).constructor?.name ?? 'non-plain object'}`);
    const packed: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(v)) if (item !== undefined) packed[k] = pack(item);
    const identity = JSON.stringify(packed);
    let ref = seen.get(identity);
    if (ref === undefined) {
      ref = objects.push(packed) - 1;
      seen.set(identity, ref);
    }
    return { [REF]: ref };
  };
  const root = pack(value);
  const packed: Packed = { objects, root };
  return deflateRawSync(JSON.stringify(packed), { level: 1 });
}

export function decodeValue(bytes: Buffer): unknown {
  const { objects, root } = JSON.parse(inflateRawSync(bytes).toString('utf8')) as Packed;
  const built: unknown[] = new Array(objects.length);
  const unpack = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(unpack);
    const tagged = v as Record<string, unknown>;
    if (REF in tagged) {
      const i = tagged[REF] as number;
      // Objects refer only to objects packed before them, so each is built once, on first use.
      if (built[i] === undefined) {
        const source = objects[i] as Record<string, unknown>;
        const object: Record<string, unknown> = {};
        for (const [k, item] of Object.entries(source)) object[k] = unpack(item);
        built[i] = object;
      }
      return built[i];
    }
    if (CLASS in tagged) {
      const cachedClass = classes.get(tagged[CLASS] as string);
      if (!cachedClass) throw new TypeError(`unknown cached class ${String(tagged[CLASS])}`);
      return cachedClass.fromPlain(unpack(tagged.v));
    }
    if (MAP in tagged) return new Map((tagged[MAP] as [unknown, unknown][]).map(([k, item]) => [unpack(k), unpack(item)]));
    if (SET in tagged) return new Set((tagged[SET] as unknown[]).map(unpack));
    throw new TypeError('unknown tag in a cached value');
  };
  return unpack(root);
}
