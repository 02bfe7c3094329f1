/** The trimmed value, or undefined when blank: upstream records use "" and " " for "not set". */
export function present(s?: string | null): string | undefined {
  const trimmed = s?.trim();
  return trimmed ? trimmed : undefined;
}
