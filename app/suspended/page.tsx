import type { Metadata } from "next";
import { SignOutButton } from "@/modules/identity/components/SignOutButton.tsx";
import { policy } from "@/server/http/operation.ts";
import { requirePage } from "@/server/http/page.ts";
import { AuthShell } from "@/ui";

export const metadata: Metadata = { title: "Account suspended" };

export default async function SuspendedPage() {
  await requirePage(policy.authenticated());
  return (
    <AuthShell title="This account is suspended" subtitle="Your company's Quantract account has been suspended, so nobody can work in it right now. Your data is kept safe.">
      <p className="text-sm text-neutral-700">Your company&rsquo;s admin can contact Quantract support to restore access.</p>
      <div className="mt-6">
        <SignOutButton variant="secondary" className="w-full" />
      </div>
    </AuthShell>
  );
}
