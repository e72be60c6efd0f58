import { describe, expect, it } from 'vitest';
import { auditLogCsv } from './audit-log-export';
import { contentDisposition, safeFileName } from './content-disposition';
import { formatByteSize } from './format-byte-size';

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name (RFC 5987)', () => {
    expect(contentDisposition('joint-declaration-ko-kosmo-original.sealed.pdf')).toBe(
      `attachment; filename="joint-declaration-ko-kosmo-original.sealed.pdf"; filename*=UTF-8''joint-declaration-ko-kosmo-original.sealed.pdf`,
    );
    expect(contentDisposition('공동선언 (KOSMO) Weiß.pdf')).toBe(
      `attachment; filename="____ (KOSMO) Weiss.pdf"; filename*=UTF-8''%EA%B3%B5%EB%8F%99%EC%84%A0%EC%96%B8%20%28KOSMO%29%20Wei%C3%9F.pdf`,
    );
  });

  it('keeps quotes, path separators, control characters and header breaks out', () => {
    const header = contentDisposition('../../etc/"passwd"\r\nSet-Cookie: x=1.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).not.toContain('/');
    expect(header.match(/"/g)).toHaveLength(2);
    expect(safeFileName('...')).toBe('download');
    expect(safeFileName(`${'a'.repeat(300)}.pdf`)).toMatch(/^a{146}\.pdf$/);
  });
});

describe('auditLogCsv', () => {
  it('quotes per RFC 4180 and defuses spreadsheet formulas', () => {
    const csv = auditLogCsv([
      {
        id: 'e1',
        chain: 'c',
        seq: 1,
        ceremonyId: 'c',
        actorUserId: null,
        kind: '=HYPERLINK("x")',
        payload: '{"name":"Weiß, \\"J\\""}',
        createdAt: new Date('2026-11-26T09:00:00Z'),
        prevHash: '0',
        hash: 'h',
      },
    ]);
    const [header, row] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('seq,createdAt,kind,actorUserId,payload,prevHash,hash,id,chain,ceremonyId');
    expect(row).toBe(`1,2026-11-26T09:00:00.000Z,"'=HYPERLINK(""x"")",,"{""name"":""Weiß, \\""J\\""""}",0,h,e1,c,c`);
  });
});

describe('formatByteSize', () => {
  it('uses the viewer’s language', () => {
    expect(formatByteSize(512, 'en')).toBe('512 byte');
    expect(formatByteSize(31_666_000, 'de')).toBe('30,2 MB');
  });
});
