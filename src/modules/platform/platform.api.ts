import { defineOperation, policy } from "@/server/http/operation.ts";
import { idParams } from "@/server/http/pagination.ts";
import { companyStatusChangeInput, tenantList, tenantOutput } from "./platform.schema.ts";

export const platformApi = {
  list: defineOperation({
    method: "GET",
    path: "/api/platform/companies",
    summary: "Every company with status, user count and last activity (counts only, no business data)",
    tag: "Platform",
    policy: policy.operator(),
    response: tenantList,
  }),
  suspend: defineOperation({
    method: "POST",
    path: "/api/platform/companies/{id}/suspend",
    summary: "Suspend a company (its users are refused; data is kept), with a reason; audited",
    tag: "Platform",
    policy: policy.operator(),
    params: idParams,
    body: companyStatusChangeInput,
    response: tenantOutput,
  }),
  reactivate: defineOperation({
    method: "POST",
    path: "/api/platform/companies/{id}/reactivate",
    summary: "Reactivate a suspended company, with a reason; audited",
    tag: "Platform",
    policy: policy.operator(),
    params: idParams,
    body: companyStatusChangeInput,
    response: tenantOutput,
  }),
};
