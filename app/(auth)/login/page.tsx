import type { Metadata } from "next";
import { LoginForm } from "@/modules/identity/components/LoginForm";
import { AuthShell } from "@/ui/shells/AuthShell";

export const metadata: Metadata = { title: "Sign in" };

export default function LoginPage() {
  return (
    <AuthShell title="Sign in" subtitle="Welcome back. Sign in to your Quantract account.">
      <LoginForm />
    </AuthShell>
  );
}
