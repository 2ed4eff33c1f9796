// `npm start`'s sender: every few seconds, delivers the notices due (functions/_shared/notice-sender.ts),
// as the scheduled function functions/send-notices does on Netlify every minute.
import type { Database } from '../../functions/_shared/db.ts';
import { deliverNotices, type Mailer } from '../../functions/_shared/notice-sender.ts';

export function startNoticeSender({ db, mailer, everyMs = 3000, log = console.log }: {
  db: Database; mailer: Mailer; everyMs?: number; log?: (line: string) => void;
}): { stop: () => Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    running = deliverNotices(db, mailer)
      .then(({ sent, retried, failed }) => {
        if (sent) log(`Sent ${sent} notice(s) to the mail server.`);
        if (retried || failed) log(`Notices not delivered: ${retried} to try again, ${failed} failed (see the outbox page).`);
      })
      .catch((error: unknown) => log(`The notice sender failed: ${(error as Error).message}`))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, everyMs);
      });
  };
  let timer = setTimeout(tick, 0);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
      mailer.transport.close();
    },
  };
}
