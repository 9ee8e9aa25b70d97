import { defineOperation, policy } from "@/server/http/operation.ts";
import { idParams } from "@/server/http/pagination.ts";
import { agreementList, agreementOutput, listAgreementsQuery } from "./agreements.schema.ts";

export const agreementsApi = {
  list: defineOperation({ method: "GET", path: "/api/admin/agreements", summary: "Signed agreements, newest first; filter by client or quote", tag: "Quotes", policy: policy.can("quotes.manage"), query: listAgreementsQuery, response: agreementList }),
  get: defineOperation({ method: "GET", path: "/api/admin/agreements/{id}", summary: "One signed agreement with its fingerprint and certificate", tag: "Quotes", policy: policy.can("quotes.manage"), params: idParams, response: agreementOutput }),
};
