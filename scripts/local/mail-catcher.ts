// The local mail catcher `npm start` runs: a real SMTP server (smtp-server, from the nodemailer
// project) on 127.0.0.1 that accepts every message, keeps it in memory for the tests and writes it
// as an .eml file that any mail program opens. Nothing leaves the machine.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';

export type CaughtMail = { from: string; to: string[]; raw: string; receivedAt: Date; file?: string };
export type MailCatcher = { url: string; port: number; messages: CaughtMail[]; close: () => Promise<void> };

// A notice is a few kilobytes; this refuses anything that is not one.
const MAX_BYTES = 1024 * 1024;

export function startMailCatcher({ port = 0, host = '127.0.0.1', dir, onMail }: {
  port?: number; host?: string; dir?: string; onMail?: (mail: CaughtMail) => void;
} = {}): Promise<MailCatcher> {
  const messages: CaughtMail[] = [];
  if (dir) mkdirSync(dir, { recursive: true });
  const server = new SMTPServer({
    // Plain SMTP on the loopback: no certificate to make, no password to know.
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: MAX_BYTES,
    banner: 'Vitrine local mail catcher',
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) return callback(Object.assign(new Error('Message too large'), { responseCode: 552 }));
        const mail: CaughtMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          receivedAt: new Date(),
        };
        if (dir) {
          mail.file = join(dir, `${mail.receivedAt.toISOString().replace(/[:.]/g, '-')}-${messages.length + 1}.eml`);
          writeFileSync(mail.file, mail.raw);
        }
        messages.push(mail);
        onMail?.(mail);
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `smtp://${host}:${actual}`,
        port: actual,
        messages,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
