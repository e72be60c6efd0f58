/**
 * The audit log as files. JSON carries every stored field, exactly as the evidence package
 * does, so `accord-verify` and anyone else can recompute the hash chain from it. CSV is
 * the same rows for a spreadsheet (UTF-8 with BOM, CRLF, RFC 4180 quoting).
 */

export interface ExportedAuditEvent {
  id: string;
  chain: string;
  seq: number;
  ceremonyId: string | null;
  actorUserId: string | null;
  kind: string;
  payload: string;
  createdAt: Date;
  prevHash: string;
  hash: string;
}

export function auditLogJson(events: ExportedAuditEvent[]): string {
  return JSON.stringify(
    events.map((event) => ({ ...event, createdAt: event.createdAt.toISOString() })),
    null,
    2,
  );
}

const csvColumns = ['seq', 'createdAt', 'kind', 'actorUserId', 'payload', 'prevHash', 'hash', 'id', 'chain', 'ceremonyId'] as const;

function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  // A spreadsheet would run a cell starting with one of these as a formula (CSV injection).
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditLogCsv(events: ExportedAuditEvent[]): string {
  const lines = [csvColumns.join(',')];
  for (const event of events) {
    const row = { ...event, createdAt: event.createdAt.toISOString() };
    lines.push(csvColumns.map((column) => csvCell(row[column])).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
