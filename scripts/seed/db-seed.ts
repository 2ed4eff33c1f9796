// npm run db:seed -- [--approved 2000] [--pending 300] [--seed 42] [--reset]
// Applies pending migrations, then fills an empty database with deterministic demo merchants. A
// database that already has merchants is left alone unless --reset says to delete them first.
import { parseArgs } from 'node:util';
import { ConfigurationError, openDatabase, type Database } from '../../functions/_shared/db.ts';
import { migrate } from '../publish/migrate.ts';
import { runCommand } from '../lib/run-command.ts';
import { isDatabaseEmpty, resetDemo, seedDemo } from './seed-demo.ts';

const USAGE = `Usage: npm run db:seed -- [--approved N] [--pending N] [--seed N] [--reset]
  --approved N  published listings to create (default 2000)
  --pending N   listings awaiting moderation, about 5 % of them ineligible (default 300)
  --seed N      same seed, same data (default 42)
  --reset       delete every registration, listing and their history first`;

const number = (value: number) => value.toLocaleString('en-US');

type Flags = { approved: number; pending: number; seed: number; reset: boolean; help: boolean };
const MAXIMUM = { approved: 1_000_000, pending: 1_000_000, seed: 2 ** 32 - 1 } as const;
type NumberFlag = keyof typeof MAXIMUM;

function parseFlags(args: string[]): Flags {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        approved: { type: 'string', default: '2000' },
        pending: { type: 'string', default: '300' },
        seed: { type: 'string', default: '42' },
        reset: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    // "--approved -5" reads as a flag missing its value: say what the value should be instead.
    const message = (error as Error).message;
    const ambiguous = /^Option '--(approved|pending|seed)' argument is ambiguous/.exec(message);
    if (ambiguous) whole(ambiguous[1] as NumberFlag, args[args.indexOf(`--${ambiguous[1]}`) + 1] ?? '');
    // parseArgs names the flag ("Unknown option '--aproved'"); keep its first sentence, add where to look.
    throw new ConfigurationError(`${message.split('\n')[0]!.replace(/\.?$/, '')}. Run with --help for the options.`);
  }
  return {
    approved: whole('approved', values.approved),
    pending: whole('pending', values.pending),
    seed: whole('seed', values.seed),
    reset: values.reset,
    help: values.help,
  };
}

/** "100000" or "100_000". */
function whole(flag: NumberFlag, text: string): number {
  const value = /^\d+$/.test(text.replaceAll('_', '')) ? Number(text.replaceAll('_', '')) : NaN;
  if (!(value <= MAXIMUM[flag])) {
    throw new ConfigurationError(`--${flag} must be a whole number from 0 to ${number(MAXIMUM[flag])}, not "${text}".`);
  }
  return value;
}

/** Where the data goes, without credentials. */
function describe(db: Database): string {
  if (db.kind === 'pglite') return `PGlite in ${process.env.VITRINE_PGLITE_DIR ?? '.data/pglite'}`;
  const url = new URL(process.env.DATABASE_URL!);
  return `PostgreSQL at ${url.host}${url.pathname}`;
}

/** "Seeding 12,000 / 100,000 merchants (12%)…": rewritten in place on a terminal, every 10 % in a log. */
function progressReporter(): { report: (done: number, total: number) => void; end: () => void } {
  const tty = process.stdout.isTTY === true;
  let lastTenth = -1;
  let open = false;
  return {
    report(done, total) {
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
      const line = `Seeding ${number(done)} / ${number(total)} merchants (${percent}%)…`;
      if (tty) {
        process.stdout.write(`\r${line}`);
        open = true;
      } else if (Math.floor(percent / 10) > lastTenth) {
        lastTenth = Math.floor(percent / 10);
        console.log(line);
      }
    },
    end() {
      if (open) process.stdout.write('\n');
    },
  };
}

runCommand(async () => {
  const flags = parseFlags(process.argv.slice(2));
  if (flags.help) return console.log(USAGE);

  const db = await openDatabase();
  try {
    await migrate(db, console.log);
    if (!(await isDatabaseEmpty(db))) {
      const [{ count }] = await db.query<{ count: number }>('select count(*)::int as count from public.proposals');
      if (!flags.reset) {
        console.log(`${describe(db)} already has ${number(count)} merchant(s): nothing seeded. Run with --reset to replace them.`);
        return;
      }
      await resetDemo(db);
      console.log(`Deleted ${number(count)} existing registration(s), their listings and their history.`);
    }

    const started = performance.now();
    const progress = progressReporter();
    const result = await seedDemo(db, { ...flags, onProgress: progress.report }).finally(progress.end);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const { outside_quebec, malformed_neq, duplicate } = result.seeded;
    const ineligible = result.pending === 0 ? '' : `, of which ${number(outside_quebec + malformed_neq + duplicate)} ` +
      `seeded ineligible (${outside_quebec} outside Quebec, ${malformed_neq} malformed NEQ, ${duplicate} duplicates)`;
    console.log(
      `Seeded ${number(result.approved + result.pending)} merchants into ${describe(db)} in ${seconds} s (seed ${flags.seed}): ` +
        `${number(result.approved)} approved, ${number(result.pending)} pending${ineligible}.`,
    );
  } finally {
    await db.close();
  }
});
