import type { Metadata } from "next";
import { AcceptInvitationForm } from "@/modules/identity/components/AcceptInvitationForm";
import { describeInvitation } from "@/modules/identity/invitations.service.ts";
import { loadOrUnavailable, publicPage } from "@/server/http/page.ts";
import { Button } from "@/ui/Button";
import { AuthShell } from "@/ui/shells/AuthShell";

const ROLE_PHRASE = { ADMIN: "an admin", OFFICE: "office staff", ENGINEER: "an engineer", CLIENT: "a client" } as const;

export const metadata: Metadata = { title: "Your invitation", referrer: "no-referrer" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  // Public on purpose: the link in the email is the credential.
  publicPage();
  const { token } = await params;
  const invitation = await loadOrUnavailable(() => describeInvitation(token));
  if (!invitation) {
    return (
      <AuthShell title="This invitation can't be used" subtitle="It has expired, was cancelled, or has already been accepted.">
        <p className="text-sm text-neutral-700">Ask whoever invited you to send a new invitation. If you already joined, sign in.</p>
        <Button href="/login" className="mt-6" fullWidth size="lg">
          Go to sign in
        </Button>
      </AuthShell>
    );
  }
  return (
    <AuthShell title={`Join ${invitation.companyName}`} subtitle={`You've been invited to Quantract as ${ROLE_PHRASE[invitation.role]}.`}>
      <AcceptInvitationForm token={token} email={invitation.email} existingUser={invitation.existingUser} />
    </AuthShell>
  );
}
