import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { MfaChallengeForm } from "@/modules/identity/components/MfaChallengeForm";
import { ROLE_HOME } from "@/modules/identity/permissions.ts";
import { pageContext, publicPage } from "@/server/http/page.ts";
import { AuthShell } from "@/ui/shells/AuthShell";

export const metadata: Metadata = { title: "Two-factor authentication" };

export default async function MfaChallengePage() {
  // Public on purpose: the visitor has passed the password step but has no session yet.
  publicPage();
  const ctx = await pageContext();
  if (ctx.user) redirect(ctx.role ? ROLE_HOME[ctx.role] : ctx.user.isPlatformOperator ? "/platform" : "/suspended");
  return (
    <AuthShell title="Two-factor authentication" subtitle="One more step: prove it's you with your authenticator app.">
      <MfaChallengeForm />
    </AuthShell>
  );
}
