import { describe, expect, it } from 'vitest';
import { db, transaction } from '@/lib/db';
import { createUser } from '@/test/factories';

describe('concurrent writes (hostile case 22)', () => {
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
