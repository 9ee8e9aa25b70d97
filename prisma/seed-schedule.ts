/**
 * Demo planner data: this week of visits for both demo companies (two engineers, a morning and an
 * afternoon visit most working days, some jobs over two visits), a training day and next week's
 * leave, and a few jobs left unscheduled for the planner's tray. Made through the real services
 * (conflict check, assignment, audit, the engineer's email). Idempotent: a company that already
 * has visits is left alone.
 *
 * Jobs: the open jobs already there without visits are used first; when there are too few (the
 * jobs area's own demo data may not exist yet) the missing ones are created through the jobs
 * service, for the demo clients and their sites.
 */
import { effectiveCapabilities } from "../src/modules/identity/permissions.ts";
import { createJob } from "../src/modules/jobs/jobs.service.ts";
import { createUnavailability, createVisit } from "../src/modules/schedule/schedule.service.ts";
import { addDays, localParts, startOfWeek, zonedTime, type LocalDate } from "../src/modules/schedule/schedule-time.ts";
import { anonymousContext, requireTenant } from "../src/server/context.ts";
import { unsafeUnscopedDb } from "../src/server/db/client.ts";

const JOBS: Record<string, { title: string; minutes: number }[]> = {
  sparkright: [
    { title: "Consumer unit replacement", minutes: 360 },
    { title: "Landlord EICR, 2-bed flat", minutes: 180 },
    { title: "Kitchen rewire", minutes: 480 },
    { title: "EV charger installation", minutes: 240 },
    { title: "Outside lighting and garden sockets", minutes: 240 },
    { title: "Fault finding: RCD tripping", minutes: 120 },
    { title: "Loft conversion first fix", minutes: 480 },
    { title: "Smoke and heat alarm upgrade", minutes: 180 },
    { title: "Electric shower circuit", minutes: 210 },
    { title: "Garden office supply", minutes: 360 },
    { title: "Lounge downlights", minutes: 180 },
    { title: "Shop lighting survey", minutes: 120 },
    { title: "Bathroom extractor fan", minutes: 120 },
    { title: "Hot tub supply", minutes: 240 },
    { title: "Office data points", minutes: 300 },
  ],
  northgate: [
    { title: "Combi boiler replacement", minutes: 480 },
    { title: "Annual boiler service", minutes: 90 },
    { title: "Bathroom refit first fix", minutes: 420 },
    { title: "Replace three radiators", minutes: 300 },
    { title: "Leak under kitchen sink", minutes: 90 },
    { title: "System powerflush", minutes: 360 },
    { title: "Unvented cylinder service", minutes: 120 },
    { title: "Outside tap installation", minutes: 90 },
    { title: "Landlord gas safety certificate", minutes: 60 },
    { title: "Underfloor heating manifold fault", minutes: 180 },
    { title: "Boiler repair: no hot water", minutes: 150 },
    { title: "Toilet and basin replacement", minutes: 240 },
    { title: "Thermostatic radiator valves", minutes: 180 },
    { title: "Magnetic filter fitting", minutes: 90 },
    { title: "Hot water cylinder swap", minutes: 360 },
  ],
};

/** Jobs with visits this week; the rest stay in the planner's unscheduled tray. */
const BOOKED_JOBS = 12;

/** One engineer's day: start minute and length of each visit. */
const DAY_PLANS: [number, number][][] = [
  [
    [8 * 60 + 30, 210],
    [13 * 60, 180],
  ],
  [
    [8 * 60, 240],
    [13 * 60 + 30, 150],
  ],
  [
    [9 * 60, 180],
    [13 * 60, 210],
  ],
];

export async function seedSchedule(slugs: string[]): Promise<number> {
  const db = unsafeUnscopedDb();
  let created = 0;
  for (const slug of slugs) {
    const company = await db.company.findUniqueOrThrow({ where: { slug } });
    if (await db.scheduleEntry.count({ where: { companyId: company.id } })) continue;
    const admin = await db.user.findUniqueOrThrow({ where: { email: `admin@${slug}.test` } });
    const ctx = requireTenant({
      ...anonymousContext({ requestId: "seed", userAgent: "Demo data" }),
      user: { id: admin.id, email: admin.email, name: admin.name, isPlatformOperator: false },
      companyId: company.id,
      companyStatus: "ACTIVE",
      role: "ADMIN",
      capabilities: effectiveCapabilities("ADMIN"),
    });

    const engineers = await db.companyMembership.findMany({ where: { companyId: company.id, role: "ENGINEER", status: "ACTIVE" }, include: { user: true }, orderBy: { user: { email: "asc" } } });
    if (engineers.length === 0) continue;

    // Jobs to book: open ones without visits, topped up through the jobs service.
    const specs = JOBS[slug] ?? JOBS.sparkright!;
    const jobs = await db.job.findMany({ where: { companyId: company.id, status: "SCHEDULED", visits: { none: {} } }, orderBy: { number: "asc" } });
    if (jobs.length < specs.length) {
      const clients = await db.client.findMany({ where: { companyId: company.id, archivedAt: null }, include: { sites: { where: { archivedAt: null }, take: 1 } }, orderBy: { name: "asc" } });
      for (let i = jobs.length; i < specs.length && clients.length; i++) {
        const client = clients[i % clients.length]!;
        const spec = specs[i]!;
        const job = await createJob(ctx, { clientId: client.id, siteId: client.sites[0]?.id ?? null, title: spec.title, scope: null, estimatedMinutes: spec.minutes });
        jobs.push(await db.job.findUniqueOrThrow({ where: { id: job.id } }));
        created++;
      }
    }

    const tz = company.timeZone;
    const monday = startOfWeek(localParts(new Date(), tz));
    const at = (day: LocalDate, minute: number) => zonedTime(day, minute, tz);

    // Friday training for the second engineer; next Monday and Tuesday off for the first.
    const friday = addDays(monday, 4);
    if (engineers[1]) {
      await createUnavailability(ctx, { engineerId: engineers[1].userId, kind: "TRAINING", startsAt: at(friday, 0), endsAt: at(addDays(friday, 1), 0), note: "Manufacturer training day" });
      created++;
    }
    await createUnavailability(ctx, { engineerId: engineers[0]!.userId, kind: "LEAVE", startsAt: at(addDays(monday, 7), 0), endsAt: at(addDays(monday, 9), 0), note: "Annual leave" });
    created++;

    let slot = 0;
    const booked = jobs.slice(0, Math.min(BOOKED_JOBS, jobs.length));
    for (let d = 0; d < 5; d++) {
      const day = addDays(monday, d);
      for (const [e, engineer] of engineers.entries()) {
        if (e === 1 && d === 4) continue; // training
        const plan = DAY_PLANS[(d + e) % DAY_PLANS.length]!;
        for (const [start, minutes] of plan) {
          // Bigger jobs take two consecutive visits; small ones one.
          const job = booked[Math.floor(slot / 2) % booked.length]!;
          slot += (job.estimatedMinutes ?? 0) > 300 ? 1 : 2;
          await createVisit(ctx, {
            jobId: job.id,
            engineerId: engineer.userId,
            startsAt: at(day, start),
            endsAt: at(day, start + minutes),
            notes: d === 0 && start < 12 * 60 ? "Collect keys from the office first." : undefined,
          });
          created++;
        }
      }
    }
  }
  return created;
}
