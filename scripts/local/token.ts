// npm run token -- --role moderator --email someone@example.org [--sub <uuid>] [--expires 8h]
// Prints a development access token on its last line, signed with the local secret the functions
// check when Supabase is not configured (VITRINE_DEV_JWT_SECRET, else .data/dev-jwt-secret).
//   curl -H "Authorization: Bearer $(npm run -s token -- --role moderator --email modo@example.org | tail -n 1)" \
//        http://localhost:8888/api/moderation/backlog
import { parseArgs } from 'node:util';
import { localDevSecret } from '../../functions/_shared/auth.ts';
import { ConfigurationError } from '../../functions/_shared/db.ts';
import { signDevToken, userIdFor, type DevRole } from './dev-token.ts';

const USAGE = 'Usage: npm run token -- --role moderator|merchant --email someone@example.org [--sub <uuid>] [--expires 8h]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', default: 'moderator' },
      email: { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string', default: '8h' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const role = values.role as DevRole;
  if (role !== 'moderator' && role !== 'merchant') throw new ConfigurationError(`--role must be moderator or merchant, not "${values.role}". ${USAGE}`);
  const email = values.email ?? `${role}@example.org`;
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new ConfigurationError(`--email "${email}" is not an e-mail address.`);
  if (values.sub && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(values.sub)) {
    throw new ConfigurationError(`--sub "${values.sub}" is not a UUID.`);
  }
  if (!/^\d+\s*(s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days|w|week|weeks)$/i.test(values.expires!)) {
    throw new ConfigurationError(`--expires "${values.expires}" is not a duration such as 15m, 8h or 2d.`);
  }
  if (process.env.SUPABASE_URL || process.env.SUPABASE_JWT_SECRET) {
    console.error('Note: SUPABASE_URL or SUPABASE_JWT_SECRET is set, so the functions check tokens against Supabase and will refuse this one.');
  }
  const sub = values.sub ?? userIdFor(email);
  const token = await signDevToken({ role, email, sub, expires: values.expires }, localDevSecret());
  console.log(`# ${role} ${email} (sub ${sub}), valid for ${values.expires}; send it as "Authorization: Bearer <token>":`);
  console.log(token);
}

main().catch((error: Error) => {
  console.error(error instanceof ConfigurationError || error.name === 'TypeError' ? error.message : error);
  process.exitCode = 1;
});
