/** Lower-cased name, email, phone, town and postcode: what the enquiry list search matches (pure: services and seed). */
export function enquirySearchText(e: { name: string; email?: string | null; phone?: string | null; town?: string | null; postcode?: string | null }): string {
  return [e.name, e.email, e.phone, e.phone?.replace(/\s+/g, ""), e.town, e.postcode, e.postcode?.replace(/\s+/g, "")]
    .filter(Boolean)
    .join(" ")
    .toLowerCase();
}
