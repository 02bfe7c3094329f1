import { startSimulator, SIMULATOR_CREDENTIALS } from '../../datasources/simulator/server';
import { V41Client } from '../../datasources/v41/client';
import type { V41LocalUser, V41RoleStoreUser } from '../../datasources/v41/models';
import { toLocalUserCreateRecord, toLocalUserReplaceRecord, type LocalUserFields, type MappedRecord } from '../../src/local-users/local-user-writes.mapping';
import { userName } from '../../src/entities/user/names.mapping';
import { userFieldValues } from '../../src/entities/user/user-fields.mapping';
import { startContractFake } from '../contract-fake/server';

/** The unified values a read gives for the fields a local-user mutation writes. */
function unifiedOf(rs: V41RoleStoreUser, local: V41LocalUser | null) {
  const { firstName, lastName } = userFieldValues.names(rs);
  return {
    username: userFieldValues.username(rs),
    firstName,
    lastName,
    name: userName(rs, local),
    title: userFieldValues.title(rs),
    email: userFieldValues.emails(rs)[0]?.email ?? null,
    phone: userFieldValues.phones(rs)[0]?.number ?? null,
    organization: userFieldValues.organizations(rs)[0]?.name ?? null,
    department: userFieldValues.groups(rs).find((g) => g.type === 'DEPARTMENT')?.name ?? null,
    tags: userFieldValues.groups(rs).filter((g) => g.type === 'TAG').map((g) => g.name),
    languages: userFieldValues.languages(rs),
    timezone: userFieldValues.timezone(rs),
    avatar: userFieldValues.avatar(rs),
  };
}

function recordOf(mapped: MappedRecord) {
  if (!mapped.ok) throw new Error(JSON.stringify(mapped.problems));
  return mapped.record;
}

const WRITTEN: Required<{ [K in keyof LocalUserFields]: NonNullable<LocalUserFields[K]> }> = {
  username: 'round.trip',
  firstName: 'Rúna',
  lastName: 'Trip',
  name: 'Rúna Trip-Round',
  title: 'Contractor',
  email: 'runa@contractor.example',
  phone: '+358 40 765 4321',
  organization: 'Contractor Oy',
  department: 'Platform',
  tags: ['contractor', 'q3-project'],
  languages: ['fi-FI'],
  timezone: 'Europe/Helsinki',
  avatar: 'https://avatars.example.com/runa.png',
};

/** Write through the reverse mapping, read back through the forward one: the same unified values. */
describe.each([
  ['simulator', async () => {
    const sim = await startSimulator({ users: 20 });
    return { client: new V41Client({ baseUrl: sim.url, ...SIMULATOR_CREDENTIALS, timeoutMs: 2_000 }), close: () => sim.close() };
  }],
  ['contract fake', async () => {
    const fake = await startContractFake();
    return { client: new V41Client({ baseUrl: fake.baseUrl, ...fake.credentials, timeoutMs: 2_000 }), close: () => fake.close() };
  }],
])('local user mapping both ways against the %s', (_name, start) => {
  let target: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    target = await start();
  });
  afterAll(() => target.close());

  const read = async (id: string) => {
    const [rs, local] = await Promise.all([target.client.getUser(id), target.client.readLocalUser(id)]);
    if (!rs) throw new Error(`user ${id} not found`);
    return unifiedOf(rs, local);
  };

  it('a created user reads back with the values written', async () => {
    const id = await target.client.createLocalUser(recordOf(toLocalUserCreateRecord(WRITTEN, { requirePasswordChange: true })));
    expect(await read(id)).toEqual({ ...WRITTEN, tags: [...WRITTEN.tags] });
  });

  it('an update reads back with the changed values and every other value as it was', async () => {
    const id = await target.client.createLocalUser(recordOf(toLocalUserCreateRecord({ ...WRITTEN, username: 'round.trip.2' }, { requirePasswordChange: false })));
    const changes: LocalUserFields = { title: 'Lead', phone: null, languages: ['sv-SE'], timezone: null, tags: ['alumni'] };
    const current = await target.client.readLocalUser(id);
    await target.client.replaceLocalUser(id, recordOf(toLocalUserReplaceRecord(current?.raw ?? {}, changes)));
    expect(await read(id)).toEqual({ ...WRITTEN, username: 'round.trip.2', title: 'Lead', phone: null, languages: ['sv-SE'], timezone: null, tags: ['alumni'] });
  });
});
