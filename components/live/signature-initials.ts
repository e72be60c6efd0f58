/** Initials from a typed name: the first letter of each part, leaving out abbreviations ("Dr.", "J."). */
export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((part) => part && !part.endsWith('.'))
    .map((part) => Array.from(part)[0])
    .join('');
}
