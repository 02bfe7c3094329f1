import type { prettyStream as PrettyStream } from '../../src/observability/pretty-stream';

/** pino-pretty is a development dependency: the logger looks for it only when asked for human-readable lines. */
describe('prettyStream', () => {
  it('gives a pino-pretty stream where the package is installed (development)', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy of the module per case
      const { prettyStream } = require('../../src/observability/pretty-stream') as { prettyStream: typeof PrettyStream };
      const stream = prettyStream('pid,hostname');
      expect(stream).toBeDefined();
      expect(typeof stream!.write).toBe('function');
    });
  });

  it('gives nothing where it is not (a production install), so lines stay JSON', () => {
    jest.isolateModules(() => {
      jest.doMock('pino-pretty', () => {
        throw new Error("Cannot find module 'pino-pretty'");
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy of the module per case
      const { prettyStream } = require('../../src/observability/pretty-stream') as { prettyStream: typeof PrettyStream };
      expect(prettyStream('pid,hostname')).toBeUndefined();
    });
  });
});
