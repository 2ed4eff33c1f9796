import { createServer } from 'node:net';
import { ConfigurationError } from '../../functions/_shared/db.ts';

/** The port from PORT (default 8888), or a one-sentence error naming PORT. */
export function portFromEnv(value: string | undefined, fallback = 8888): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigurationError(`PORT must be a port number between 1 and 65535, not "${value}".`);
  }
  return port;
}

export function assertPortFree(port: number, host = '127.0.0.1'): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new ConfigurationError(`Port ${port} is already in use: set PORT to a free port.`) : error),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
