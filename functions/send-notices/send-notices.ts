// Scheduled on Netlify every minute: sends the notices due (functions/_shared/notice-sender.ts),
// starting sends for 8 seconds: one send takes at most 20 s (the transport's timeouts), so the run
// ends within the 30 s a scheduled function gets; what is left waits for the next run. Without
// SMTP_URL it sends nothing and says so.
import type { Config } from '@netlify/functions';
import { database } from '../_shared/db.ts';
import { deliverNotices, mailerFromEnv } from '../_shared/notice-sender.ts';
import { internalError, json } from '../_shared/respond.ts';

export const config: Config = { schedule: '* * * * *' };

const WORK_MS = 8_000;

export default async (): Promise<Response> => {
  try {
    const mailer = mailerFromEnv();
    if (!mailer) {
      console.log('[send-notices] SMTP_URL is not set: no notice sent.');
      return json({ status: 'disabled' });
    }
    const delivery = await deliverNotices(await database(), mailer, { deadline: Date.now() + WORK_MS });
    mailer.transport.close();
    if (delivery.sent || delivery.retried || delivery.failed) console.log(`[send-notices] ${JSON.stringify(delivery)}`);
    return json({ status: 'done', ...delivery });
  } catch (error) {
    return internalError('send-notices', error);
  }
};
