/** Sign-in emails: magic link, password reset, invitation. */
import { z } from "zod";
import { EmailButton, EmailLayout } from "./layout.tsx";
import { defineTemplate } from "./template.ts";

export const magicLink = defineTemplate({
  name: "auth.magic_link",
  props: z.object({ name: z.string(), url: z.url(), minutes: z.number().int() }),
  subject: () => "Your Quantract sign-in link",
  html: (p, b) => (
    <EmailLayout branding={b} preview="Your sign-in link">
      <p>Hello {p.name},</p>
      <p>Use this button to sign in. It works once and expires in {p.minutes} minutes.</p>
      <EmailButton href={p.url} color={b.brandColor}>
        Sign in to Quantract
      </EmailButton>
      <p style={{ color: "#6b7280", fontSize: 13 }}>If you didn&rsquo;t ask for this, ignore this email: nobody can sign in without the link.</p>
    </EmailLayout>
  ),
  text: (p) =>
    `Hello ${p.name},\n\nUse this link to sign in. It works once and expires in ${p.minutes} minutes:\n${p.url}\n\nIf you didn't ask for this, ignore this email.`,
});

export const passwordReset = defineTemplate({
  name: "auth.password_reset",
  props: z.object({ name: z.string(), url: z.url(), minutes: z.number().int() }),
  subject: () => "Reset your Quantract password",
  html: (p, b) => (
    <EmailLayout branding={b} preview="Reset your password">
      <p>Hello {p.name},</p>
      <p>Someone asked to reset the password for this account. The link works once and expires in {p.minutes} minutes.</p>
      <EmailButton href={p.url} color={b.brandColor}>
        Choose a new password
      </EmailButton>
      <p style={{ color: "#6b7280", fontSize: 13 }}>If it wasn&rsquo;t you, ignore this email; your password stays as it is.</p>
    </EmailLayout>
  ),
  text: (p) =>
    `Hello ${p.name},\n\nSomeone asked to reset the password for this account. This link works once and expires in ${p.minutes} minutes:\n${p.url}\n\nIf it wasn't you, ignore this email.`,
});

export const invite = defineTemplate({
  name: "auth.invite",
  props: z.object({ inviterName: z.string(), companyName: z.string(), role: z.string(), url: z.url(), days: z.number().int() }),
  subject: (p) => `${p.inviterName} invited you to ${p.companyName} on Quantract`,
  html: (p, b) => (
    <EmailLayout branding={b} preview={`Join ${p.companyName} on Quantract`}>
      <p>
        {p.inviterName} has invited you to join <strong>{p.companyName}</strong> on Quantract as {p.role.toLowerCase()}.
      </p>
      <EmailButton href={p.url} color={b.brandColor}>
        Accept the invitation
      </EmailButton>
      <p style={{ color: "#6b7280", fontSize: 13 }}>The invitation expires in {p.days} days.</p>
    </EmailLayout>
  ),
  text: (p) =>
    `${p.inviterName} has invited you to join ${p.companyName} on Quantract as ${p.role.toLowerCase()}.\n\nAccept the invitation (expires in ${p.days} days):\n${p.url}`,
});
