import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

describe('generated typed documents (test/generated, examples/frontend/src/gql)', () => {
  it('is what codegen.yml generates from the committed schema (run `npm run codegen`)', () => {
    const root = join(__dirname, '..');
    // `--check` exits non-zero when a generated file would change.
    expect(() =>
      execFileSync(process.execPath, [join(root, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js'), '--config', 'codegen.yml', '--check'], {
        cwd: root,
        stdio: 'pipe',
      }),
    ).not.toThrow();
  }, 60_000);
});
