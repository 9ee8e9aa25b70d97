import { defineOperation, policy } from "@/server/http/operation.ts";
import { agingQuery, agingReport, revenueQuery, revenueReport, vatQuery, vatReport } from "./reports.schema.ts";

const view = policy.can("reports.view");

export const reportsApi = {
  aging: defineOperation({
    method: "GET",
    path: "/api/admin/reports/aging",
    summary: "A/R aging at a date (current, 1-30, 31-60, 61-90, 90+ days overdue) by client; partial payments and credit notes counted; ?format=csv",
    tag: "Reports",
    policy: view,
    query: agingQuery,
    response: agingReport,
  }),
  vat: defineOperation({
    method: "GET",
    path: "/api/admin/reports/vat",
    summary: "VAT summary per VAT quarter of the company's HMRC stagger (from/to widened to whole quarters): net and VAT by rate, on the company's accrual or cash basis; ?format=csv",
    tag: "Reports",
    policy: view,
    query: vatQuery,
    response: vatReport,
  }),
  revenue: defineOperation({
    method: "GET",
    path: "/api/admin/reports/revenue",
    summary: "Revenue by month, quarter or year: invoiced (after credit notes) vs collected (after refunds), collection rate; ?format=csv",
    tag: "Reports",
    policy: view,
    query: revenueQuery,
    response: revenueReport,
  }),
};
