import type { Metadata } from "next";
import Link from "next/link";
import { describeLink } from "@/modules/identity/email-signin.service.ts";
import { ResetPasswordForm } from "@/modules/identity/components/ResetPasswordForm.tsx";
import { loadOrUnavailable, publicPage } from "@/server/http/page.ts";
import { AuthShell } from "@/ui/shells/AuthShell";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  publicPage();
  const { token } = await params;
  const link = await loadOrUnavailable(() => describeLink(token, "PASSWORD_RESET"));
  if (!link) {
    return (
      <AuthShell title="This link has expired" subtitle="Reset links work once, for 30 minutes.">
        <Link href="/forgot-password" className="font-medium text-neutral-900 underline underline-offset-4">
          Email me a new link
        </Link>
      </AuthShell>
    );
  }
  return (
    <AuthShell title="Choose a new password" subtitle={`For ${link.email}`}>
      <ResetPasswordForm token={token} />
    </AuthShell>
  );
}
