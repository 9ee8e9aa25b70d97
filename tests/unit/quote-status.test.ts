import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors/errors.ts";
import {
  acceptanceRefusal,
  ALLOWED_TRANSITIONS,
  assertTransition,
  canAccept,
  canRevise,
  canTransition,
  InvalidTransition,
  isExpired,
  isQuoteStatus,
  QUOTE_STATUSES,
  transitionRefusal,
  type QuoteStatus,
} from "@/modules/quotes/quote-status.ts";

// Written out by hand from the rules, not derived from the module.
const ALLOWED = new Set([
  "DRAFT>SENT",
  "SENT>VIEWED",
  "SENT>ACCEPTED",
  "SENT>DECLINED",
  "SENT>EXPIRED",
  "VIEWED>ACCEPTED",
  "VIEWED>DECLINED",
  "VIEWED>EXPIRED",
  // revising creates the next version, back in DRAFT
  "SENT>DRAFT",
  "VIEWED>DRAFT",
  "DECLINED>DRAFT",
  "EXPIRED>DRAFT",
]);

describe("transitions", () => {
  it("has exactly six statuses", () => {
    expect([...QUOTE_STATUSES]).toEqual(["DRAFT", "SENT", "VIEWED", "ACCEPTED", "DECLINED", "EXPIRED"]);
    expect(isQuoteStatus("SUPERSEDED")).toBe(false);
    expect(isQuoteStatus("SENT")).toBe(true);
  });

  const pairs = QUOTE_STATUSES.flatMap((from) => QUOTE_STATUSES.map((to) => [from, to] as [QuoteStatus, QuoteStatus]));
  it("covers all 36 pairs", () => expect(pairs).toHaveLength(36));

  for (const [from, to] of pairs) {
    const allowed = ALLOWED.has(`${from}>${to}`);
    it(`${allowed ? "allows" : "refuses"} ${from} → ${to}`, () => {
      expect(canTransition(from, to)).toBe(allowed);
      expect(ALLOWED_TRANSITIONS[from].includes(to)).toBe(allowed);
      if (allowed) {
        expect(() => assertTransition(from, to)).not.toThrow();
        expect(transitionRefusal(from, to)).toBeNull();
      } else {
        expect(() => assertTransition(from, to)).toThrow(InvalidTransition);
        expect(transitionRefusal(from, to)).toEqual(expect.any(String));
      }
    });
  }

  it("makes ACCEPTED final", () => {
    expect(ALLOWED_TRANSITIONS.ACCEPTED).toEqual([]);
  });

  it("explains a refusal in words", () => {
    let err: unknown;
    try {
      assertTransition("DECLINED", "ACCEPTED");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InvalidTransition);
    expect(err).toBeInstanceOf(AppError);
    const e = err as InvalidTransition;
    expect(e.message).toBe("A declined quote can't be accepted: revise it and send the new version");
    expect(e.status).toBe(409);
    expect([e.from, e.to]).toEqual(["DECLINED", "ACCEPTED"]);

    expect(transitionRefusal("ACCEPTED", "DECLINED")).toBe("An accepted quote can't be declined: acceptance is final");
    expect(transitionRefusal("ACCEPTED", "DRAFT")).toBe("An accepted quote can't be revised: acceptance is final");
    expect(transitionRefusal("EXPIRED", "ACCEPTED")).toBe("An expired quote can't be accepted: revise it and send the new version");
    expect(transitionRefusal("DRAFT", "ACCEPTED")).toBe("A draft quote can't be accepted: send it first");
    expect(transitionRefusal("VIEWED", "SENT")).toBe("A viewed quote can't be sent");
    expect(transitionRefusal("SENT", "SENT")).toBe("This quote is already sent");
    expect(transitionRefusal("ACCEPTED", "ACCEPTED")).toBe("This quote is already accepted");
    expect(transitionRefusal("DRAFT", "DRAFT")).toBe("This quote is already a draft: edit it directly");
  });
});

describe("canRevise", () => {
  it("allows revising sent, viewed, declined and expired quotes only", () => {
    expect(QUOTE_STATUSES.filter(canRevise)).toEqual(["SENT", "VIEWED", "DECLINED", "EXPIRED"]);
  });
});

describe("expiry and acceptance", () => {
  it("keeps a quote valid through its validUntil day", () => {
    expect(isExpired("2026-05-31", "2026-05-30")).toBe(false);
    expect(isExpired("2026-05-31", "2026-05-31")).toBe(false);
    expect(isExpired("2026-05-31", "2026-06-01")).toBe(true);
    expect(isExpired("2026-12-31", "2027-01-01")).toBe(true);
    expect(isExpired("2027-01-01", "2026-12-31")).toBe(false);
  });

  it("refuses dates that aren't YYYY-MM-DD", () => {
    expect(() => isExpired("2026-02-30", "2026-01-01")).toThrow(AppError);
    expect(() => isExpired("2026-05-31", "1/6/2026")).toThrow(/today/);
    expect(() => isExpired("2026-05-31T00:00:00Z", "2026-05-31")).toThrow(/validUntil/);
  });

  it("lets a client accept only a sent or viewed quote that hasn't expired", () => {
    expect(canAccept("SENT", "2026-05-31", "2026-05-01")).toBe(true);
    expect(canAccept("VIEWED", "2026-05-31", "2026-05-31")).toBe(true);
    expect(canAccept("VIEWED", "2026-05-31", "2026-06-01")).toBe(false);
    expect(canAccept("SENT", "2026-05-31", "2026-06-01")).toBe(false);
    for (const s of ["DRAFT", "ACCEPTED", "DECLINED", "EXPIRED"] as const) {
      expect(canAccept(s, "2026-05-31", "2026-05-01"), s).toBe(false);
    }
    expect(acceptanceRefusal("VIEWED", "2026-05-31", "2026-05-31")).toBeNull();
    expect(acceptanceRefusal("VIEWED", "2026-05-31", "2026-06-01")).toBe("This quote has expired: ask for a new one");
    expect(acceptanceRefusal("ACCEPTED", "2026-05-31", "2026-05-01")).toBe("This quote is already accepted");
  });
});
