import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * `npx tsx scripts/icons/render-icons.ts`: writes the app's favicon and icons into public/
 * from one drawing of the seal. The SVG is written directly; the PNGs are rendered from
 * the same shapes as a one-page PDF by poppler's pdftocairo (a Debian package the tests
 * install anyway), and favicon.ico holds three of those PNGs. Nothing is downloaded.
 */

const root = path.resolve(import.meta.dirname, '../..');
const publicDir = path.join(root, 'public');

const NAVY = '#1f3a5f';
const GOLD = '#d4b35a';
const WHITE = '#ffffff';
const PAPER = '#f7f5f0';

type Command = ['M' | 'L', number, number] | ['C', number, number, number, number, number, number] | ['Z'];
interface Shape {
  fill: string;
  commands: Command[];
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function circle(cx: number, cy: number, r: number): Command[] {
  // Four cubic arcs; k places the control points so each arc stays within 0.03 % of a circle.
  const k = 0.5523 * r;
  return [
    ['M', cx + r, cy],
    ['C', cx + r, cy + k, cx + k, cy + r, cx, cy + r],
    ['C', cx - k, cy + r, cx - r, cy + k, cx - r, cy],
    ['C', cx - r, cy - k, cx - k, cy - r, cx, cy - r],
    ['C', cx + k, cy - r, cx + r, cy - k, cx + r, cy],
    ['Z'],
  ];
}

function rosette(cx: number, cy: number, radius: number, depth: number, lobes: number): Command[] {
  const steps = lobes * 10;
  const commands: Command[] = [];
  for (let i = 0; i < steps; i++) {
    const angle = (2 * Math.PI * i) / steps;
    const r = radius + depth * Math.cos(lobes * angle);
    commands.push([i === 0 ? 'M' : 'L', round(cx + r * Math.cos(angle)), round(cy + r * Math.sin(angle))]);
  }
  commands.push(['Z']);
  return commands;
}

function polygon(points: [number, number][]): Command[] {
  return [...points.map(([x, y], i): Command => [i === 0 ? 'M' : 'L', x, y]), ['Z']];
}

/** The seal on a 64 × 64 grid, y pointing down: a scalloped disc, a ring, a capital A. */
function seal(): Shape[] {
  return [
    { fill: NAVY, commands: rosette(32, 32, 30, 1.6, 24) },
    { fill: GOLD, commands: [...circle(32, 32, 25.5), ...circle(32, 32, 23.5)] },
    {
      fill: WHITE,
      commands: [
        ...polygon([
          [32, 15],
          [44.4, 46],
          [39.6, 46],
          [36.8, 39],
          [27.2, 39],
          [24.4, 46],
          [19.6, 46],
        ]),
        ...polygon([
          [32, 26.6],
          [35.4, 35.4],
          [28.6, 35.4],
        ]),
      ],
    },
  ];
}

function svgPath(commands: Command[]): string {
  return commands.map(([op, ...values]) => `${op}${values.map(round).join(' ')}`).join('');
}

function toSvg(shapes: Shape[]): string {
  const paths = shapes.map((shape) => `  <path fill="${shape.fill}" fill-rule="evenodd" d="${svgPath(shape.commands)}"/>`).join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">\n${paths}\n</svg>\n`;
}

function pdfColour(hex: string): string {
  const value = (offset: number) => round(parseInt(hex.slice(offset, offset + 2), 16) / 255);
  return `${value(1)} ${value(3)} ${value(5)} rg`;
}

/** Content stream on a 64 × 64 page; `scale` < 1 leaves a margin (for tiles with a background). */
function pdfContent(shapes: Shape[], background: string | undefined, scale: number): string {
  const lines: string[] = [];
  if (background) lines.push(pdfColour(background), '0 0 64 64 re f');
  const offset = round(32 - 32 * scale);
  // Flip y so the drawing's grid (y down, as in the SVG) maps onto PDF space (y up).
  lines.push(`${scale} 0 0 ${-scale} ${offset} ${round(64 - offset)} cm`);
  for (const shape of shapes) {
    lines.push(pdfColour(shape.fill));
    for (const [op, ...values] of shape.commands) {
      const operator = op === 'M' ? 'm' : op === 'L' ? 'l' : op === 'C' ? 'c' : 'h';
      lines.push(`${values.map(round).join(' ')} ${operator}`.trim());
    }
    lines.push('f*');
  }
  return lines.join('\n');
}

function onePagePdf(content: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 64 64] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function renderPng(pdf: string, size: number, transparent: boolean, work: string): Buffer {
  const base = path.join(work, `icon-${size}-${transparent ? 't' : 'o'}`);
  execFileSync('pdftocairo', ['-png', '-singlefile', '-scale-to', String(size), ...(transparent ? ['-transp'] : []), pdf, base]);
  return readFileSync(`${base}.png`);
}

/** An ICO whose entries are PNG images (read by every current browser). */
function icoOf(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2);
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)]);
}

const shapes = seal();
const work = mkdtempSync(path.join(tmpdir(), 'accord-icons-'));
try {
  writeFileSync(path.join(publicDir, 'icon.svg'), toSvg(shapes));

  // Tab icons: the seal alone, on transparency.
  const markPdf = path.join(work, 'mark.pdf');
  writeFileSync(markPdf, onePagePdf(pdfContent(shapes, undefined, 1)));
  const tabSizes = [16, 32, 48];
  writeFileSync(path.join(publicDir, 'favicon.ico'), icoOf(tabSizes.map((size) => ({ size, png: renderPng(markPdf, size, true, work) }))));

  // Home-screen icons: platforms put their own mask over them, so the seal sits within the
  // central 80 % (the maskable safe zone) on an opaque paper background.
  const tilePdf = path.join(work, 'tile.pdf');
  writeFileSync(tilePdf, onePagePdf(pdfContent(shapes, PAPER, 0.74)));
  for (const [name, size] of [
    ['apple-touch-icon.png', 180],
    ['icon-192.png', 192],
    ['icon-512.png', 512],
  ] as const) {
    writeFileSync(path.join(publicDir, name), renderPng(tilePdf, size, false, work));
  }
  console.log(`Wrote icon.svg, favicon.ico (${tabSizes.join(', ')} px), apple-touch-icon.png, icon-192.png, icon-512.png into ${publicDir}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
