import type { Metadata } from "next";
import { EmailLinkForm } from "@/modules/identity/components/EmailLinkForm.tsx";
import { publicPage } from "@/server/http/page.ts";
import { AuthShell } from "@/ui/shells/AuthShell";

export const metadata: Metadata = { title: "Reset your password" };

export default function ForgotPasswordPage() {
  publicPage();
  return (
    <AuthShell title="Reset your password" subtitle="We'll email you a link to choose a new one.">
      <EmailLinkForm endpoint="/api/auth/password-reset" submitLabel="Email me a reset link" sentText="a link to reset the password is on its way. It works once, for 30 minutes." />
    </AuthShell>
  );
}
