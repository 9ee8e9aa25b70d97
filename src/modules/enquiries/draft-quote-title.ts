/** The title of the draft quote made when an enquiry is converted (pure). */
const MAX = 160;

/**
 * The first line of what the enquirer wrote, whitespace tidied, cut at a word boundary to fit a
 * quote title (with "…" when cut); "Quote for <name>" when there is nothing to use.
 */
export function draftQuoteTitle(description: string, name: string): string {
  const first = description.split(/\r?\n/).map((l) => l.replace(/\s+/g, " ").trim()).find(Boolean) ?? "";
  if (!first) return `Quote for ${name.trim()}`.slice(0, MAX);
  if (first.length <= MAX) return first;
  const cut = first.slice(0, MAX - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:-]+$/, "")}…`;
}
