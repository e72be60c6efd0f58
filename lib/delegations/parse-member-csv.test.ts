import { describe, expect, it } from 'vitest';
import { parseMemberCsv, splitCsvLine } from '@/lib/delegations/parse-member-csv';
import { memberRoles } from '@/lib/delegations/schemas';
import { locales } from '@/lib/i18n/locales';
import { messagesByLocale } from '@/lib/i18n/messages';

const delegations = [
  { id: 'lni', name: 'Labs Network Industrie 4.0' },
  { id: 'kosmo', name: 'Korean Smart Manufacturing Office' },
];

describe('parseMemberCsv', () => {
  it('reads rows without a header, filling the default delegation', () => {
    const rows = parseMemberCsv('Dr. Anna Schäfer, Bundesministerin, anna@lni.example.de, signatory\nJörg Weiß,Referent,joerg@lni.example.de,delegate', {
      delegations,
      defaultDelegationId: 'lni',
    });
    expect(rows.map((row) => row.member)).toEqual([
      { name: 'Dr. Anna Schäfer', title: 'Bundesministerin', email: 'anna@lni.example.de', role: 'signatory', delegationId: 'lni' },
      { name: 'Jörg Weiß', title: 'Referent', email: 'joerg@lni.example.de', role: 'delegate', delegationId: 'lni' },
    ]);
  });

  it('reads a header in any column order, semicolons, quotes and Korean role names', () => {
    const rows = parseMemberCsv('email;name;role;delegation;title\nkim@kosmo.example.kr;"Kim, Min-jun";서명자;Korean Smart Manufacturing Office;장관', {
      delegations,
      defaultDelegationId: null,
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.line).toBe(2);
    expect(rows[0]!.member).toEqual({ name: 'Kim, Min-jun', title: '장관', email: 'kim@kosmo.example.kr', role: 'signatory', delegationId: 'kosmo' });
  });

  const roleOf = (cell: string) => parseMemberCsv(`Jo Doe, , jo@lni.example.de, ${cell}`, { delegations, defaultDelegationId: 'lni' })[0]!.member?.role;

  it.each(locales)('accepts the role labels the UI shows in %s, in any case', (locale) => {
    for (const role of memberRoles) {
      const label = messagesByLocale[locale].roles[role];
      expect(roleOf(`"${label}"`), label).toBe(role);
      expect(roleOf(`"${label.toUpperCase()}"`), label.toUpperCase()).toBe(role);
      expect(roleOf(`"${label.toLowerCase()}"`), label.toLowerCase()).toBe(role);
    }
  });

  it('accepts the labels as people type them', () => {
    expect(roleOf('Observer (press)')).toBe('observer');
    expect(roleOf('UNTERZEICHNENDE PERSON')).toBe('signatory');
    expect(roleOf('beobachtung(presse)')).toBe('observer');
    expect(roleOf('Delegationsmitglied')).toBe('delegate');
    expect(roleOf('참관인 (언론)')).toBe('observer');
    expect(roleOf('주관자')).toBe('organiser');
    expect(roleOf('입회인')).toBe('witness');
    expect(roleOf('SIGNATORY')).toBe('signatory');
    expect(roleOf('chef')).toBeUndefined();
  });

  it('says what is wrong on each line', () => {
    const rows = parseMemberCsv(
      [
        'Ok Person,,ok@example.org,delegate',
        ',,not-an-email,pope',
        'Twice,,ok@example.org,delegate',
        'Known,,known@example.org,witness',
        'Nowhere,,nowhere@example.org,signatory,Atlantis',
        'Press Person,,press@example.org,observer',
      ].join('\n'),
      { delegations, defaultDelegationId: 'lni', existingEmails: ['KNOWN@example.org'] },
    );
    expect(rows.map((row) => row.errors)).toEqual([
      {},
      { role: 'invalidRole', name: 'required', email: 'invalidEmail' },
      { email: 'duplicateInPaste' },
      { email: 'alreadyMember' },
      { delegation: 'unknownDelegation' },
      {},
    ]);
    expect(rows.filter((row) => row.member)).toHaveLength(2);
  });

  it('asks for a delegation for signatories when none is given', () => {
    const [row] = parseMemberCsv('Lone Signer,,lone@example.org,signatory', { delegations, defaultDelegationId: null });
    expect(row!.errors).toEqual({ delegation: 'delegationRequired' });
  });

  it('splits quoted cells with doubled quotes', () => {
    expect(splitCsvLine('"a ""b"", c",d', ',')).toEqual(['a "b", c', 'd']);
  });
});
