import { captureLogs } from '../helpers/log-capture';
import { scrubText } from '../../src/observability/redaction';

describe('the logger redacts secrets', () => {
  it('by key: authorization headers, tokens, passwords, client secrets, cookies', () => {
    const logs = captureLogs();
    logs.logger.info(
      {
        req: { headers: { authorization: 'Bearer caller.jwt.value', cookie: 'session=s3ss10n', 'x-request-id': 'r1' } },
        headers: { Authorization: 'Basic dXNlcjpwYXNz', authorization: 'Basic dXNlcjpwYXNz' },
        password: 'p4ssw0rd',
        upstream: { client_secret: 'cl13nt', access_token: 't0k3n', refresh_token: 'r3fr3sh', totp_secret: 'T0TP' },
        jwt: 'eyJhbGciOi.payload.sig',
        kept: 'visible',
      },
      'request',
    );
    const [line] = logs.lines();
    expect(line).toMatchObject({
      req: { headers: { authorization: '[REDACTED]', cookie: '[REDACTED]', 'x-request-id': 'r1' } },
      headers: { authorization: '[REDACTED]' },
      password: '[REDACTED]',
      upstream: { client_secret: '[REDACTED]', access_token: '[REDACTED]', refresh_token: '[REDACTED]', totp_secret: '[REDACTED]' },
      jwt: '[REDACTED]',
      kept: 'visible',
    });
    for (const secret of ['caller.jwt.value', 's3ss10n', 'p4ssw0rd', 'cl13nt', 't0k3n', 'r3fr3sh', 'T0TP', 'eyJhbGciOi', 'dXNlcjpwYXNz']) {
      expect(logs.text()).not.toContain(secret);
    }
  });

  it('inside free text: credentials in URLs, bearer and basic tokens, secret query parameters, in messages and errors', () => {
    const logs = captureLogs();
    const error = new Error('GET https://svc:pa55@privx.example.com/x?access_token=abc123&page=2 failed');
    logs.logger.error({ err: error, url: 'postgres://app:db-pa55@db:5432/x' }, 'call with Authorization: Bearer ey.J.x failed');
    const [line] = logs.lines();
    expect(line!.msg).toBe('call with Authorization: Bearer [REDACTED] failed');
    expect(line!.url).toBe('postgres://[REDACTED]@db:5432/x');
    expect((line!.err as { message: string }).message).toBe('GET https://[REDACTED]@privx.example.com/x?access_token=[REDACTED]&page=2 failed');
    expect((line!.err as { stack: string }).stack).not.toContain('pa55');
    expect(logs.text()).not.toMatch(/pa55|abc123|ey\.J\.x/);
  });

  it('leaves ordinary text alone', () => {
    const text = 'PrivX GET /role-store/api/v1/users/3f2a failed with 503 at http://privx.example.com:8443/path';
    expect(scrubText(text)).toBe(text);
  });
});
