import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db, readBlob, readBlobs, transaction } from '@/lib/db';
import { env } from '@/lib/env';
import { createCeremony, createUser } from '@/test/factories';
import { sha256Hex } from '@/lib/crypto/sha256';

describe('concurrent writes (hostile case "Rollback beside a write")', () => {
  it("keeps another request's write when a transaction rolls back, and never shows uncommitted data", async () => {
    const survivor = `survivor-${Date.now()}@test.example`;
    const doomed = `doomed-${Date.now()}@test.example`;
    let signalInsideTransaction!: () => void;
    const transactionWrote = new Promise<void>((resolve) => (signalInsideTransaction = resolve));
    let releaseTransaction!: () => void;
    const mayFinish = new Promise<void>((resolve) => (releaseTransaction = resolve));

    let seenInsideTransaction: unknown = 'not looked';
    const failing = transaction(async (tx) => {
      await tx.user.create({ data: { email: doomed } });
      signalInsideTransaction();
      await mayFinish;
      // More work on the transaction's connection after the other request was issued.
      seenInsideTransaction = await tx.user.findUnique({ where: { email: survivor } });
      throw new Error('roll back');
    });
    await transactionWrote;

    // Another request writes and reads while the transaction is open (`.then` sends a
    // Prisma query; an un-awaited query would never be sent).
    const outsideWrite = createUser({ email: survivor }).then((user) => user);
    const outsideRead = db.user.findUnique({ where: { email: doomed } }).then((user) => user);
    releaseTransaction();

    await expect(failing).rejects.toThrow('roll back');
    await outsideWrite;
    expect(await outsideRead).toBeNull();
    expect(seenInsideTransaction).toBeNull();
    expect(await db.user.findUnique({ where: { email: survivor } })).not.toBeNull();
    expect(await db.user.findUnique({ where: { email: doomed } })).toBeNull();
  });
});

describe('readBlobs', () => {
  it('returns the stored bytes of artefacts and full-powers letters unchanged, in the order asked', async () => {
    const ceremony = await createCeremony({ title: 'readBlobs test ceremony' });
    const files = [randomBytes(3 * 1024 * 1024), Buffer.alloc(0), randomBytes(1)];
    const artefactIds = [];
    for (const [index, bytes] of files.entries()) {
      const artefact = await db.artefact.create({
        data: {
          ceremonyId: ceremony.ceremonyId,
          kind: 'photo',
          fileName: `f${index}`,
          contentType: 'application/octet-stream',
          bytes: new Uint8Array(bytes),
          sha256: sha256Hex(bytes),
          byteLength: bytes.length,
        },
        select: { id: true },
      });
      artefactIds.push(artefact.id);
    }
    const read = await readBlobs(db, 'Artefact.bytes', [...artefactIds].reverse());
    expect(read.map(sha256Hex)).toEqual([...files].reverse().map(sha256Hex));

    const letter = randomBytes(2 * 1024 * 1024);
    const fullPowers = await db.fullPowers.create({
      data: {
        participantId: ceremony.delegations[0]!.signatory.participantId,
        fileName: 'full-powers.pdf',
        bytes: new Uint8Array(letter),
        sha256: sha256Hex(letter),
        uploadedById: ceremony.organiser.userId,
      },
      select: { id: true },
    });
    const letterRead = await readBlob(db, 'FullPowers.bytes', fullPowers.id);
    expect(sha256Hex(letterRead)).toBe(sha256Hex(letter));
    if (env.databaseProvider === 'sqlite') {
      // The fast path hands over better-sqlite3's Buffer; Prisma's own read would make a plain Uint8Array.
      expect(Buffer.isBuffer(letterRead)).toBe(true);
    }
    await expect(readBlob(db, 'Artefact.bytes', 'no-such-artefact')).rejects.toThrow('no row with id no-such-artefact');
  });

  it("never returns another request's uncommitted row, and a transaction reads its own", async () => {
    const ceremony = await createCeremony({ title: 'readBlobs transaction test ceremony' });
    const bytes = randomBytes(512 * 1024);
    let uncommittedId = '';
    let seenInside = '';
    let signalWritten!: () => void;
    const written = new Promise<void>((resolve) => (signalWritten = resolve));
    let release!: () => void;
    const mayFinish = new Promise<void>((resolve) => (release = resolve));

    const failing = transaction(async (tx) => {
      const artefact = await tx.artefact.create({
        data: {
          ceremonyId: ceremony.ceremonyId,
          kind: 'photo',
          fileName: 'doomed',
          contentType: 'application/octet-stream',
          bytes: new Uint8Array(bytes),
          sha256: sha256Hex(bytes),
          byteLength: bytes.length,
        },
        select: { id: true },
      });
      uncommittedId = artefact.id;
      seenInside = sha256Hex(await readBlob(tx, 'Artefact.bytes', artefact.id));
      signalWritten();
      await mayFinish;
      throw new Error('roll back');
    });
    await written;
    const outside = readBlob(db, 'Artefact.bytes', uncommittedId).then(
      (read) => ({ read }),
      (error: unknown) => ({ error }),
    );
    release();

    await expect(failing).rejects.toThrow('roll back');
    expect(seenInside).toBe(sha256Hex(bytes));
    expect(await outside).toEqual({ error: expect.objectContaining({ message: `Artefact.bytes: no row with id ${uncommittedId}` }) });
  });
});
