/**
 * "Joint Declaration … — English (LNI 4.0 original)", "… — Deutsch (…)": the part every
 * title shares up to its last " — ", said once above the list instead of in every entry.
 */
export function sharedTitlePrefix(titles: string[]): string {
  if (titles.length < 2) return '';
  const [first, ...rest] = titles;
  let cut = first!.lastIndexOf(' — ');
  while (cut > 0) {
    const prefix = first!.slice(0, cut + 3);
    if (rest.every((title) => title.startsWith(prefix) && title.length > prefix.length)) return prefix;
    cut = first!.lastIndexOf(' — ', cut - 1);
  }
  return '';
}
