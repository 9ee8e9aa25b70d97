import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/modules/identity/components/LoginForm";
import { ROLE_HOME } from "@/modules/identity/permissions.ts";
import { pageContext, publicPage } from "@/server/http/page.ts";
import { AuthShell } from "@/ui/shells/AuthShell";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  publicPage();
  // Already signed in: straight to your portal.
  const ctx = await pageContext();
  if (ctx.user) redirect(ctx.role ? ROLE_HOME[ctx.role] : ctx.user.isPlatformOperator ? "/platform" : "/suspended");
  return (
    <AuthShell title="Sign in" subtitle="Welcome back. Sign in to your Quantract account.">
      <LoginForm />
    </AuthShell>
  );
}
