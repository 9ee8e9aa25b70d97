import type { Metadata } from "next";
import Link from "next/link";
import { describeLink } from "@/modules/identity/email-signin.service.ts";
import { MagicLinkConfirm } from "@/modules/identity/components/MagicLinkConfirm.tsx";
import { loadOrUnavailable, publicPage } from "@/server/http/page.ts";
import { AuthShell } from "@/ui/shells/AuthShell";

export const metadata: Metadata = { title: "Sign in", referrer: "no-referrer" };

export default async function MagicLinkPage({ params }: { params: Promise<{ token: string }> }) {
  publicPage();
  const { token } = await params;
  const link = await loadOrUnavailable(() => describeLink(token, "MAGIC_LINK"));
  if (!link) {
    return (
      <AuthShell title="This link has expired" subtitle="Sign-in links work once, for 15 minutes.">
        <Link href="/login/magic-link" className="font-medium text-neutral-900 underline underline-offset-4">
          Email me a new link
        </Link>
      </AuthShell>
    );
  }
  return (
    <AuthShell title="Sign in to Quantract">
      <MagicLinkConfirm token={token} email={link.email} />
    </AuthShell>
  );
}
