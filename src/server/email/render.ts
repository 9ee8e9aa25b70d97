import { renderToStaticMarkup } from "react-dom/server";
import type { Branding } from "./templates/layout.tsx";
import { EMAIL_TEMPLATES } from "./templates/index.ts";

export type RenderedEmail = { subject: string; html: string; text: string };

/** Renders a template with its props (validated) and the sender's branding. Pure. */
export function renderEmail(template: string, props: unknown, branding: Branding): RenderedEmail {
  const t = EMAIL_TEMPLATES.get(template);
  if (!t) throw new Error(`Unknown email template "${template}"`);
  const p = t.props.parse(props);
  return { subject: t.subject(p), html: `<!doctype html>${renderToStaticMarkup(t.html(p, branding))}`, text: t.text(p) };
}
