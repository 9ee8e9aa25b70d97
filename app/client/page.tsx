import type { Metadata } from "next";
import { SignOutButton } from "@/modules/identity/components/SignOutButton.tsx";
import { policy } from "@/server/http/operation.ts";
import { loadChrome, requireTenantPage } from "@/server/http/portal.ts";
import { Button, Card, EmptyState } from "@/ui";

export const metadata: Metadata = { title: "Your account" };

export default async function ClientHome() {
  const ctx = await requireTenantPage(policy.can("client.portal"));
  const chrome = await loadChrome(ctx);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Hello {ctx.user.name.split(" ")[0]}</h1>
        <p className="text-neutral-600">Your account with {chrome.name}.</p>
      </div>
      <Card>
        <EmptyState
          icon="inbox"
          title="Nothing to review yet"
          text={`Quotes, jobs, invoices and certificates from ${chrome.name} appear here as soon as they send them.`}
        />
      </Card>
      <div className="flex flex-wrap gap-3">
        <Button href="/client/account" variant="secondary">
          Account security
        </Button>
        <SignOutButton variant="secondary" />
      </div>
    </div>
  );
}
