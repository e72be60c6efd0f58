/**
 * The reference scenario: the LNI 4.0 × KOSMO joint declaration, witnessed by
 * a German and a Korean minister. Used by the seed, demo:evidence and the e2e tests.
 * All people and titles are fictional.
 */

export const referenceCeremonyId = 'ceremony-lni40-kosmo';

export interface DemoPerson {
  key: string;
  name: string;
  email: string;
  title: string;
  role: 'organiser' | 'signatory' | 'witness' | 'delegate' | 'observer';
  locale: 'en' | 'de' | 'ko';
}

export interface DemoDelegation {
  key: 'lni' | 'kosmo';
  name: string;
  shortName: string;
  country: string;
  capitalName: string;
  capitalTimeZone: string;
  defaultLocale: 'de' | 'ko';
  members: DemoPerson[];
}

export const referenceDelegations: DemoDelegation[] = [
  {
    key: 'lni',
    name: 'Labs Network Industrie 4.0',
    shortName: 'LNI 4.0',
    country: 'Germany',
    capitalName: 'Berlin',
    capitalTimeZone: 'Europe/Berlin',
    defaultLocale: 'de',
    members: [
      { key: 'lni-organiser', name: 'Katrin Weiß', email: 'katrin.weiss@lni40.example', title: 'Protocol Officer', role: 'organiser', locale: 'de' },
      {
        key: 'lni-signatory',
        name: 'Dr. Matthias Schäfer',
        email: 'matthias.schaefer@lni40.example',
        title: 'Chair of the Board, Labs Network Industrie 4.0',
        role: 'signatory',
        locale: 'de',
      },
      {
        key: 'lni-minister',
        name: 'Dr. Anna Bergmann-Kühn',
        email: 'anna.bergmann@bmwe.example',
        title: 'Federal Minister for Economic Affairs',
        role: 'delegate',
        locale: 'de',
      },
      {
        key: 'lni-delegate',
        name: 'Lukas Großmann',
        email: 'lukas.grossmann@lni40.example',
        title: 'Head of International Cooperation',
        role: 'delegate',
        locale: 'de',
      },
    ],
  },
  {
    key: 'kosmo',
    name: 'Korean Smart Manufacturing Office',
    shortName: 'KOSMO',
    country: 'Republic of Korea',
    capitalName: 'Seoul',
    capitalTimeZone: 'Asia/Seoul',
    defaultLocale: 'ko',
    members: [
      { key: 'kosmo-organiser', name: '박지은', email: 'jieun.park@kosmo.example', title: 'Protocol Officer', role: 'organiser', locale: 'ko' },
      {
        key: 'kosmo-signatory',
        name: '김민준',
        email: 'minjun.kim@kosmo.example',
        title: 'President, Korean Smart Manufacturing Office',
        role: 'signatory',
        locale: 'ko',
      },
      {
        key: 'kosmo-minister',
        name: '이서연',
        email: 'seoyeon.lee@motie.example',
        title: 'Minister of Trade, Industry and Energy',
        role: 'delegate',
        locale: 'ko',
      },
      {
        key: 'kosmo-delegate',
        name: '최도윤',
        email: 'doyoon.choi@kosmo.example',
        title: 'Director of Smart Manufacturing Policy',
        role: 'delegate',
        locale: 'ko',
      },
    ],
  },
];

export const referencePress: DemoPerson = {
  key: 'press',
  name: 'Emma Richter',
  email: 'emma.richter@press.example',
  title: 'Correspondent, Tagesspiegel',
  role: 'observer',
  locale: 'en',
};
export const referenceArchivist = {
  key: 'archivist',
  name: 'Hannah Vogel',
  email: 'hannah.vogel@archive.example',
  title: 'Archivist',
  globalRole: 'archivist' as const,
  locale: 'en' as const,
};

export const referenceCeremony = {
  title: 'Joint Declaration of Intent on Cooperation in Smart Manufacturing',
  description:
    'Signing of the joint declaration between Labs Network Industrie 4.0 and the Korean Smart Manufacturing Office, witnessed by the German Federal Minister for Economic Affairs and the Korean Minister of Trade, Industry and Energy.',
  placeName: 'Berlin and Seoul (virtual ceremony)',
  timeZone: 'Europe/Berlin',
  signingOrder: 'alternat' as const,
};

/**
 * The next Thursday at least 7 days after `from`, 10:00 in Berlin (18:00 in Seoul in winter,
 * 17:00 in summer): far enough ahead to be schedulable whenever the seed runs.
 */
export function referenceStart(from: Date): Date {
  const candidate = new Date(from.getTime() + 7 * 86_400_000);
  while (candidate.getUTCDay() !== 4) candidate.setUTCDate(candidate.getUTCDate() + 1);
  const day = candidate.toISOString().slice(0, 10);
  // 10:00 Berlin = 09:00Z in winter (CET) and 08:00Z in summer (CEST).
  const winter = new Date(`${day}T09:00:00Z`);
  const berlinHour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: 'numeric', hourCycle: 'h23' }).format(winter));
  return berlinHour === 10 ? winter : new Date(`${day}T08:00:00Z`);
}
