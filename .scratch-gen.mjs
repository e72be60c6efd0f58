import { PDFDocument, StandardFonts } from 'pdf-lib';
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

export async function validPdf(pages = 2) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++) { const p = doc.addPage([595.28, 841.89]); p.drawText(`Page ${i+1}`, { x: 50, y: 800, font, size: 12 }); }
  return doc.save();
}
// hand-written PDF from objects with a correct xref
export function buildPdf(objects, { trailerExtra = '' } = {}) {
  let out = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n';
  const offsets = [];
  objects.forEach((body, i) => { offsets.push(Buffer.byteLength(out, 'latin1')); out += `${i + 1} 0 obj\n${body}\nendobj\n`; });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` + offsets.map(o => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
export const cyclic = () => buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>']);
export const billion = () => buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R 3 0 R] /Count 2000000000 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>']);
export const dag = () => { const objs = ['<< /Type /Catalog /Pages 2 0 R >>']; for (let i = 0; i < 31; i++) objs.push(`<< /Type /Pages /Kids [${i+3} 0 R ${i+3} 0 R] /Count 2 >>`); objs.push('<< /Type /Page /MediaBox [0 0 612 792] >>'); return buildPdf(objs); };
export const nested = () => buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /MediaBox [0 0 612 792] /X ' + '['.repeat(200000) + ']'.repeat(200000) + ' >>']);
export const encrypted = () => buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /MediaBox [0 0 612 792] >>', '<< /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >>'], { trailerExtra: '/Encrypt 4 0 R /ID [<0011> <0011>]' });
export const noPages = () => buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']);
export function bomb(mb = 1024) {
  const compressed = deflateSync(Buffer.alloc(mb * 1024 * 1024, 0x20), { level: 9 });
  const head = '%PDF-1.7\n';
  const o1 = '1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n';
  const o2 = '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n';
  const o3 = '3 0 obj\n<< /Type /Page /MediaBox [0 0 612 792] >>\nendobj\n';
  const o4h = `4 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${compressed.length} >>\nstream\n`;
  const o4t = '\nendstream\nendobj\n';
  const body = Buffer.concat([Buffer.from(head + o1 + o2 + o3 + o4h, 'latin1'), compressed, Buffer.from(o4t, 'latin1')]);
  const xref = body.length;
  return Buffer.concat([body, Buffer.from(`xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1')]);
}
