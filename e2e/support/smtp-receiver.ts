import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server for the e2e tests (the app delivers with nodemailer over SMTP, as in
 * production). Each message is written whole (RFC 822) into E2E_MAIL_DIR, where tests
 * read and parse it.
 */
const port = Number(process.env.E2E_SMTP_PORT ?? 2525);
const mailDir = path.resolve(process.env.E2E_MAIL_DIR ?? 'e2e/.artifacts/mail');
mkdirSync(mailDir, { recursive: true });
let counter = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  size: 30 * 1024 * 1024,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      counter += 1;
      const name = `${Date.now()}-${String(counter).padStart(5, '0')}.eml`;
      // Write under a temporary name, then rename: readers never see half a message.
      writeFileSync(path.join(mailDir, `${name}.part`), Buffer.concat(chunks));
      renameSync(path.join(mailDir, `${name}.part`), path.join(mailDir, name));
      callback();
    });
  },
});

server.listen(port, '127.0.0.1', () => console.log(`SMTP receiver on 127.0.0.1:${port}, writing to ${mailDir}`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
