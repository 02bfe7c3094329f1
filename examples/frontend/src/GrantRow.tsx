import { formatDateTime, formatPeriod } from './format';
import { getFragmentData, graphql, type FragmentType } from './gql';
import type { GrantRowFragment as Grant } from './gql/graphql';

export const GrantRowFragment = graphql(`
  fragment GrantRow on RoleAssignment {
    role {
      id
      name
      description
      context {
        weekdays
        startTime
        endTime
        timezone
        ipMasks
      }
    }
    explicit
    grantType
    floatingHours
    periods {
      start
      end
    }
    state
    activeNow
    nextChangeAt
  }
`);

function grantText(grant: Grant): string {
  const how = grant.explicit ? 'direct' : 'from directory';
  switch (grant.grantType) {
    case 'FLOATING':
      return `floating, ${grant.floatingHours ?? '?'} h per activation (${how})`;
    case 'TIME_RESTRICTED':
      return `time-restricted (${how})`;
    case 'PERMANENT':
      return `permanent (${how})`;
    default:
      return how;
  }
}

function contextText(context: Grant['role']['context']): string {
  if (!context) return 'any time, anywhere';
  const days = context.weekdays.length > 0 ? context.weekdays.join(' ') : 'every day';
  const hours = context.startTime && context.endTime ? ` ${context.startTime}–${context.endTime}` : '';
  const zone = context.timezone ? ` ${context.timezone}` : '';
  const from = context.ipMasks.length > 0 ? `, from ${context.ipMasks.join(' ')}` : '';
  return `${days}${hours}${zone}${from}`;
}

/** One role grant: its state now (as the server computed it) and what makes it so. */
export function GrantRow(props: { grant: FragmentType<typeof GrantRowFragment> }) {
  const grant = getFragmentData(GrantRowFragment, props.grant);
  return (
    <tr data-role-id={grant.role.id} className={grant.activeNow ? 'active' : undefined}>
      <td title={grant.role.description ?? undefined}>{grant.role.name}</td>
      <td>
        <span className={`state state-${grant.state.toLowerCase()}`} data-testid="state">
          {grant.state}
        </span>
      </td>
      <td>{grantText(grant)}</td>
      <td>
        {grant.periods.map((period, index) => (
          <div key={index}>{formatPeriod(period.start, period.end)}</div>
        ))}
      </td>
      <td>{contextText(grant.role.context)}</td>
      <td>{formatDateTime(grant.nextChangeAt)}</td>
    </tr>
  );
}
