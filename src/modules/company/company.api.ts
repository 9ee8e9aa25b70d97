import { defineOperation, policy } from "@/server/http/operation.ts";
import { companyOutput, companySettingsInput } from "./company.schema.ts";

export const companyApi = {
  get: defineOperation({
    method: "GET",
    path: "/api/admin/company",
    summary: "The active company's details and settings",
    tag: "Company",
    policy: policy.can("company.view"),
    response: companyOutput,
  }),
  update: defineOperation({
    method: "PATCH",
    path: "/api/admin/company",
    summary: "Update company details, numbering prefixes, VAT default, payment terms and branding",
    tag: "Company",
    policy: policy.can("settings.manage"),
    body: companySettingsInput,
    response: companyOutput,
  }),
};
