/** Planner emails: an engineer hears when they are booked on a visit or when their visit moves. */
import { z } from "zod";
import { EmailButton, EmailLayout } from "./layout.tsx";
import { defineTemplate } from "./template.ts";

const props = z.object({
  change: z.enum(["assigned", "moved"]),
  engineerName: z.string(),
  jobNumber: z.string(),
  jobTitle: z.string(),
  /** Already in the company's time zone: "Tuesday 24 November 2026, 09:00 to 11:00". */
  when: z.string(),
  notes: z.string().nullable().default(null),
  url: z.url(),
});

const lead = (p: z.output<typeof props>) =>
  p.change === "assigned" ? `You're booked on ${p.jobNumber} (${p.jobTitle}).` : `Your visit for ${p.jobNumber} (${p.jobTitle}) has moved.`;

export const visitScheduled = defineTemplate({
  name: "schedule.visit",
  props,
  subject: (p) => (p.change === "assigned" ? `New visit: ${p.jobNumber}, ${p.when}` : `Visit moved: ${p.jobNumber}, now ${p.when}`),
  html: (p, b) => (
    <EmailLayout branding={b} preview={lead(p)}>
      <p>Hi {p.engineerName},</p>
      <p>{lead(p)}</p>
      <p>
        <strong>{p.change === "assigned" ? "When" : "New time"}:</strong> {p.when}
      </p>
      {p.notes ? <p style={{ whiteSpace: "pre-wrap" }}>{p.notes}</p> : null}
      <EmailButton href={p.url} color={b.brandColor}>
        Open your jobs
      </EmailButton>
    </EmailLayout>
  ),
  text: (p) =>
    [`Hi ${p.engineerName},`, "", lead(p), `${p.change === "assigned" ? "When" : "New time"}: ${p.when}`, p.notes ? `\n${p.notes}` : null, "", `Open your jobs: ${p.url}`]
      .filter((l) => l !== null)
      .join("\n"),
});
