import { describe, expect, it } from 'vitest';
import { translatorFor } from '@/lib/i18n/messages';

// The organiser reads which version of the invitation people hold, not the .ics SEQUENCE number.
describe('invitation version wording', () => {
  it.each([
    ['en', 'Current version: the first invitation.', 'Current version: update 2.', '(update 1)'],
    ['de', 'Aktueller Stand: die erste Einladung.', 'Aktueller Stand: Änderung 2.', '(Änderung 1)'],
    ['ko', '현재 상태: 첫 초대장.', '현재 상태: 2차 변경.', '(1차 변경)'],
  ] as const)('%s: sequence 0 is the first invitation, later ones are numbered updates', (locale, first, second, nextChange) => {
    const t = translatorFor(locale);
    const when = 'X';
    expect(t('schedule.invitations.sentAt', { when, sequence: 0 })).toContain(first);
    expect(t('schedule.invitations.sentAt', { when, sequence: 2 })).toContain(second);
    expect(t('schedule.invitations.sentAt', { when, sequence: 0 })).not.toMatch(/sequence|Sequenz|순번/i);
    expect(t('schedule.edit.resendNote', { next: 1 })).toContain(nextChange);
  });
});
