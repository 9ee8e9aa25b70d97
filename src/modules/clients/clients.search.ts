/** What the clients list search matches (Client.searchText). Pure; the service keeps it current. */
export type SearchSource = {
  name: string;
  email: string | null;
  phone: string | null;
  contactEmails: (string | null)[];
  /** Postcodes of the client's active sites, normalised ("M4 6BF"). */
  postcodes: string[];
};

export function buildSearchText(s: SearchSource): string {
  const parts: string[] = [s.name, s.email ?? "", s.phone ?? ""];
  if (s.phone) parts.push(s.phone.replace(/[^0-9+]/g, ""));
  for (const e of s.contactEmails) if (e) parts.push(e);
  for (const p of s.postcodes) parts.push(p, p.replace(/\s+/g, ""));
  return [...new Set(parts.map((p) => p.trim().toLowerCase()).filter(Boolean))].join(" ");
}

/** A search box entry as matched against searchText (lower case, single spaces). */
export function searchTerm(q: string): string {
  return q.trim().toLowerCase().replace(/\s+/g, " ");
}
