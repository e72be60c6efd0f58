import { describe, expect, it } from 'vitest';
import { listOutbox } from '@/lib/mail/list-outbox';
import { createUser } from '@/test/factories';

describe('the development outbox', () => {
  it('holds everyone’s sign-in links, so only a signed-in user reads it', async () => {
    await expect(listOutbox({ userId: null })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(listOutbox({ userId: 'no-such-user' })).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const user = await createUser();
    await expect(listOutbox({ userId: user.id })).resolves.toBeInstanceOf(Array);
  });
});
