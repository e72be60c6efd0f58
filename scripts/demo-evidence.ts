import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * `npm run demo:evidence -- <dir>`: a headless rehearsal of the reference ceremony through
 * the app's own use-cases, on a throwaway database, with no browser and no video server.
 * Signs every field in the plan's order as each signatory, concludes, and writes every
 * revision, the sealed PDFs, the certificate of completion, the evidence package and the
 * transmittal to the records office (JSON + PDF), and trust/root.pem, the root its
 * signing identity chains to (what a verifier passes to accord-verify --trust).
 * Operators run it to check a deployment's signing key (SIGNING_* variables).
 */
const outputDir = process.argv[2];
if (!outputDir) {
  console.error('Usage: npm run demo:evidence -- <output directory>');
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'accord-demo-'));
// The throwaway database must be chosen before any app module reads the environment.
process.env.DATABASE_URL = `file:${path.join(scratch, 'demo.db')}`;
process.env.LIVEKIT_URL ??= 'ws://127.0.0.1:1';

try {
  execFileSync('npx', ['tsx', path.join(root, 'scripts/db/migrate.ts')], { cwd: root, stdio: 'pipe', env: process.env });
  const { db, readBlob } = await import('@/lib/db');
  const { seedReferenceCeremony } = await import('@/lib/demo/seed-reference-ceremony');
  const { referenceCeremonyId } = await import('@/lib/demo/reference-scenario');
  const { concludeReferenceCeremony } = await import('@/lib/demo/conclude-reference-ceremony');
  const { readRevisionBytes } = await import('@/lib/documents/read-revision-bytes');
  const { buildTransmittal } = await import('@/lib/protocol/build-transmittal');

  await seedReferenceCeremony();
  const { organiserId, evidence } = await concludeReferenceCeremony({ userAgent: 'accord demo:evidence', onProgress: (message) => console.log(message) });
  const organiser = { id: organiserId };

  const target = path.resolve(outputDir);
  mkdirSync(target, { recursive: true });
  const written: string[] = [];
  const write = (name: string, bytes: Uint8Array) => {
    const file = path.join(target, name);
    writeFileSync(file, bytes);
    written.push(file);
  };
  const documents = await db.agreementDocument.findMany({
    where: { ceremonyId: referenceCeremonyId },
    include: { revisions: { orderBy: { number: 'asc' }, select: { number: true, kind: true } } },
  });
  for (const document of documents) {
    const base = document.fileName.replace(/\.pdf$/i, '');
    for (const revision of document.revisions) {
      const { bytes } = await readRevisionBytes({ documentId: document.id, number: revision.number });
      write(`${base}.rev${revision.number}.pdf`, bytes);
      if (revision.kind === 'sealed') write(`${base}.sealed.pdf`, bytes);
    }
  }
  const certificate = await db.artefact.findFirstOrThrow({ where: { ceremonyId: referenceCeremonyId, kind: 'certificate' }, select: { id: true } });
  write('certificate-of-completion.pdf', await readBlob(db, 'Artefact.bytes', certificate.id));
  write(evidence.fileName, evidence.bytes);
  // The root the demo's signing identity chains to, for `accord-verify --trust <dir>/trust/root.pem …`.
  const { loadPlatformIdentity } = await import('@/lib/signing/load-platform-identity');
  mkdirSync(path.join(target, 'trust'), { recursive: true });
  write('trust/root.pem', new TextEncoder().encode(`${(await loadPlatformIdentity()).trustedCaPem.join('\n').trim()}\n`));
  const transmittal = await buildTransmittal({ ceremonyId: referenceCeremonyId, userId: organiser.id });
  write('transmittal.json', new TextEncoder().encode(`${JSON.stringify(transmittal.json, null, 2)}\n`));
  write('transmittal.pdf', transmittal.pdf);
  await db.$disconnect();
  console.log(`\nWrote ${written.length} files:`);
  for (const file of written) console.log(`  ${file}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
