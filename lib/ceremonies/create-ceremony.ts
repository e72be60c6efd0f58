import 'server-only';
import { randomBytes } from 'node:crypto';
import { mayCreateCeremonies } from '@/lib/access/access-sets';
import { appendAuditEvent } from '@/lib/audit/append-audit-event';
import { resolveCeremonyTimes } from '@/lib/ceremonies/resolve-ceremony-times';
import { createCeremonySchema, type CreateCeremonyInput } from '@/lib/ceremonies/schemas';
import { transaction } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fieldErrorsFromZod } from '@/lib/forms/field-errors';

/**
 * A protocol officer (global role organiser or admin) opens a new ceremony in DRAFT and
 * becomes its first organiser.
 */
export async function createCeremony({ userId, now = new Date(), ...input }: CreateCeremonyInput & { userId: string; now?: Date }) {
  const parsed = createCeremonySchema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'Please check the ceremony details.', fieldErrorsFromZod(parsed.error));
  const data = parsed.data;
  const { start, end } = resolveCeremonyTimes(data, now);
  return transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, globalRole: true, title: true } });
    if (!user || !mayCreateCeremonies(user.globalRole)) {
      throw new AppError('FORBIDDEN', 'Only protocol officers can create ceremonies.', undefined, { reason: 'protocol-officers-only' });
    }
    const ceremony = await tx.ceremony.create({
      data: {
        title: data.title,
        description: data.description,
        placeName: data.placeName,
        timeZone: data.timeZone,
        scheduledStart: start,
        scheduledEnd: end,
        roomName: `ceremony-${randomBytes(16).toString('hex')}`,
        createdById: user.id,
        participants: {
          create: { userId: user.id, role: 'organiser', displayName: user.name ?? user.email, title: user.title ?? '' },
        },
      },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      ceremonyId: ceremony.id,
      actorUserId: user.id,
      kind: 'ceremony.created',
      payload: { title: data.title, placeName: data.placeName, timeZone: data.timeZone, start: start.toISOString(), end: end.toISOString() },
    });
    return ceremony;
  });
}
