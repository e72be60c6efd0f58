/**
 * Korean particles after an interpolated name. Korean chooses 을/를, 이/가, 은/는, 과/와 and
 * 으로/로 by how the word before them ends when read aloud, so the Korean messages select on a
 * precomputed `<placeholder>Final` argument:
 *
 *   {name}{nameFinal, select, vowel {를} other {을}}      object
 *   {name}{nameFinal, select, vowel {가} other {이}}      subject
 *   {name}{nameFinal, select, vowel {는} other {은}}      topic
 *   {name}{nameFinal, select, vowel {와} other {과}}      "and / with"
 *   {name}{nameFinal, select, consonant {으로} other {로}} "as / by" (ㄹ takes 로)
 *
 * Pure: used by the UI, by server-side translators and by tests.
 */

/** How a word ends when read in Korean: open syllable, ㄹ final, or another final consonant. */
export type FinalSound = 'vowel' | 'rieul' | 'consonant';

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
const RIEUL_FINAL = 8;

/**
 * Digits by their Sino-Korean reading: 영 일 이 삼 사 오 육 칠 팔 구. A final 0 is read as
 * 십/백/천/만 or 영, all of which end in a consonant.
 */
const DIGIT_FINALS: readonly FinalSound[] = ['consonant', 'rieul', 'vowel', 'consonant', 'vowel', 'vowel', 'consonant', 'rieul', 'rieul', 'vowel'];

const LATIN_VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/**
 * The last sound of a name, for choosing the particle after it. Closing quotes, brackets,
 * full stops and spaces are skipped (`‘Vertrag’` is read as `Vertrag`).
 *
 * - Hangul: the last syllable's batchim (none → vowel, ㄹ → rieul, otherwise consonant).
 * - Digits: the Korean reading of the last digit.
 * - Latin script, by how Korean loanword reading (외래어 표기법) renders the ending:
 *   - a vowel letter (including a silent e or y: Marie 마리, Emily 에밀리) → vowel;
 *   - l → rieul (Paul 폴);
 *   - m, n, ng → consonant (Kim 킴, Jean 장, Jung 정);
 *   - ck, or p/t/k right after a single short vowel → consonant (Nick 닉, Janet 재닛);
 *   - anything else is read with a trailing 으 or as an open syllable → vowel: r (Schäfer 셰퍼),
 *     s/z/x (스/즈/크스), b/d/g (브/드/그), f/v, h, w, ch/sch, and p/t/k after a consonant
 *     or a long vowel (Albert 앨버트, Schmitt 슈미트).
 * - Any other script, or nothing readable → consonant, so the messages' `other` arm applies.
 */
export function finalSound(word: string): FinalSound {
  // Composed first, so that a Hangul syllable stays one character; accents are dropped for Latin only.
  const letters = word.normalize('NFC');
  const match = /[\p{L}\p{N}](?=[^\p{L}\p{N}]*$)/u.exec(letters);
  if (!match) return 'consonant';
  const last = match[0];
  const code = last.codePointAt(0) ?? 0;
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) {
    const final = (code - HANGUL_FIRST) % 28;
    if (final === 0) return 'vowel';
    return final === RIEUL_FINAL ? 'rieul' : 'consonant';
  }
  if (/[0-9]/.test(last)) return DIGIT_FINALS[Number(last)] ?? 'consonant';
  const latin = letters
    .slice(0, match.index + 1)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  if (/[a-z]$/.test(latin)) return latinFinalSound(latin);
  return 'consonant';
}

function latinFinalSound(word: string): FinalSound {
  const last = word.at(-1) ?? '';
  if (LATIN_VOWELS.has(last)) return 'vowel';
  if (last === 'l') return 'rieul';
  if (last === 'm' || last === 'n') return 'consonant';
  if (word.endsWith('ng')) return 'consonant';
  if (word.endsWith('ck')) return 'consonant';
  if ('ptk'.includes(last)) {
    const before = word.at(-2) ?? '';
    const beforeThat = word.at(-3) ?? '';
    const shortVowel = LATIN_VOWELS.has(before) && before !== 'y' && beforeThat !== '' && !LATIN_VOWELS.has(beforeThat);
    return shortVowel ? 'consonant' : 'vowel';
  }
  return 'vowel';
}

/** The suffix of the argument a Korean message selects on: `{name}` → `{nameFinal}`. */
export const FINAL_SOUND_SUFFIX = 'Final';

/**
 * The values for a message, plus `<key>Final` for every string value, so that any catalogue's
 * particles can follow the name. Languages without particles ignore the extra arguments.
 */
export function withFinalSounds<Values extends Record<string, unknown>>(values: Values): Values & Record<string, string> {
  const finals: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) if (typeof value === 'string') finals[`${key}${FINAL_SOUND_SUFFIX}`] = finalSound(value);
  return { ...values, ...finals };
}
