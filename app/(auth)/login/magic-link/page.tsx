import type { Metadata } from "next";
import { EmailLinkForm } from "@/modules/identity/components/EmailLinkForm.tsx";
import { publicPage } from "@/server/http/page.ts";
import { AuthShell } from "@/ui/shells/AuthShell";

export const metadata: Metadata = { title: "Email me a sign-in link" };

export default function MagicLinkRequestPage() {
  publicPage();
  return (
    <AuthShell title="Sign in with an email link" subtitle="No password needed: we'll email you a link that signs you in.">
      <EmailLinkForm endpoint="/api/auth/magic-link" submitLabel="Email me a sign-in link" sentText="a sign-in link is on its way. It works once, for 15 minutes." />
    </AuthShell>
  );
}
