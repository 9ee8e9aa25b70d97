/** Every email template, by name. Areas add theirs here. */
import { invite, magicLink, passwordReset } from "./auth.tsx";
import { quoteAcceptedClient, quoteAcceptedOffice, quoteResponseOffice, quoteSent } from "./quotes.tsx";
import { enquiryReceived } from "./enquiries.tsx";
import type { EmailTemplate } from "./template.ts";

const TEMPLATES: EmailTemplate[] = [magicLink, passwordReset, invite, enquiryReceived, quoteSent, quoteAcceptedClient, quoteAcceptedOffice, quoteResponseOffice] as EmailTemplate[];

export const EMAIL_TEMPLATES: ReadonlyMap<string, EmailTemplate> = new Map(TEMPLATES.map((t) => [t.name, t]));

/** Categories a recipient can't mute: they carry sign-in and security messages. */
export const UNMUTABLE_CATEGORIES = new Set(["auth", "security"]);
