import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/modules/identity/components/LoginForm";
import { ROLE_HOME } from "@/modules/identity/permissions.ts";
import { pageContext, publicPage } from "@/server/http/page.ts";
import { AuthShell } from "@/ui/shells/AuthShell";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ reset?: string }> }) {
  publicPage();
  const { reset } = await searchParams;
  // Already signed in: straight to your portal.
  const ctx = await pageContext();
  if (ctx.user) redirect(ctx.role ? ROLE_HOME[ctx.role] : ctx.user.isPlatformOperator ? "/platform" : "/suspended");
  return (
    <AuthShell title="Sign in" subtitle="Welcome back. Sign in to your Quantract account.">
      {reset === "1" ? (
        <p role="status" className="mb-4 rounded-md border border-success-200 bg-success-50 px-3 py-2 text-sm text-success-800">
          Your password has been changed and every device was signed out. Sign in with the new password.
        </p>
      ) : null}
      <LoginForm />
    </AuthShell>
  );
}
