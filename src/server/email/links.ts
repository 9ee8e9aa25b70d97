/** Links in a message body (pure): the mailbox lists them and tests follow them. */
const LINK = /https?:\/\/[^\s"'<>)]+/g;

export function linksIn(text: string): string[] {
  return [...new Set(text.match(LINK) ?? [])];
}

/** The message with its links replaced (for storing sign-in emails once delivered). */
export function redactLinks<T extends { subject: string; html: string; text: string }>(e: T): T {
  return { ...e, html: e.html.replace(LINK, "[link removed]"), text: e.text.replace(LINK, "[link removed]") };
}
