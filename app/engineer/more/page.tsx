import type { Metadata } from "next";
import { PendingBeforeSignOut } from "@/modules/engineer/components/PendingBeforeSignOut.tsx";
import { SignOutButton } from "@/modules/identity/components/SignOutButton.tsx";
import { policy } from "@/server/http/operation.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import Link from "next/link";
import { Card } from "@/ui/Card";
import { Icon } from "@/ui/icons";

export const metadata: Metadata = { title: "More" };

export default async function EngineerMore() {
  const ctx = await requireTenantPage(policy.can("jobs.view.assigned"));
  const chrome = await loadChrome(ctx);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">More</h1>
      <Card title="Signed in as">
        <p className="text-lg font-medium">{ctx.user.name}</p>
        <p className="break-all text-neutral-600">{ctx.user.email}</p>
        <p className="mt-1 text-neutral-600">{chrome.name}</p>
      </Card>
      <Link href="/engineer/account" className="flex min-h-12 items-center justify-between rounded-lg border border-neutral-300 bg-white px-4 text-base font-medium">
        Account security
        <Icon name="chevronRight" size={20} className="text-neutral-500" />
      </Link>
      {chrome.phone ? (
        <a href={`tel:${chrome.phone.replace(/\s+/g, "")}`} className="flex min-h-12 items-center justify-center rounded-lg border border-neutral-300 bg-white text-base font-medium">
          Call the office · {chrome.phone}
        </a>
      ) : null}
      <PendingBeforeSignOut />
      <SignOutButton variant="secondary" size="lg" className="w-full" />
    </div>
  );
}
