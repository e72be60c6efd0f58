import { describe, expect, it } from 'vitest';
import { finalSound, withFinalSounds } from '@/lib/i18n/korean-particle';
import { translatorFor } from '@/lib/i18n/messages';
import ko from '@/messages/ko.json';

describe('finalSound', () => {
  it.each([
    ['김민준', 'consonant'], // 준: ㄴ
    ['이서연', 'consonant'], // 연: ㄴ
    ['박지우', 'vowel'], // 우: no batchim
    ['한국', 'consonant'],
    ['서울', 'rieul'], // 울: ㄹ takes 로, not 으로
    ['‘협정서’', 'vowel'], // quotes skipped
  ] as const)('Hangul %s → %s', (word, sound) => expect(finalSound(word)).toBe(sound));

  it.each([
    ['Dr. Matthias Schäfer', 'vowel'], // 셰퍼
    ['Marie', 'vowel'], // 마리
    ['Emily', 'vowel'],
    ['Paul', 'rieul'], // 폴
    ['Kim', 'consonant'], // 킴
    ['Jean', 'consonant'],
    ['Jung', 'consonant'],
    ['Nick', 'consonant'], // 닉
    ['Janet', 'consonant'], // 재닛
    ['Albert', 'vowel'], // 앨버트
    ['Schmitt', 'vowel'], // 슈미트
    ['David', 'vowel'], // 데이비드
    ['Hans', 'vowel'], // 한스
    ['Kosmo (KO)', 'vowel'], // the last letter read is O
    ['a.b@example.org', 'vowel'],
  ] as const)('Latin %s → %s', (word, sound) => expect(finalSound(word)).toBe(sound));

  it.each([
    ['Vertrag 1', 'rieul'], // 일
    ['2', 'vowel'], // 이
    ['3', 'consonant'], // 삼
    ['Annex 6', 'consonant'], // 육
    ['7', 'rieul'], // 칠
    ['2024', 'vowel'], // …사
    ['10', 'consonant'], // 십
  ] as const)('digits %s → %s', (word, sound) => expect(finalSound(word)).toBe(sound));

  it('falls back to the consonant forms for other scripts and empty names', () => {
    expect(finalSound('')).toBe('consonant');
    expect(finalSound('東京')).toBe('consonant');
  });
});

describe('Korean messages choose the particle from the name', () => {
  const t = translatorFor('ko');

  it('has no mechanical 을(를)-style particles left', () => {
    expect(JSON.stringify(ko)).not.toMatch(/을\(를\)|를\(을\)|이\(가\)|은\(는\)|와\(과\)|\(으\)로/);
  });

  it('object, subject and instrumental particles follow the final sound', () => {
    expect(t('schedule.people.moveUp', withFinalSounds({ name: '김민준' }))).toBe('김민준을 위로 이동');
    expect(t('schedule.people.moveUp', withFinalSounds({ name: '박지우' }))).toBe('박지우를 위로 이동');
    expect(t('schedule.people.moveUp', withFinalSounds({ name: 'Dr. Matthias Schäfer' }))).toBe('Dr. Matthias Schäfer를 위로 이동');
    expect(t('signing.signedNotice', withFinalSounds({ name: 'Paul', delegation: '대한민국' }))).toBe('Paul이 대한민국을 대표하여 서명했습니다');
    expect(t('common.signedInAs', withFinalSounds({ name: '서울' }))).toBe('서울로 로그인됨');
    expect(t('common.signedInAs', withFinalSounds({ name: '김민준' }))).toBe('김민준으로 로그인됨');
    expect(t('common.signedInAs', withFinalSounds({ name: 'Marie' }))).toBe('Marie로 로그인됨');
    expect(t('schedule.upload.uploaded', withFinalSounds({ title: 'Annex 3' }))).toBe('「Annex 3」을 올렸습니다.');
  });
});
