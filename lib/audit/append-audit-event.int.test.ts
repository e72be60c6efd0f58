import { describe, expect, it } from 'vitest';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { checkAuditChain } from '@/lib/audit/check-audit-chain';
import { db, transaction } from '@/lib/db';
import { createCeremony } from '@/test/factories';

describe('audit chain in the database', () => {
  it('chains events per ceremony and survives concurrent appends without forking', async () => {
    const { ceremonyId, organiser } = await createCeremony();
    await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        transaction((tx) => appendAuditEvent(tx, { ceremonyId, actorUserId: organiser.userId, kind: 'test.concurrent', payload: { n } })),
      ),
    );
    const events = await db.auditEvent.findMany({ where: { ceremonyId }, orderBy: { seq: 'asc' } });
    expect(events.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await checkAuditChain({ ceremonyId })).toMatchObject({ intact: true, length: 8 });
  });

  it('names the event that was edited in the database (hostile case "Edited audit event")', async () => {
    const { ceremonyId, organiser } = await createCeremony();
    for (const kind of ['a', 'b', 'c']) {
      await transaction((tx) => appendAuditEvent(tx, { ceremonyId, actorUserId: organiser.userId, kind: `test.${kind}`, payload: { kind } }));
    }
    const second = await db.auditEvent.findFirstOrThrow({ where: { ceremonyId, seq: 2 } });
    // An insider edits the stored payload directly, bypassing the app.
    await db.$executeRaw`UPDATE "AuditEvent" SET "payload" = '{"kind":"forged"}' WHERE "id" = ${second.id}`;
    expect(await checkAuditChain({ ceremonyId })).toMatchObject({ intact: false, brokenEventId: second.id, brokenSeq: 2 });
  });

  it('rolls the event back with the change it belongs to', async () => {
    const { ceremonyId, organiser } = await createCeremony();
    await expect(
      transaction(async (tx) => {
        await appendAuditEvent(tx, { ceremonyId, actorUserId: organiser.userId, kind: 'test.doomed' });
        throw new Error('use-case failed after writing');
      }),
    ).rejects.toThrow('use-case failed');
    expect(await db.auditEvent.count({ where: { ceremonyId } })).toBe(0);
  });
});
