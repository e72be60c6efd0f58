/**
 * `Content-Disposition` for a download: a plain-ASCII `filename` for old clients and the
 * exact UTF-8 name as RFC 5987/6266 `filename*` (Hangul, umlauts). Path separators,
 * control characters and quotes never reach the header.
 */
export function safeFileName(fileName: string, fallback = 'download'): string {
  const cleaned = fileName
    .normalize('NFC')
    // Control characters, path separators and characters Windows refuses in names.
    .replace(/[\u0000-\u001f\u007f"\\/:*?<>|]+/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim();
  if (!cleaned) return fallback;
  if (cleaned.length <= 150) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 150 - extension.length) + extension;
}

/** RFC 5987 value characters: everything else is percent-encoded. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const name = safeFileName(fileName);
  // Per character: "é" → "e", "ß" → "ss", anything else outside printable ASCII → "_".
  const ascii = Array.from(name, (character) => {
    const plain = character === 'ß' ? 'ss' : character.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    return /^[\x20-\x7e]+$/.test(plain) ? plain : '_';
  })
    .join('')
    .replace(/[%"\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
