import { GraphQLError } from 'graphql';

const ECHO = /^(Variable "\$[^"]+" got) invalid value /;
const AT_PATH = / at "[^"]*"$/;

/**
 * graphql-js refuses a variable with `Variable "$input" got invalid value { …the whole value… }; <reason>`: it
 * prints every field of the input back, a password beside a misspelt field included. This message keeps the
 * variable, the path and the reason and drops the value: a password written to a mutation never comes back in
 * an error, whatever else is wrong with the input.
 */
export function withoutEchoedValue(message: string, error: unknown): string {
  if (!ECHO.test(message) || !(error instanceof GraphQLError) || !error.originalError) return message;
  const reason = error.originalError.message;
  const suffix = `; ${reason}`;
  if (!message.endsWith(suffix)) return message.replace(/ got invalid value [\s\S]*$/, ' got an invalid value.');
  const head = message.slice(0, -suffix.length);
  const at = AT_PATH.exec(head)?.[0] ?? '';
  return `${ECHO.exec(message)?.[1]} an invalid value${at}${suffix}`;
}
