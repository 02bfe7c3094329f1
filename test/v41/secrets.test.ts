import { isSecretKey, parseWithoutSecrets } from '../../datasources/v41/secrets';

describe('secret stripping', () => {
  it.each([
    ['password', true],
    ['webauthn_credentials', true],
    ['current_session_id', true],
    ['client_secret', true],
    ['ClientSecret', true],
    ['access_token', true],
    ['api_token', true],
    ['refresh_token', true],
    ['password_change_required', false],
    ['RefreshTimestamp', false],
    ['mfa', false],
    ['full_name', false],
  ])('%s is a secret key: %s', (key, secret) => {
    expect(isSecretKey(key)).toBe(secret);
  });

  it('removes secrets at any depth, arrays included, and the seed of an mfa object', () => {
    const body = JSON.stringify({
      count: 1,
      items: [
        {
          id: 'u1',
          password: { password: 'hunter2', created: 'x' },
          mfa: { status: 'ENABLED', seed: 'JBSWY3DPEHPK3PXP' },
          attributes: [{ key: 'k', value: 'v', nested: [{ access_token: 'at', keep: 1 }] }],
          x_integration: { client_secret: 's', deeper: { refresh_token: 'rt', region: 'eu' } },
          password_change_required: true,
        },
      ],
    });
    expect(parseWithoutSecrets(body)).toEqual({
      count: 1,
      items: [
        {
          id: 'u1',
          mfa: { status: 'ENABLED' },
          attributes: [{ key: 'k', value: 'v', nested: [{ keep: 1 }] }],
          x_integration: { deeper: { region: 'eu' } },
          password_change_required: true,
        },
      ],
    });
  });

  it('passes bodies that are not objects through', () => {
    expect(parseWithoutSecrets('42')).toBe(42);
    expect(parseWithoutSecrets('null')).toBeNull();
    expect(parseWithoutSecrets('[{"token":"t","a":1}]')).toEqual([{ a: 1 }]);
  });
});
