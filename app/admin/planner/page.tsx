import type { Metadata } from "next";
import { Planner } from "@/modules/schedule/components/Planner.tsx";
import { PLANNER_VIEWS, type PlannerView } from "@/modules/schedule/planner-view.ts";
import { plannerData } from "@/modules/schedule/schedule.service.ts";
import { policy } from "@/server/http/operation.ts";
import { loadOrUnavailable } from "@/server/http/page.ts";
import { requireTenantPage } from "@/server/http/portal.ts";

export const metadata: Metadata = { title: "Planner" };

type Search = Record<string, string | string[] | undefined>;

/** Day, week and month planner: lanes per engineer, unscheduled jobs to drag in. View and date live in the URL. */
export default async function PlannerPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requireTenantPage(policy.can("jobs.view"));
  const sp = await searchParams;
  const view = (PLANNER_VIEWS as readonly string[]).includes(String(sp.view)) ? (sp.view as PlannerView) : "week";
  const date = typeof sp.date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(sp.date) ? sp.date : null;
  const data = await loadOrUnavailable(() => plannerData(ctx, view, date));
  // Keyed by the window so moving to another week starts from the server's data.
  return <Planner key={`${data.view}:${data.from}`} data={data} />;
}
