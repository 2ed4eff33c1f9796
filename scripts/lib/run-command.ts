import { ConfigurationError } from '../../functions/_shared/db.ts';

/** Runs a command's main function: configuration errors print as one sentence, exit code 1. */
export function runCommand(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof ConfigurationError) console.error(`Error: ${error.message}`);
      else console.error(error);
      process.exit(1);
    },
  );
}
