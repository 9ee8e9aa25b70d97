import { checkHealth } from "@/server/health/health.ts";
import { healthApi } from "@/server/health/health.api.ts";
import { route } from "@/server/http/route.ts";

export const dynamic = "force-dynamic";

export const GET = route(healthApi.get, async () => {
  const report = await checkHealth();
  return Response.json(report, { status: report.status === "ok" ? 200 : 503 });
});
