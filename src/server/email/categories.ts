/**
 * Email categories people can turn off for themselves (per company). Sign-in and security mail
 * can't be turned off; client-facing mail follows the client's contact settings instead
 * (receives quotes / receives invoices).
 */
export const MUTABLE_EMAIL_CATEGORIES = [
  { key: "enquiries", label: "New enquiries", description: "When someone sends an enquiry through your public form." },
  { key: "quote-responses", label: "Client responses to quotes", description: "When a client accepts, declines or asks for changes to a quote." },
  { key: "schedule", label: "Your visits", description: "When you're booked on a visit, your visit moves, or it's taken off you. Your jobs list always shows them." },
] as const;

export type MutableEmailCategory = (typeof MUTABLE_EMAIL_CATEGORIES)[number]["key"];
export const MUTABLE_EMAIL_CATEGORY_KEYS = MUTABLE_EMAIL_CATEGORIES.map((c) => c.key) as [MutableEmailCategory, ...MutableEmailCategory[]];
