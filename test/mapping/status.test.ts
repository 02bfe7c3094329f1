import type { V41LocalUser, V41Source } from '../../datasources/v41/models';
import { statusNeedsLocalRecord, userStatus } from '../../src/entities/user/status.mapping';
import { UserStatus } from '../../src/entities/user/user-status.type';
import { localUser, rsUser, source } from './factories';

describe('userStatus', () => {
  const invited = localUser({ password_change_required: true });
  const settled = localUser({ password_change_required: false });

  it.each<[string, V41Source | undefined, V41LocalUser | null, UserStatus, string]>([
    ['disabled directory', source({ enabled: false }), null, UserStatus.INACTIVE, 'source_disabled'],
    ['password change required', source(), invited, UserStatus.INVITED, 'password_change_required'],
    ['directory status not OK', source({ status_code: 'CONNECTION_FAILED' }), null, UserStatus.ACTIVE, 'CONNECTION_FAILED'],
    ['directory status as sent (case kept)', source({ status_code: ' Sync_Error ' }), settled, UserStatus.ACTIVE, 'Sync_Error'],
    ['directory OK', source({ status_code: 'OK' }), settled, UserStatus.ACTIVE, 'active'],
    ['directory ok (any case)', source({ status_code: 'ok' }), null, UserStatus.ACTIVE, 'active'],
    ['blank status code', source({ status_code: ' ' }), null, UserStatus.ACTIVE, 'active'],
    ['no status code', source(), null, UserStatus.ACTIVE, 'active'],
    ['unknown directory', undefined, null, UserStatus.ACTIVE, 'active'],
    // Precedence: the first row that holds wins.
    ['disabled beats invited', source({ enabled: false }), invited, UserStatus.INACTIVE, 'source_disabled'],
    ['disabled beats status code', source({ enabled: false, status_code: 'ERROR' }), null, UserStatus.INACTIVE, 'source_disabled'],
    ['invited beats status code', source({ status_code: 'ERROR' }), invited, UserStatus.INVITED, 'password_change_required'],
    ['invited without a known directory', undefined, invited, UserStatus.INVITED, 'password_change_required'],
  ])('%s', (_case, src, local, status, rawStatus) => {
    expect(userStatus(rsUser(), src, local)).toEqual({ status, rawStatus });
  });
});

describe('statusNeedsLocalRecord', () => {
  it.each([
    ['LOCAL', true],
    ['AD', false],
    ['local', false],
    [undefined, false],
  ])('source_type %j → %s', (sourceType, expected) => {
    expect(statusNeedsLocalRecord(rsUser({ source_type: sourceType }))).toBe(expected);
  });
});
