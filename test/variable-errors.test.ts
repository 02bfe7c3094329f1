import { GraphQLError } from 'graphql';
import { withoutEchoedValue } from '../src/variable-errors';

/** graphql-js's refusal of a variable, as `coerceVariableValues` builds it: prefix, printed value, path, reason. */
function refusal(value: string, at: string, reason: string): [string, GraphQLError] {
  const original = new GraphQLError(reason);
  const message = `Variable "$input" got invalid value ${value}${at}; ${reason}`;
  return [message, new GraphQLError(message, { originalError: original })];
}

describe('withoutEchoedValue', () => {
  it.each([
    ['{ username: "u", password: "hunter2-secret", pasword: 1 }', '', 'Field "pasword" is not defined by type "CreateLocalUserInput".', 'Variable "$input" got an invalid value; Field "pasword" is not defined by type "CreateLocalUserInput".'],
    ['"yes"', ' at "input.requirePasswordChange"', 'Boolean cannot represent a non boolean value: "yes"', 'Variable "$input" got an invalid value at "input.requirePasswordChange"; Boolean cannot represent a non boolean value: "yes"'],
    ['{ a: "x; y", password: "p; q at \\"z\\"" }', ' at "input.a"', 'Expected type "Int".', 'Variable "$input" got an invalid value at "input.a"; Expected type "Int".'],
  ])('%s', (value, at, reason, expected) => {
    const [message, error] = refusal(value, at, reason);
    expect(message).toContain(value);
    expect(withoutEchoedValue(message, error)).toBe(expected);
  });

  it('leaves every other message alone', () => {
    expect(withoutEchoedValue('Cannot query field "x" on type "User".', new GraphQLError('x'))).toBe('Cannot query field "x" on type "User".');
    expect(withoutEchoedValue('Variable "$id" of required type "ID!" was not provided.', new GraphQLError('x'))).toBe('Variable "$id" of required type "ID!" was not provided.');
  });

  it('drops the whole tail when the reason cannot be found', () => {
    expect(withoutEchoedValue('Variable "$input" got invalid value { password: "s" }; odd', new GraphQLError('x', { originalError: new Error('other') }))).toBe('Variable "$input" got an invalid value.');
  });
});
