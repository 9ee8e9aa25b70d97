/**
 * Demo jobs for both companies, made through the real services: one in every status (the
 * accepted demo quote converted, others booked directly), checklist templates with required items
 * attached to them (some ticked by the engineer), engineers assigned, notes, clocked and manual
 * time over the last two weeks: the week before last approved, last week submitted.
 * Runs before the planner's seed, which books visits for the open jobs. Idempotent: a company that
 * already has checklist templates is left alone.
 */
import { attachChecklist, createTemplate, setChecklistItem } from "../src/modules/checklists/checklists.service.ts";
import { effectiveCapabilities, type RoleName } from "../src/modules/identity/permissions.ts";
import { addJobNote, assignEngineer, completeJob, createJob, createJobFromQuote, getJob, transitionJob } from "../src/modules/jobs/jobs.service.ts";
import { addDays, formatLocalDate, localParts, startOfWeek, zonedTime, type LocalDate } from "../src/modules/schedule/schedule-time.ts";
import { clockIn, clockOut, createTimeEntry, endBreak, startBreak } from "../src/modules/time/time.service.ts";
import { approveTimesheet, submitTimesheet } from "../src/modules/time/timesheets.service.ts";
import { anonymousContext, requireTenant, type TenantContext } from "../src/server/context.ts";
import { unsafeUnscopedDb } from "../src/server/db/client.ts";
import { signatureDataUrl } from "../tests/support/png.ts";

type TemplateSpec = { title: string; description: string; items: { label: string; required: boolean; description?: string }[] };

const TEMPLATES: Record<string, TemplateSpec[]> = {
  sparkright: [
    {
      title: "EICR pre-checks",
      description: "Before testing starts on a periodic inspection.",
      items: [
        { label: "Occupants told the power will be off", required: true },
        { label: "Previous certificate found or noted as missing", required: false },
        { label: "Consumer unit inspected visually (no damage, no heat marks)", required: true },
        { label: "Safe isolation proven with an approved voltage indicator", required: true },
      ],
    },
    {
      title: "Consumer unit change",
      description: "Every board replacement, domestic or commercial.",
      items: [
        { label: "Safe isolation proven and locked off", required: true },
        { label: "Photo of the old board", required: false },
        { label: "Main bonding checked (gas and water)", required: true },
        { label: "RCD and RCBO trip times recorded", required: true },
        { label: "New board labelled", required: true },
        { label: "Client shown how to reset a tripped RCBO", required: true },
      ],
    },
  ],
  northgate: [
    {
      title: "Boiler service",
      description: "Annual service to the manufacturer's instructions.",
      items: [
        { label: "Flue gas analysis recorded", required: true },
        { label: "System pressure and expansion vessel checked", required: true },
        { label: "Condensate trap cleaned", required: false },
        { label: "Benchmark service record completed", required: true },
      ],
    },
    {
      title: "Gas safety record pre-checks",
      description: "Landlord gas safety (CP12) visits.",
      items: [
        { label: "Ventilation for each appliance checked", required: true },
        { label: "Tightness test passed", required: true },
        { label: "CO alarm tested", required: true },
        { label: "Tenant given the appliance information", required: false },
      ],
    },
  ],
};

type JobSpec = { title: string; scope: string; minutes: number; status: "SCHEDULED" | "IN_PROGRESS" | "ON_HOLD" | "COMPLETED" | "INVOICED" | "CANCELLED"; template: number; reason?: string };

const JOBS: Record<string, JobSpec[]> = {
  sparkright: [
    { title: "Landlord EICR, 3-bed semi", scope: "Periodic inspection and test of the whole installation; report with observations.", minutes: 240, status: "IN_PROGRESS", template: 0 },
    { title: "Garage sub-main and sockets", scope: "SWA sub-main from the house board to a new garage consumer unit, four double sockets, two LED battens.", minutes: 420, status: "ON_HOLD", template: 1, reason: "Waiting for the client to clear the garage" },
    { title: "Smoke alarm interlinking", scope: "Replace three smoke alarms with mains interlinked units and a heat alarm in the kitchen.", minutes: 180, status: "COMPLETED", template: 0 },
    { title: "Replace faulty RCD", scope: "Replace the tripping 63 A RCD and test the circuits it protects.", minutes: 120, status: "INVOICED", template: 1 },
    { title: "Café lighting survey", scope: "Survey the existing lighting and propose an LED upgrade.", minutes: 90, status: "CANCELLED", template: 0, reason: "Client went with their landlord's contractor" },
  ],
  northgate: [
    { title: "Annual service, Worcester combi", scope: "Annual service and safety check of the Worcester Greenstar 30i.", minutes: 90, status: "IN_PROGRESS", template: 0 },
    { title: "Radiator valve replacement", scope: "Replace four lockshield valves and fit TRVs throughout.", minutes: 240, status: "ON_HOLD", template: 0, reason: "Valves on back order until next week" },
    { title: "Landlord gas safety record, flat 2", scope: "CP12 for the gas hob and combi boiler.", minutes: 60, status: "COMPLETED", template: 1 },
    { title: "Boiler breakdown: E119 low pressure", scope: "Diagnose the pressure loss and repair.", minutes: 150, status: "INVOICED", template: 0 },
    { title: "Bathroom survey", scope: "Measure up for a full bathroom refit quote.", minutes: 60, status: "CANCELLED", template: 1, reason: "Client postponed the refit to next year" },
  ],
};

function contextFor(user: { id: string; email: string; name: string }, companyId: string, role: RoleName): TenantContext {
  return requireTenant({
    ...anonymousContext({ requestId: "seed", userAgent: "Demo data" }),
    user: { id: user.id, email: user.email, name: user.name, isPlatformOperator: false },
    companyId,
    companyStatus: "ACTIVE",
    role,
    capabilities: effectiveCapabilities(role),
  });
}

async function tickAll(ctx: TenantContext, jobId: string, occurredAt: Date) {
  const job = await getJob(ctx, jobId);
  for (const c of job.checklists) for (const i of c.items) if (!i.completedAt) await setChecklistItem(ctx, i.id, true, { occurredAt });
}

export async function seedJobs(slugs: string[]): Promise<number> {
  const db = unsafeUnscopedDb();
  const signature = signatureDataUrl();
  let created = 0;
  for (const slug of slugs) {
    const company = await db.company.findUniqueOrThrow({ where: { slug } });
    if (await db.checklistTemplate.count({ where: { companyId: company.id } })) continue;
    const admin = await db.user.findUniqueOrThrow({ where: { email: `admin@${slug}.test` } });
    const ctx = contextFor(admin, company.id, "ADMIN");
    const engineerUsers = await db.user.findMany({ where: { email: { in: [`engineer@${slug}.test`, `engineer2@${slug}.test`] } }, orderBy: { email: "asc" } });
    const [eng1, eng2] = [engineerUsers.find((u) => u.email.startsWith("engineer@"))!, engineerUsers.find((u) => u.email.startsWith("engineer2@"))!];
    const engCtx = contextFor(eng1, company.id, "ENGINEER");
    const eng2Ctx = contextFor(eng2, company.id, "ENGINEER");

    const templates = [];
    for (const t of TEMPLATES[slug] ?? TEMPLATES.sparkright!) {
      templates.push(await createTemplate(ctx, { title: t.title, description: t.description, items: t.items.map((i) => ({ label: i.label, description: i.description ?? null, required: i.required })) }));
      created++;
    }

    const tz = company.timeZone;
    const thisMonday = startOfWeek(localParts(new Date(), tz));
    const lastMonday = addDays(thisMonday, -7);
    const twoAgo = addDays(thisMonday, -14);
    const at = (day: LocalDate, hhmm: string) => {
      const [h, m] = hhmm.split(":").map(Number);
      return zonedTime(day, h! * 60 + m!, tz);
    };

    // The accepted demo quote becomes a scheduled job with its budget.
    const accepted = await db.quote.findFirst({ where: { companyId: company.id, status: "ACCEPTED", jobs: { none: {} } }, orderBy: { number: "asc" } });
    if (accepted) {
      const job = await createJobFromQuote(ctx, accepted.id);
      await attachChecklist(ctx, job.id, templates[templates.length - 1]!.id);
      await assignEngineer(ctx, job.id, eng2.id);
      await addJobNote(ctx, job.id, "Client works from home: knock at the side door. Parking on the drive.");
      created++;
    }

    const clients = await db.client.findMany({ where: { companyId: company.id, archivedAt: null }, include: { sites: { where: { archivedAt: null }, orderBy: { id: "asc" }, take: 1 } }, orderBy: { name: "desc" } });
    const jobs: { id: string; spec: JobSpec }[] = [];
    for (const [i, spec] of (JOBS[slug] ?? JOBS.sparkright!).entries()) {
      const client = clients[i % clients.length]!;
      const job = await createJob(ctx, { clientId: client.id, siteId: client.sites[0]?.id ?? null, title: spec.title, scope: spec.scope, estimatedMinutes: spec.minutes });
      await attachChecklist(ctx, job.id, templates[spec.template]!.id);
      await assignEngineer(ctx, job.id, i % 2 === 0 ? eng1.id : eng2.id);
      jobs.push({ id: job.id, spec });
      created++;
    }

    // Work done two weeks ago and last week (manual and clocked), so timesheets have history.
    const mine = jobs.filter((_, i) => i % 2 === 0);
    const theirs = jobs.filter((_, i) => i % 2 === 1);
    for (const [week, monday] of [
      [0, twoAgo],
      [1, lastMonday],
    ] as const) {
      for (let d = 0; d < 5; d++) {
        const day = addDays(monday, d);
        const a = mine[(d + week) % mine.length]!;
        await createTimeEntry(engCtx, { jobId: a.id, startedAt: at(day, "08:00"), endedAt: at(day, "12:30"), breakMinutes: 15, notes: d === 0 ? "Travel from the yard included" : null });
        await createTimeEntry(engCtx, { jobId: mine[(d + week + 1) % mine.length]!.id, startedAt: at(day, "13:15"), endedAt: at(day, "16:45"), breakMinutes: 0, notes: null });
        const b = theirs[(d + week) % theirs.length]!;
        if (d < 4) {
          const clocked = await clockIn(eng2Ctx, { jobId: b.id, occurredAt: at(day, "08:30") });
          await startBreak(eng2Ctx, { timeEntryId: clocked.id, occurredAt: at(day, "12:00") });
          await endBreak(eng2Ctx, { timeEntryId: clocked.id, occurredAt: at(day, "12:30") });
          await clockOut(eng2Ctx, { timeEntryId: clocked.id, occurredAt: at(day, "16:30") });
        }
        created += 3;
      }
    }
    const older = await submitTimesheet(engCtx, { weekStart: formatLocalDate(twoAgo) });
    await approveTimesheet(ctx, older.id!);
    const older2 = await submitTimesheet(eng2Ctx, { weekStart: formatLocalDate(twoAgo) });
    await approveTimesheet(ctx, older2.id!);
    await submitTimesheet(engCtx, { weekStart: formatLocalDate(lastMonday) });

    // Statuses, through the state machine.
    for (const [i, { id, spec }] of jobs.entries()) {
      const who = i % 2 === 0 ? engCtx : eng2Ctx;
      if (spec.status === "CANCELLED") {
        await transitionJob(ctx, id, "CANCELLED", { reason: spec.reason });
        continue;
      }
      if (spec.status === "SCHEDULED") continue;
      // Clocking in already started some of them.
      if ((await getJob(ctx, id)).status === "SCHEDULED") await transitionJob(who, id, "IN_PROGRESS", { occurredAt: at(lastMonday, "08:05") });
      if (spec.status === "IN_PROGRESS") {
        const first = (await getJob(ctx, id)).checklists[0]!.items.filter((i) => i.required).slice(0, 2);
        for (const item of first) await setChecklistItem(who, item.id, true, { occurredAt: at(lastMonday, "09:00") });
        await addJobNote(who, id, "Started: access was fine, client on site all day.");
      } else if (spec.status === "ON_HOLD") {
        await transitionJob(ctx, id, "ON_HOLD", { reason: spec.reason });
      } else {
        await tickAll(who, id, at(lastMonday, "11:00"));
        await completeJob(who, id, { signerName: (await getJob(ctx, id)).client.name, signatureDataUrl: signature, occurredAt: at(lastMonday, "16:00") });
        if (spec.status === "INVOICED") await transitionJob(ctx, id, "INVOICED");
      }
    }
  }
  return created;
}
