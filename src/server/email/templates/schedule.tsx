/**
 * Planner emails: an engineer hears when they are booked on a visit, when their visit moves, and
 * when it is taken off them (given to someone else, or removed from the planner).
 */
import { z } from "zod";
import { EmailButton, EmailLayout } from "./layout.tsx";
import { defineTemplate } from "./template.ts";

const props = z.object({
  change: z.enum(["assigned", "moved", "removed"]),
  engineerName: z.string(),
  jobNumber: z.string(),
  jobTitle: z.string(),
  /** Already in the company's time zone: "Tuesday 24 November 2026, 09:00 to 11:00". */
  when: z.string(),
  notes: z.string().nullable().default(null),
  url: z.url(),
});

type Props = z.output<typeof props>;

const lead = (p: Props) =>
  p.change === "assigned"
    ? `You're booked on ${p.jobNumber} (${p.jobTitle}).`
    : p.change === "moved"
      ? `Your visit for ${p.jobNumber} (${p.jobTitle}) has moved.`
      : `You're no longer booked on ${p.jobNumber} (${p.jobTitle}) for this visit.`;

const whenLabel = (p: Props) => (p.change === "assigned" ? "When" : p.change === "moved" ? "New time" : "Was");

const subject = (p: Props) =>
  p.change === "assigned" ? `New visit: ${p.jobNumber}, ${p.when}` : p.change === "moved" ? `Visit moved: ${p.jobNumber}, now ${p.when}` : `Visit cancelled: ${p.jobNumber}, ${p.when}`;

export const visitScheduled = defineTemplate({
  name: "schedule.visit",
  props,
  subject,
  html: (p, b) => (
    <EmailLayout branding={b} preview={lead(p)}>
      <p>Hi {p.engineerName},</p>
      <p>{lead(p)}</p>
      <p>
        <strong>{whenLabel(p)}:</strong> {p.when}
      </p>
      {p.notes && p.change !== "removed" ? <p style={{ whiteSpace: "pre-wrap" }}>{p.notes}</p> : null}
      <EmailButton href={p.url} color={b.brandColor}>
        Open your jobs
      </EmailButton>
    </EmailLayout>
  ),
  text: (p) =>
    [`Hi ${p.engineerName},`, "", lead(p), `${whenLabel(p)}: ${p.when}`, p.notes && p.change !== "removed" ? `\n${p.notes}` : null, "", `Open your jobs: ${p.url}`]
      .filter((l) => l !== null)
      .join("\n"),
});
