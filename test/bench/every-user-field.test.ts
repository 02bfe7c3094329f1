import { join } from 'node:path';
import { assertSelectsEveryUserField, everyUserFieldFragment } from '../../bench/queries';

/** `npm run bench` refuses to start when its every-field fragment misses a User field: catch it here first. */
describe("the benchmark's every-field fragment", () => {
  it('selects every field the committed SDL gives User', () => {
    const root = join(__dirname, '..', '..');
    expect(() => assertSelectsEveryUserField(everyUserFieldFragment(root), root)).not.toThrow();
  });
});
