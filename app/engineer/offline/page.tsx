import type { Metadata } from "next";
import { OfflineScreen } from "@/modules/engineer/components/OfflineScreen.tsx";
import { policy } from "@/server/http/operation.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";

export const metadata: Metadata = { title: "Offline" };

/**
 * The offline shell: the service worker keeps this page and serves it for an engineer screen it
 * has no copy of (e.g. a job opened for the first time with no signal); it then shows that screen
 * from the phone's saved jobs.
 */
export default async function EngineerOffline() {
  const ctx = await requireTenantPage(policy.can("jobs.view.assigned"));
  const chrome = await loadChrome(ctx);
  return <OfflineScreen companyName={chrome.name} />;
}
