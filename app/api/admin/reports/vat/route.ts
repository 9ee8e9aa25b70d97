import { reportsApi } from "@/modules/reports/reports.api.ts";
import { vatCsv, vatReport } from "@/modules/reports/reports.service.ts";
import { requireTenant } from "@/server/context.ts";
import { csvResponse } from "@/server/csv/csv.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(reportsApi.vat, async ({ ctx, query }) => {
  const report = await vatReport(requireTenant(ctx), query);
  return query.format === "csv" ? csvResponse(`vat-${report.from}-to-${report.to}.csv`, vatCsv(report)) : report;
});
