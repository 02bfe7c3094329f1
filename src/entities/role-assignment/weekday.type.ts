import { registerEnumType } from 'type-graphql';

export enum Weekday {
  MON = 'MON',
  TUE = 'TUE',
  WED = 'WED',
  THU = 'THU',
  FRI = 'FRI',
  SAT = 'SAT',
  SUN = 'SUN',
}

registerEnumType(Weekday, {
  name: 'Weekday',
  description: 'A day of the week, in the time zone of a role context.',
  valuesConfig: {
    MON: { description: 'Monday.' },
    TUE: { description: 'Tuesday.' },
    WED: { description: 'Wednesday.' },
    THU: { description: 'Thursday.' },
    FRI: { description: 'Friday.' },
    SAT: { description: 'Saturday.' },
    SUN: { description: 'Sunday.' },
  },
});
