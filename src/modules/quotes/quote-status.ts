/**
 * The quote state machine, enforced server-side by the quote service before every status change.
 *
 *   DRAFT ──send──▶ SENT ──view──▶ VIEWED
 *                    │               │
 *                    ├──accept / decline / expire──▶ ACCEPTED | DECLINED | EXPIRED
 *
 * Revising (editing a SENT, VIEWED, DECLINED or EXPIRED quote) creates the next version of the
 * same quote and puts the quote back to DRAFT; there is no SUPERSEDED status, an older version is
 * simply not the latest. A DRAFT is edited in place (no new version). ACCEPTED is final.
 *
 * Pure: "today" is passed in (YYYY-MM-DD, in the company's time zone), never read from a clock.
 */
import { AppError } from "@/server/errors/errors.ts";

export const QUOTE_STATUSES = ["DRAFT", "SENT", "VIEWED", "ACCEPTED", "DECLINED", "EXPIRED"] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

export type QuoteAction = "send" | "view" | "accept" | "decline" | "expire" | "revise";

/** Every allowed move, with the action that makes it. Anything not listed is refused. */
export const QUOTE_TRANSITIONS: readonly { from: QuoteStatus; to: QuoteStatus; action: QuoteAction }[] = [
  { from: "DRAFT", to: "SENT", action: "send" },
  { from: "SENT", to: "VIEWED", action: "view" },
  { from: "SENT", to: "ACCEPTED", action: "accept" },
  { from: "SENT", to: "DECLINED", action: "decline" },
  { from: "SENT", to: "EXPIRED", action: "expire" },
  { from: "VIEWED", to: "ACCEPTED", action: "accept" },
  { from: "VIEWED", to: "DECLINED", action: "decline" },
  { from: "VIEWED", to: "EXPIRED", action: "expire" },
  { from: "SENT", to: "DRAFT", action: "revise" },
  { from: "VIEWED", to: "DRAFT", action: "revise" },
  { from: "DECLINED", to: "DRAFT", action: "revise" },
  { from: "EXPIRED", to: "DRAFT", action: "revise" },
];

/** from → the statuses it may move to. */
export const ALLOWED_TRANSITIONS: Readonly<Record<QuoteStatus, readonly QuoteStatus[]>> = {
  DRAFT: targetsFrom("DRAFT"),
  SENT: targetsFrom("SENT"),
  VIEWED: targetsFrom("VIEWED"),
  ACCEPTED: targetsFrom("ACCEPTED"),
  DECLINED: targetsFrom("DECLINED"),
  EXPIRED: targetsFrom("EXPIRED"),
};

function targetsFrom(from: QuoteStatus): readonly QuoteStatus[] {
  return QUOTE_TRANSITIONS.filter((t) => t.from === from).map((t) => t.to);
}

export const QUOTE_STATUS_LABELS: Readonly<Record<QuoteStatus, string>> = {
  DRAFT: "Draft",
  SENT: "Sent",
  VIEWED: "Viewed",
  ACCEPTED: "Accepted",
  DECLINED: "Declined",
  EXPIRED: "Expired",
};

/** A refused status change. A 409 with a sentence a person understands when it reaches a route. */
export class InvalidTransition extends AppError {
  constructor(
    readonly from: QuoteStatus,
    readonly to: QuoteStatus,
  ) {
    super("CONFLICT", transitionRefusal(from, to) ?? `A ${from.toLowerCase()} quote can't move to ${to.toLowerCase()}`);
    this.name = "InvalidTransition";
  }
}

export function isQuoteStatus(value: unknown): value is QuoteStatus {
  return typeof value === "string" && (QUOTE_STATUSES as readonly string[]).includes(value);
}

export function canTransition(from: QuoteStatus, to: QuoteStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

export function assertTransition(from: QuoteStatus, to: QuoteStatus): void {
  if (!canTransition(from, to)) throw new InvalidTransition(from, to);
}

/** SENT, VIEWED, DECLINED and EXPIRED quotes can be revised into a new DRAFT version. */
export function canRevise(status: QuoteStatus): boolean {
  return canTransition(status, "DRAFT");
}

const WITH_ARTICLE: Record<QuoteStatus, string> = {
  DRAFT: "A draft quote",
  SENT: "A sent quote",
  VIEWED: "A viewed quote",
  ACCEPTED: "An accepted quote",
  DECLINED: "A declined quote",
  EXPIRED: "An expired quote",
};

const AS_VERB: Record<QuoteStatus, string> = {
  DRAFT: "revised",
  SENT: "sent",
  VIEWED: "marked as viewed",
  ACCEPTED: "accepted",
  DECLINED: "declined",
  EXPIRED: "marked as expired",
};

/** Why from → to is refused, in words; null when it's allowed. */
export function transitionRefusal(from: QuoteStatus, to: QuoteStatus): string | null {
  if (canTransition(from, to)) return null;
  if (from === to) {
    return from === "DRAFT" ? "This quote is already a draft: edit it directly" : `This quote is already ${QUOTE_STATUS_LABELS[from].toLowerCase()}`;
  }
  const base = `${WITH_ARTICLE[from]} can't be ${AS_VERB[to]}`;
  if (from === "ACCEPTED") return `${base}: acceptance is final`;
  if (from === "DRAFT") return `${base}: send it first`;
  if (from === "DECLINED" || from === "EXPIRED") return `${base}: revise it and send the new version`;
  return base;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function assertIsoDate(value: string, name: string): void {
  const m = ISO_DATE.exec(value);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (!m || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    throw new AppError("VALIDATION_FAILED", `Expected ${name} as YYYY-MM-DD, got "${value}"`, {
      fields: { [name]: "Use a date as YYYY-MM-DD" },
    });
  }
}

/** A quote is valid through its validUntil day and expired from the day after. */
export function isExpired(validUntil: string, today: string): boolean {
  assertIsoDate(validUntil, "validUntil");
  assertIsoDate(today, "today");
  return today > validUntil;
}

/** Only a SENT or VIEWED quote within its validity can be accepted. */
export function canAccept(status: QuoteStatus, validUntil: string, today: string): boolean {
  return canTransition(status, "ACCEPTED") && !isExpired(validUntil, today);
}

/** Why a client can't accept right now, in words; null when they can. */
export function acceptanceRefusal(status: QuoteStatus, validUntil: string, today: string): string | null {
  if (!canTransition(status, "ACCEPTED")) return transitionRefusal(status, "ACCEPTED");
  if (isExpired(validUntil, today)) return "This quote has expired: ask for a new one";
  return null;
}
