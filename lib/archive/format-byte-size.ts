/** "812 kB" / "30,2 MB" / "1.5 MB": a size in the viewer's language (Intl units, no translation needed). */
export function formatByteSize(bytes: number, locale: string): string {
  const units = [
    ['byte', 1],
    ['kilobyte', 1024],
    ['megabyte', 1024 * 1024],
    ['gigabyte', 1024 * 1024 * 1024],
  ] as const;
  const [unit, size] = [...units].reverse().find(([, scale]) => bytes >= scale) ?? units[0];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: unit === 'byte' ? 0 : 1 }).format(bytes / size);
}
