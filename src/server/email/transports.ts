/**
 * Delivery transports. `mailbox` keeps the message in the database only (development and
 * tests; refused in production unless EMAIL_TRANSPORT=mailbox is set explicitly). `resend`
 * delivers through Resend, passing our idempotency key so a retried send is delivered once.
 */
import { Resend } from "resend";
import { env } from "../config/env.ts";

export type OutgoingEmail = {
  from: string;
  to: string[];
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  attachments: { fileName: string; contentType: string; content: Buffer }[];
  idempotencyKey: string;
};

export class TransportError extends Error {
  constructor(message: string, readonly statusCode: number | null) {
    super(message);
    this.name = "TransportError";
  }
}

export type EmailTransport = { name: "mailbox" | "resend"; send(email: OutgoingEmail): Promise<{ providerMessageId: string | null }> };

export function transportName(): "mailbox" | "resend" {
  const e = env();
  return e.EMAIL_TRANSPORT ?? (e.NODE_ENV === "production" ? "resend" : "mailbox");
}

const mailbox: EmailTransport = {
  name: "mailbox",
  // The processor stores the rendered message as the EmailMessage row: that is the delivery.
  send: async () => ({ providerMessageId: null }),
};

let resendClient: Resend | undefined;

const resend: EmailTransport = {
  name: "resend",
  async send(email) {
    resendClient ??= new Resend(env().RESEND_API_KEY);
    const { data, error } = await resendClient.emails.send(
      {
        from: email.from,
        to: email.to,
        subject: email.subject,
        html: email.html,
        text: email.text,
        ...(email.replyTo ? { replyTo: email.replyTo } : {}),
        attachments: email.attachments.map((a) => ({ filename: a.fileName, content: a.content.toString("base64"), contentType: a.contentType })),
      },
      { idempotencyKey: email.idempotencyKey },
    );
    if (error || !data) {
      const status = (error as { statusCode?: number | null } | null)?.statusCode ?? null;
      throw new TransportError(`Resend refused the email: ${error?.message ?? "no response"}`, status);
    }
    return { providerMessageId: data.id };
  },
};

export function emailTransport(): EmailTransport {
  return transportName() === "resend" ? resend : mailbox;
}
