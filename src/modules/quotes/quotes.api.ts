import { defineOperation, policy } from "@/server/http/operation.ts";
import { idParams } from "@/server/http/pagination.ts";
import { createQuoteInput, listQuotesQuery, quoteDetail, quoteList, updateQuoteInput } from "./quotes.schema.ts";

const manage = policy.can("quotes.manage");

export const quotesApi = {
  list: defineOperation({ method: "GET", path: "/api/admin/quotes", summary: "Quotes, newest first; filter by status or client", tag: "Quotes", policy: manage, query: listQuotesQuery, response: quoteList }),
  create: defineOperation({ method: "POST", path: "/api/admin/quotes", summary: "Create a draft quote (numbered) with its lines", tag: "Quotes", policy: manage, body: createQuoteInput, response: quoteDetail, successStatus: 201 }),
  get: defineOperation({ method: "GET", path: "/api/admin/quotes/{id}", summary: "A quote with lines, totals (from the pricing function) and sent versions", tag: "Quotes", policy: manage, params: idParams, response: quoteDetail }),
  update: defineOperation({ method: "PATCH", path: "/api/admin/quotes/{id}", summary: "Edit a draft (fields and/or all lines)", tag: "Quotes", policy: manage, params: idParams, body: updateQuoteInput, response: quoteDetail }),
  send: defineOperation({ method: "POST", path: "/api/admin/quotes/{id}/send", summary: "Freeze the draft as the next version, issue a client link and email the quote contacts", tag: "Quotes", policy: manage, params: idParams, response: quoteDetail }),
  revise: defineOperation({ method: "POST", path: "/api/admin/quotes/{id}/revise", summary: "Start the next version as a draft", tag: "Quotes", policy: manage, params: idParams, response: quoteDetail }),
};
