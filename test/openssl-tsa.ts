import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A real RFC 3161 timestamp authority over HTTP: Debian's `openssl ts -reply` does the
 * cryptography, this wrapper only carries application/timestamp-query in and
 * application/timestamp-reply out. It can also misbehave the ways a real TSA does.
 *
 * - good: a genuine reply to the query
 * - garbage: HTTP 200 with an HTML error page as the body
 * - other-hash: a genuine, signed reply (same nonce) for a different message imprint
 * - down: the port is closed (connection refused)
 */
export type OpensslTsaMode = 'good' | 'garbage' | 'other-hash' | 'down';

export interface OpensslTsa {
  url: string;
  /** The TSA's root, for `openssl ts -verify -CAfile`. */
  caPem: string;
  requests: () => number;
  /** Holds every answer until the returned function is called. */
  hold: () => () => void;
  setMode: (mode: OpensslTsaMode) => Promise<void>;
  stop: () => Promise<void>;
}

const openssl = (args: string[], cwd: string, input?: Buffer) => execFileSync('openssl', args, { cwd, input, stdio: ['pipe', 'pipe', 'pipe'] });

function writeTsaConfig(dir: string) {
  writeFileSync(path.join(dir, 'serial'), '01\n');
  writeFileSync(
    path.join(dir, 'tsa.cnf'),
    `[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
dir = ${dir}
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.pem
certs = $dir/ca.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.3.6.1.4.1.57264.1.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
[ tsa_ext ]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`,
  );
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '2',
      '-subj',
      '/CN=Accord Test TSA Root/O=Accord Tests',
    ],
    dir,
  );
  openssl(
    [
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'tsa.key',
      '-out',
      'tsa.csr',
      '-subj',
      '/CN=Accord Test Timestamp Authority/O=Accord Tests',
    ],
    dir,
  );
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'tsa.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'tsa.pem',
      '-days',
      '2',
      '-extfile',
      'tsa.cnf',
      '-extensions',
      'tsa_ext',
    ],
    dir,
  );
}

/** The DER query with one byte of its message imprint flipped; its nonce stays. */
function withOtherImprint(query: Buffer): Buffer {
  // MessageImprint ends in OCTET STRING (32 bytes for SHA-256): 04 20 <digest>.
  const at = query.indexOf(Buffer.from([0x04, 0x20]));
  if (at < 0) throw new Error('no SHA-256 imprint in the query');
  const changed = Buffer.from(query);
  changed[at + 2] = changed[at + 2]! ^ 0xff;
  return changed;
}

export async function startOpensslTsa({ port = 8318, mode: initialMode = 'good' as OpensslTsaMode } = {}): Promise<OpensslTsa> {
  const dir = mkdtempSync(path.join(tmpdir(), 'accord-tsa-'));
  writeTsaConfig(dir);
  let mode = initialMode;
  let requests = 0;
  // `openssl ts -reply` rewrites its serial file: one request at a time.
  let queue: Promise<unknown> = Promise.resolve();
  let held: Promise<void> = Promise.resolve();
  const reply = (query: Buffer) => {
    const run = queue.then(async () => {
      await held;
      const queryFile = path.join(dir, 'query.tsq');
      writeFileSync(queryFile, mode === 'other-hash' ? withOtherImprint(query) : query);
      openssl(['ts', '-reply', '-config', 'tsa.cnf', '-section', 'tsa_config', '-queryfile', queryFile, '-out', 'reply.tsr'], dir);
      return readFileSync(path.join(dir, 'reply.tsr'));
    });
    queue = run.catch(() => undefined);
    return run;
  };

  let server: Server | undefined;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const created = createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          requests++;
          if (mode === 'garbage') {
            response.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end('<html>502 Bad Gateway</html>');
            return;
          }
          reply(Buffer.concat(chunks)).then(
            (body) => response.writeHead(200, { 'content-type': 'application/timestamp-reply' }).end(body),
            (error: Error) => response.writeHead(500).end(error.message),
          );
        });
      });
      created.once('error', reject);
      created.listen(port, '127.0.0.1', () => {
        server = created;
        resolve();
      });
    });
  const close = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.closeAllConnections();
      server.close(() => resolve());
      server = undefined;
    });

  if (mode !== 'down') await listen();
  return {
    url: `http://127.0.0.1:${port}/`,
    caPem: readFileSync(path.join(dir, 'ca.pem'), 'utf8'),
    requests: () => requests,
    hold() {
      let release = () => {};
      held = new Promise<void>((resolve) => (release = resolve));
      return () => release();
    },
    async setMode(next) {
      mode = next;
      if (next === 'down') await close();
      else if (!server) await listen();
    },
    async stop() {
      await close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
