import { reportsApi } from "@/modules/reports/reports.api.ts";
import { agingCsv, agingReport } from "@/modules/reports/reports.service.ts";
import { requireTenant } from "@/server/context.ts";
import { csvResponse } from "@/server/csv/csv.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(reportsApi.aging, async ({ ctx, query }) => {
  const report = await agingReport(requireTenant(ctx), query);
  return query.format === "csv" ? csvResponse(`aging-${report.asOf}.csv`, agingCsv(report)) : report;
});
