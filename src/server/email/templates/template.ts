import type { ReactElement } from "react";
import type { z } from "zod";
import type { Branding } from "./layout.tsx";

/** An email template: validated props, subject, HTML (React) and a plain-text part. */
export type EmailTemplate<P extends z.ZodType = z.ZodType> = {
  name: string;
  props: P;
  subject: (props: z.output<P>) => string;
  html: (props: z.output<P>, branding: Branding) => ReactElement;
  text: (props: z.output<P>) => string;
};

export function defineTemplate<P extends z.ZodType>(t: EmailTemplate<P>): EmailTemplate<P> {
  return t;
}
