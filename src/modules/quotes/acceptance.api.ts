import { z } from "zod";
import { defineOperation, policy } from "@/server/http/operation.ts";
import { acceptQuoteInput, quoteTokenParams, respondQuoteInput } from "./acceptance.schema.ts";

export const quoteLinkApi = {
  accept: defineOperation({
    method: "POST",
    path: "/api/public/quotes/{token}/accept",
    summary: "The client accepts the latest sent version with their choices, typed name and drawn signature (once)",
    tag: "Client links",
    policy: policy.public(),
    params: quoteTokenParams,
    body: acceptQuoteInput,
    response: z.object({
      agreementId: z.uuid(),
      grossPence: z.number().int(),
      /** When the quote asks for a deposit: the deposit invoice issued on acceptance, and where the client pays it. */
      depositInvoiceId: z.uuid().nullable(),
      payUrl: z.url().nullable(),
    }),
  }),
  respond: defineOperation({
    method: "POST",
    path: "/api/public/quotes/{token}/respond",
    summary: "The client declines or asks for changes, with a comment",
    tag: "Client links",
    policy: policy.public(),
    params: quoteTokenParams,
    body: respondQuoteInput,
  }),
  payDeposit: defineOperation({
    method: "POST",
    path: "/api/public/quotes/{token}/deposit",
    summary: "From an accepted quote's link: where to pay the deposit still owed (Stripe Checkout, or the invoice page when the company doesn't take cards); 409 when nothing is owed",
    tag: "Client links",
    policy: policy.public(),
    params: quoteTokenParams,
    response: z.object({ payUrl: z.url() }),
  }),
  agreement: defineOperation({
    method: "GET",
    path: "/api/public/quotes/{token}/agreement",
    summary: "The signed agreement certificate (PDF) for the link holder",
    tag: "Client links",
    policy: policy.public(),
    params: quoteTokenParams,
    response: z.unknown(),
  }),
};
