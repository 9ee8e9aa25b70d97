import { reportsApi } from "@/modules/reports/reports.api.ts";
import { revenueCsv, revenueReport } from "@/modules/reports/reports.service.ts";
import { requireTenant } from "@/server/context.ts";
import { csvResponse } from "@/server/csv/csv.ts";
import { route } from "@/server/http/route.ts";

export const GET = route(reportsApi.revenue, async ({ ctx, query }) => {
  const report = await revenueReport(requireTenant(ctx), query);
  return query.format === "csv" ? csvResponse(`revenue-${report.from}-to-${report.to}.csv`, revenueCsv(report)) : report;
});
