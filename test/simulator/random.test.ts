import { deriveSeed, isUuid, Random, Weights } from '../../datasources/simulator/random';

describe('Random', () => {
  it('repeats its sequence for a seed', () => {
    const a = new Random(41);
    const b = new Random(41);
    const draws = (rng: Random) => Array.from({ length: 20 }, () => rng.uint32());
    expect(draws(a)).toEqual(draws(b));
    expect(draws(new Random(42))).not.toEqual(draws(new Random(41)));
  });

  it('makes RFC 4122 version-4-format UUIDs', () => {
    const rng = new Random(7);
    const uuids = Array.from({ length: 2000 }, () => rng.uuid());
    for (const uuid of uuids) {
      expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(isUuid(uuid)).toBe(true);
    }
    expect(new Set(uuids).size).toBe(uuids.length);
    expect(new Set(uuids.map((u) => u.charAt(19)))).toEqual(new Set(['8', '9', 'a', 'b']));
  });

  it('keeps int, pick, chance, sample and weighted within bounds', () => {
    const rng = new Random(1);
    for (let i = 0; i < 1000; i += 1) {
      const n = rng.int(3, 5);
      expect(n >= 3 && n <= 5 && Number.isInteger(n)).toBe(true);
    }
    expect(['a', 'b']).toContain(rng.pick(['a', 'b']));
    expect(() => rng.pick([])).toThrow(RangeError);
    expect(Array.from({ length: 100 }, () => rng.chance(0)).some(Boolean)).toBe(false);
    const sample = rng.sample([1, 2, 3, 4, 5], 3);
    expect(new Set(sample).size).toBe(3);
    const weights = new Weights([
      ['never', 0],
      ['always', 1],
    ]);
    expect(Array.from({ length: 100 }, () => rng.weighted(weights))).not.toContain('never');
    expect(rng.digits(6)).toMatch(/^\d{6}$/);
  });

  it('accepts any safe integer seed and derives independent streams', () => {
    expect(new Random(-5).uint32()).not.toBe(new Random(5).uint32());
    expect(new Random(2 ** 40).uint32()).not.toBe(new Random(0).uint32());
    expect(() => new Random(0.5)).toThrow(RangeError);
    expect(deriveSeed(41, 1)).not.toBe(deriveSeed(41, 2));
    expect(deriveSeed(41, 1)).toBe(deriveSeed(41, 1));
  });
});
