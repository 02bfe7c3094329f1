import { captureLogs } from '../helpers/log-capture';
import { scrubText } from '../../src/observability/redaction';
import type { AppConfig } from '../../src/config';
import { describeAccess } from '../../src/startup-messages';

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

describe('redaction by key and by shape, not by word', () => {
  // A JWT of the real shape (header {"alg":"RS256","typ":"JWT"}), a 43-character base64url key, a 64-digit hex key.
  const jwt = 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSIsInNjb3BlIjoidXNlcnM6cmVhZCJ9.c2lnbmF0dXJlLWJ5dGVzLWhlcmU';
  const base64Key = 'q8Zr3VbN0xTk2LmP9wYs4HfJ7aGd1UcE6oRi5nKtBvX';
  const hexKey = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';

  it.each([
    'Access: bearer JWTs verified against https://idp.example.com, scopes enforced here.',
    'A bearer token is required: Authorization: Bearer <JWT>.',
    'The bearer token could not be verified.',
    'Basic authentication is not accepted here; send a bearer token instead.',
    'The password of a local user is never read; its token lifetime is 300 s.',
    'Cookie-free requests only; the secret word is "please".',
    'user 3f2a9c1e-7b4d-4e8a-9f10-2c3d4e5f6a7b (request 0af7651916cd43dd8448eb211c80319c) not found',
    '    at Object.<anonymous> (/work/app/node_modules/@apollo/server/dist/cjs/ApolloServer.js:123:45)',
    'GET /role-store/api/v1/roles/9b7e1c2d-0000-4000-8000-000000000001/members?offset=0&limit=1000 failed',
    // A stack frame under a checkout whose folder name mixes cases and digits, as `mktemp -d` makes them.
    '    at resolve (/tmp/tmp.Qx7Lm2Rk9A/test/observability/operation-log.test.ts:87:13)',
    '    at execute (/home/Ci4Runner/work/node_modules/graphql/execution/execute.js:306:20)',
  ])('keeps the sentence %j as written', (sentence) => {
    expect(scrubText(sentence)).toBe(sentence);
    const logs = captureLogs();
    logs.logger.warn({ detail: sentence }, sentence);
    expect(logs.lines()[0]).toMatchObject({ msg: sentence, detail: sentence });
  });

  it.each([
    [`Authorization: Bearer ${jwt}`, 'Authorization: Bearer [REDACTED]'],
    ['authorization=Basic dXNlcjpwYXNz', 'authorization=Basic [REDACTED]'],
    ['sent Cookie: session=s3ss10n; theme=dark to PrivX', 'sent Cookie: [REDACTED] to PrivX'],
    ['router-authorization: abcdefghijklmnopqrstu rejected', 'router-authorization: [REDACTED] rejected'],
    [`retrying with bearer ${jwt}`, 'retrying with bearer [REDACTED]'],
    ['then Basic dXNlcjpwYXNz went out', 'then Basic [REDACTED] went out'],
    [`token ${jwt} is expired`, 'token [REDACTED] is expired'],
    [`client secret ${base64Key} rejected`, 'client secret [REDACTED] rejected'],
    [`api key ${hexKey} rejected`, 'api key [REDACTED] rejected'],
    [`standard base64 with slashes q8Zr3VbN/xTk2LmP9wY+s4HfJ7aGd1U/cE6oRi5nKtBvX= rejected`, 'standard base64 with slashes [REDACTED] rejected'],
    ['POST /token with password=hunter2&grant_type=password', 'POST /token with password=[REDACTED]&grant_type=password'],
    ['PrivX said {"username":"alice","password":"hunter2","token":"abc"}', 'PrivX said {"username":"alice","password":"[REDACTED]","token":"[REDACTED]"}'],
  ])('redacts the secret in %j', (text, expected) => {
    expect(scrubText(text)).toBe(expected);
  });

  it('the start-up line about access reads in the log as it was written', () => {
    const line = describeAccess({ access: { jwt: { jwksUrl: 'https://idp.example.com/.well-known/jwks.json', issuer: 'i', audience: 'a' }, routerSecret: 'r0uter-s3cret-of-16+' } } as AppConfig);
    expect(line).toBe('Access: bearer JWTs verified against https://idp.example.com, scopes enforced here; only requests carrying the router-authorization secret.');
    const logs = captureLogs();
    logs.logger.info(line);
    expect(logs.lines()[0]!.msg).toBe(line);
  });

  it('still redacts real secrets by key in a logged record, whatever they look like', () => {
    const logs = captureLogs();
    logs.logger.info({ password: 'correct horse battery staple', routerSecret: 'a-long-router-secret', 'x-api-key': 'k', note: `token ${jwt}` }, 'login');
    expect(logs.lines()[0]).toMatchObject({ password: '[REDACTED]', routerSecret: '[REDACTED]', 'x-api-key': '[REDACTED]', note: 'token [REDACTED]' });
    expect(logs.text()).not.toMatch(/horse|a-long-router-secret|eyJhbGci/);
  });
});
