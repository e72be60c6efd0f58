import { memberRoles, memberSchema, type MemberRole } from '@/lib/delegations/schemas';
import { locales } from '@/lib/i18n/locales';
import { messagesByLocale } from '@/lib/i18n/messages';

/**
 * Members pasted from a spreadsheet: one person per line, columns name, title, email,
 * role and (optionally) delegation, separated by commas, semicolons or tabs, with an
 * optional header line naming the columns in any order. Every row is checked on its own,
 * so the preview can say exactly which line is wrong. Pure.
 */

export interface CsvMemberRow {
  /** 1-based line in the pasted text */
  line: number;
  values: { name: string; title: string; email: string; role: string; delegation: string };
  member?: { name: string; title: string; email: string; role: MemberRole; delegationId: string | null };
  /** field → problem key (`schedule.fieldErrors.<key>`) */
  errors: Record<string, string>;
}

const columnAliases: Record<string, keyof CsvMemberRow['values']> = {
  name: 'name',
  'full name': 'name',
  title: 'title',
  position: 'title',
  email: 'email',
  'e-mail': 'email',
  mail: 'email',
  role: 'role',
  delegation: 'delegation',
  party: 'delegation',
  // German and Korean headers, as people paste them from their own sheets
  titel: 'title',
  funktion: 'title',
  rolle: 'role',
  이름: 'name',
  직함: 'title',
  이메일: 'email',
  역할: 'role',
  대표단: 'delegation',
};

const roleAliases: Record<string, MemberRole> = {
  signatory: 'signatory',
  signer: 'signatory',
  unterzeichner: 'signatory',
  서명자: 'signatory',
  witness: 'witness',
  zeuge: 'witness',
  증인: 'witness',
  delegate: 'delegate',
  delegierter: 'delegate',
  대표: 'delegate',
  observer: 'observer',
  press: 'observer',
  beobachter: 'observer',
  참관인: 'observer',
  organiser: 'organiser',
  organizer: 'organiser',
  organisator: 'organiser',
  주최자: 'organiser',
};

/** A role cell as compared: case, spacing and the space before a bracket do not matter ("Beobachtung(Presse)"). */
function roleKey(cell: string): string {
  return cell
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*\(\s*/g, '(')
    .replace(/\s*\)/g, ')');
}

/** Every role cell the import understands: the internal codes, the aliases above and the UI's role labels in every language. */
const roleByKey = new Map<string, MemberRole>(
  [
    ...memberRoles.map((role) => [role, role] as const),
    ...Object.entries(roleAliases),
    ...locales.flatMap((locale) => memberRoles.map((role) => [messagesByLocale[locale].roles[role], role] as const)),
  ].map(([cell, role]) => [roleKey(cell), role]),
);

export function splitCsvLine(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index];
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        current += '"';
        index += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        current += char;
      }
    } else if (char === '"' && current.trim() === '') {
      quoted = true;
      current = '';
    } else if (char === delimiter) {
      cells.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  cells.push(current.trim());
  return cells;
}

function detectDelimiter(lines: string[]): string {
  const sample = lines.slice(0, 5).join('\n');
  const counts = ['\t', ';', ','].map((delimiter) => ({ delimiter, count: sample.split(delimiter).length }));
  return counts.sort((a, b) => b.count - a.count)[0]!.delimiter;
}

export function parseMemberCsv(
  text: string,
  options: { delegations: { id: string; name: string }[]; defaultDelegationId: string | null; existingEmails?: Iterable<string> },
): CsvMemberRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const nonEmpty = lines.map((content, index) => ({ content, line: index + 1 })).filter((entry) => entry.content.trim() !== '');
  if (nonEmpty.length === 0) return [];
  const delimiter = detectDelimiter(nonEmpty.map((entry) => entry.content));
  let columns: (keyof CsvMemberRow['values'] | undefined)[] = ['name', 'title', 'email', 'role', 'delegation'];
  const first = splitCsvLine(nonEmpty[0]!.content, delimiter).map((cell) => cell.toLowerCase());
  if (first.some((cell) => columnAliases[cell] === 'email') && !first.some((cell) => cell.includes('@'))) {
    columns = first.map((cell) => columnAliases[cell]);
    nonEmpty.shift();
  }
  const delegationByName = new Map(options.delegations.map((delegation) => [delegation.name.trim().toLowerCase(), delegation.id]));
  const seenEmails = new Set(Array.from(options.existingEmails ?? [], (email) => email.toLowerCase()));
  const pastedEmails = new Set<string>();

  return nonEmpty.map(({ content, line }) => {
    const cells = splitCsvLine(content, delimiter);
    const values = { name: '', title: '', email: '', role: '', delegation: '' };
    columns.forEach((column, index) => {
      if (column) values[column] = cells[index] ?? '';
    });
    const errors: Record<string, string> = {};
    const role = roleByKey.get(roleKey(values.role)) ?? (values.role.trim() === '' ? undefined : null);
    if (role === undefined) errors.role = 'required';
    else if (role === null || !memberRoles.includes(role)) errors.role = 'invalidRole';
    let delegationId: string | null = options.defaultDelegationId;
    if (values.delegation.trim() !== '') {
      delegationId = delegationByName.get(values.delegation.trim().toLowerCase()) ?? null;
      if (!delegationId) errors.delegation = 'unknownDelegation';
    }
    const parsed = memberSchema.safeParse({
      name: values.name,
      title: values.title,
      email: values.email,
      role: role ?? 'delegate',
      delegationId: delegationId ?? '',
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] === 'delegationId' ? 'delegation' : String(issue.path[0] ?? 'form');
        if (!(key in errors)) errors[key] = /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'invalid';
      }
    }
    const email = values.email.trim().toLowerCase();
    if (!errors.email && email) {
      if (seenEmails.has(email)) errors.email = 'alreadyMember';
      else if (pastedEmails.has(email)) errors.email = 'duplicateInPaste';
      pastedEmails.add(email);
    }
    const row: CsvMemberRow = { line, values, errors };
    if (parsed.success && Object.keys(errors).length === 0) row.member = { ...parsed.data, role: parsed.data.role };
    return row;
  });
}
