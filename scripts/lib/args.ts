import { ConfigurationError } from '../../functions/_shared/db.ts';

/** wholeNumber('--calls', '200', 1) → 200; anything else than a whole number ≥ minimum stops the command with one sentence naming the flag. */
export function wholeNumber(flag: string, value: string | undefined, minimum: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < minimum) throw new ConfigurationError(`${flag} must be a whole number of at least ${minimum}, not "${value}".`);
  return n;
}
