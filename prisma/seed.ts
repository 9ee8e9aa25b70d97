/**
 * Demo data: two companies so isolation is visible, users for every role, a platform operator.
 * Idempotent: existing rows are left as they are. Every demo password is `Quantract-demo-1`.
 * Later areas add their own demo data through functions called from here.
 */
import { hashPassword } from "../src/modules/identity/password.ts";
import { disconnectDb, unsafeUnscopedDb } from "../src/server/db/client.ts";
import { loadDotEnv } from "../src/server/config/dotenv.ts";
import { DEFAULT_STAGES } from "../src/modules/enquiries/enquiries.repo.ts";
import { enquirySearchText } from "../src/modules/enquiries/search-text.ts";

export const DEMO_PASSWORD = "Quantract-demo-1";

type SeedCompany = {
  slug: string;
  name: string;
  status: "ACTIVE" | "TRIAL";
  details: Record<string, string>;
  people: { local: string; name: string; role: "ADMIN" | "OFFICE" | "ENGINEER" | "CLIENT" }[];
};

export const SEED_COMPANIES: SeedCompany[] = [
  {
    slug: "sparkright",
    name: "Sparkright Electrical Ltd",
    status: "ACTIVE",
    details: {
      legalName: "Sparkright Electrical Ltd",
      companyNumber: "09876543",
      vatNumber: "GB123456789",
      email: "office@sparkright.test",
      phone: "0161 496 0123",
      addressLine1: "Unit 4, Riverside Works",
      town: "Manchester",
      postcode: "M4 6BF",
      brandPrimaryColor: "#1d4ed8",
    },
    people: [
      { local: "admin", name: "Sarah Whitfield", role: "ADMIN" },
      { local: "office", name: "Priya Patel", role: "OFFICE" },
      { local: "engineer", name: "Dan Hughes", role: "ENGINEER" },
      { local: "engineer2", name: "Tom Okafor", role: "ENGINEER" },
      { local: "client", name: "Helen Marsh", role: "CLIENT" },
      // Kept for the MFA journeys (enrol, sign in with a code) so no other demo user changes.
      { local: "mfa", name: "Maya Fenwick", role: "OFFICE" },
    ],
  },
  {
    slug: "northgate",
    name: "Northgate Plumbing & Heating",
    status: "TRIAL",
    details: {
      legalName: "Northgate Plumbing & Heating Ltd",
      companyNumber: "11223344",
      email: "hello@northgate.test",
      phone: "0113 496 0456",
      addressLine1: "18 Kirkgate",
      town: "Leeds",
      postcode: "LS2 7DJ",
      brandPrimaryColor: "#0f766e",
      quotePrefix: "NPH-Q-",
      invoicePrefix: "NPH-",
    },
    people: [
      { local: "admin", name: "Gareth Lloyd", role: "ADMIN" },
      { local: "office", name: "Emma Clarke", role: "OFFICE" },
      { local: "engineer", name: "Liam Walsh", role: "ENGINEER" },
      { local: "engineer2", name: "Chloe Bennett", role: "ENGINEER" },
      { local: "client", name: "Robert Ainsley", role: "CLIENT" },
    ],
  },
];

/** People who also work for a second company (so switching company can be seen). */
export const EXTRA_MEMBERSHIPS: { email: string; slug: string; role: "ADMIN" | "OFFICE" | "ENGINEER" | "CLIENT" }[] = [
  { email: "office@sparkright.test", slug: "northgate", role: "OFFICE" },
];

async function ensureUser(email: string, name: string, passwordHash: () => Promise<string>, isPlatformOperator = false) {
  const db = unsafeUnscopedDb();
  const existing = await db.user.findUnique({ where: { email } });
  if (existing) return { user: existing, created: false };
  const user = await db.user.create({ data: { email, name, passwordHash: await passwordHash(), isPlatformOperator } });
  return { user, created: true };
}

export async function seed(): Promise<{ created: number }> {
  const db = unsafeUnscopedDb();
  let created = 0;
  const hash = () => hashPassword(DEMO_PASSWORD);

  for (const c of SEED_COMPANIES) {
    let company = await db.company.findUnique({ where: { slug: c.slug } });
    if (!company) {
      company = await db.company.create({
        data: {
          slug: c.slug,
          name: c.name,
          status: c.status,
          trialEndsAt: c.status === "TRIAL" ? new Date(Date.now() + 14 * 24 * 3600 * 1000) : null,
          ...c.details,
        },
      });
      created++;
    }
    for (const person of c.people) {
      const { user, created: isNew } = await ensureUser(`${person.local}@${c.slug}.test`, person.name, hash);
      if (isNew) created++;
      const membership = await db.companyMembership.findUnique({
        where: { companyId_userId: { companyId: company.id, userId: user.id } },
      });
      if (!membership) {
        await db.companyMembership.create({ data: { companyId: company.id, userId: user.id, role: person.role } });
        created++;
      }
    }
  }
  for (const extra of EXTRA_MEMBERSHIPS) {
    const company = await db.company.findUniqueOrThrow({ where: { slug: extra.slug } });
    const user = await db.user.findUniqueOrThrow({ where: { email: extra.email } });
    const membership = await db.companyMembership.findUnique({ where: { companyId_userId: { companyId: company.id, userId: user.id } } });
    if (!membership) {
      await db.companyMembership.create({ data: { companyId: company.id, userId: user.id, role: extra.role } });
      created++;
    }
  }
  const operator = await ensureUser("operator@quantract.test", "Platform Operator", hash, true);
  if (operator.created) created++;
  created += await seedEnquiries();
  return { created };
}

type SeedEnquiry = {
  stage: string;
  owner: "admin" | "office" | null;
  name: string;
  email?: string;
  phone?: string;
  addressLine1?: string;
  town?: string;
  postcode?: string;
  description: string;
  valuePounds?: number;
  source?: "MANUAL" | "PUBLIC_FORM";
  notes?: string[];
};

export const SEED_ENQUIRIES: Record<string, SeedEnquiry[]> = {
  sparkright: [
    { stage: "New", owner: null, source: "PUBLIC_FORM", name: "Rachel Dunmore", email: "rachel.dunmore@example.test", phone: "07700 900101", addressLine1: "14 Beech Road", town: "Stockport", postcode: "SK4 3AB", description: "Consumer unit replacement, 3-bed semi. Old fuse box with rewireable fuses, want an RCBO board before we redecorate." },
    { stage: "New", owner: "office", name: "Marcus Feld", email: "marcus@feldlettings.example.test", phone: "0161 496 0781", addressLine1: "Flat 3, 22 Wilmslow Road", town: "Manchester", postcode: "M14 5TQ", description: "EICR for rental flat. Tenancy renewal next month, need the certificate before then.", valuePounds: 180 },
    { stage: "Contacted", owner: "office", name: "Janet Okoro", email: "janet.okoro@example.test", phone: "07700 900202", addressLine1: "7 Mill Lane", town: "Sale", postcode: "M33 6PL", description: "Outside sockets and lighting for a new garden room, about 15 m from the house.", valuePounds: 950, notes: ["Spoke to Janet: garden room is being built in March, wants a quote before then."] },
    { stage: "Contacted", owner: "admin", name: "Hollins Dental Practice", email: "practice@hollinsdental.example.test", phone: "0161 496 0345", addressLine1: "2 Hollins Parade", town: "Bury", postcode: "BL9 8AD", description: "Emergency lighting test and certificate for a two-floor dental practice.", valuePounds: 420 },
    { stage: "Site visit booked", owner: "admin", name: "Ian Parkes", email: "ian.parkes@example.test", phone: "07700 900303", addressLine1: "31 Ashfield Crescent", town: "Altrincham", postcode: "WA15 9QR", description: "EV charger installation on the drive, 7 kW, Ohme or Zappi.", valuePounds: 1100, notes: ["Visit booked for Thursday morning; check the main fuse rating and earthing."] },
    { stage: "Site visit booked", owner: "office", name: "Sophie Grant", phone: "07700 900404", addressLine1: "9 Chapel Street", town: "Salford", postcode: "M3 7AJ", description: "Full rewire of a Victorian terrace before renovation. House is empty.", valuePounds: 7800 },
    { stage: "Quoted", owner: "admin", name: "Tariq Hussain", email: "tariq.hussain@example.test", phone: "07700 900505", addressLine1: "48 Kingsway", town: "Manchester", postcode: "M19 2LL", description: "Kitchen extension: new circuits for the hob and oven, under-cabinet lighting, six double sockets.", valuePounds: 2350, notes: ["Quote sent by email; he is comparing with one other firm.", "Follow up on Friday if no reply."] },
    { stage: "Quoted", owner: "office", name: "Brenda Lowe", email: "brenda.lowe@example.test", addressLine1: "5 Orchard Close", town: "Wigan", postcode: "WN1 2HF", description: "Smoke and heat alarms interlinked, mains powered, bungalow.", valuePounds: 640 },
    { stage: "Won", owner: "admin", name: "Greenway Cafe", email: "hello@greenwaycafe.example.test", phone: "0161 496 0999", addressLine1: "101 Deansgate", town: "Manchester", postcode: "M3 2BQ", description: "Three-phase supply for a new commercial coffee machine and extraction fan.", valuePounds: 3200 },
    { stage: "Lost", owner: "office", name: "Peter Vance", phone: "07700 900606", town: "Bolton", postcode: "BL1 4QT", description: "Tripping RCD in the kitchen, wanted someone the same day.", valuePounds: 120, notes: ["Went with someone who could come the same afternoon."] },
  ],
  northgate: [
    { stage: "New", owner: null, source: "PUBLIC_FORM", name: "Linda Hargreaves", email: "linda.h@example.test", phone: "07700 900711", addressLine1: "23 Moorland Avenue", town: "Leeds", postcode: "LS6 4JP", description: "Boiler making banging noise when the heating comes on in the morning. Worcester combi, about 9 years old." },
    { stage: "New", owner: "office", name: "Kevin Shaw", email: "kevin.shaw@example.test", phone: "07700 900722", addressLine1: "4 Station Road", town: "Horsforth", postcode: "LS18 5NT", description: "Leaking radiator valve in the front bedroom, dripping onto the carpet.", valuePounds: 140 },
    { stage: "Contacted", owner: "office", name: "Aisha Rahman", email: "aisha.rahman@example.test", phone: "07700 900733", addressLine1: "88 Harehills Lane", town: "Leeds", postcode: "LS8 5HS", description: "Bathroom refit: replace suite, move the shower to the other wall, new towel rail.", valuePounds: 5200, notes: ["Sending a few photos of the bathroom by email this week."] },
    { stage: "Contacted", owner: "admin", name: "St Mary's Church Hall", email: "bookings@stmaryshall.example.test", phone: "0113 496 0111", addressLine1: "Church Lane", town: "Pudsey", postcode: "LS28 7RE", description: "Annual gas safety check for the hall kitchen and two warm-air heaters.", valuePounds: 260 },
    { stage: "Site visit booked", owner: "admin", name: "Graham Pickles", email: "g.pickles@example.test", phone: "07700 900744", addressLine1: "12 Wharfe View", town: "Otley", postcode: "LS21 1QA", description: "Replace a conventional boiler and hot water cylinder with a combi.", valuePounds: 3400, notes: ["Survey Tuesday 10am. Loft access needed for the tanks."] },
    { stage: "Site visit booked", owner: "office", name: "Natalie Cross", phone: "07700 900755", addressLine1: "3 Cliff Terrace", town: "Leeds", postcode: "LS6 2ET", description: "Air source heat pump enquiry: wants to know if the house is suitable and about the grant.", valuePounds: 11500 },
    { stage: "Quoted", owner: "admin", name: "Oliver Brook", email: "oliver.brook@example.test", phone: "07700 900766", addressLine1: "27 Park Avenue", town: "Roundhay", postcode: "LS8 2JJ", description: "Powerflush and two new radiators; upstairs radiators cold at the bottom.", valuePounds: 980 },
    { stage: "Quoted", owner: "office", name: "Fiona Walsh", email: "fiona.walsh@example.test", addressLine1: "16 Grange Court", town: "Wetherby", postcode: "LS22 6RR", description: "Outside tap and a water softener under the kitchen sink.", valuePounds: 720 },
    { stage: "Won", owner: "admin", name: "The Kirkgate Bakery", email: "orders@kirkgatebakery.example.test", phone: "0113 496 0222", addressLine1: "40 Kirkgate", town: "Leeds", postcode: "LS2 7DJ", description: "Commercial gas interlock and ventilation check for the new oven.", valuePounds: 1850, notes: ["Accepted on the phone; deposit invoice to follow."] },
    { stage: "Lost", owner: "office", name: "Derek Holt", phone: "07700 900777", town: "Morley", postcode: "LS27 9AB", description: "Wanted a boiler service for next day; we were booked up for two weeks.", valuePounds: 90 },
  ],
};

/**
 * Pipeline stages (the defaults) and demo enquiries spread over them, with owners and a few notes.
 * Idempotent: stages only for a company that has none; enquiries only for a company that has none.
 */
export async function seedEnquiries(): Promise<number> {
  const db = unsafeUnscopedDb();
  let created = 0;
  for (const [slug, enquiries] of Object.entries(SEED_ENQUIRIES)) {
    const company = await db.company.findUniqueOrThrow({ where: { slug } });
    if ((await db.pipelineStage.count({ where: { companyId: company.id } })) === 0) {
      await db.pipelineStage.createMany({ data: DEFAULT_STAGES.map((s, i) => ({ ...s, companyId: company.id, position: i })) });
      created += DEFAULT_STAGES.length;
    }
    if ((await db.enquiry.count({ where: { companyId: company.id } })) > 0) continue;
    const stages = await db.pipelineStage.findMany({ where: { companyId: company.id, archivedAt: null } });
    const owners = {
      admin: (await db.user.findUniqueOrThrow({ where: { email: `admin@${slug}.test` } })).id,
      office: (await db.user.findUniqueOrThrow({ where: { email: `office@${slug}.test` } })).id,
    };
    for (const e of enquiries) {
      const stage = stages.find((s) => s.name === e.stage);
      if (!stage) throw new Error(`Seed: no stage "${e.stage}" in ${slug}`);
      const fields = { name: e.name, email: e.email ?? null, phone: e.phone ?? null, addressLine1: e.addressLine1 ?? null, town: e.town ?? null, postcode: e.postcode ?? null };
      const enquiry = await db.enquiry.create({
        data: {
          companyId: company.id,
          stageId: stage.id,
          ownerId: e.owner ? owners[e.owner] : null,
          source: e.source ?? "MANUAL",
          ...fields,
          description: e.description,
          valuePence: e.valuePounds === undefined ? null : e.valuePounds * 100,
          searchText: enquirySearchText(fields),
        },
      });
      created++;
      await db.auditEvent.create({
        data: { companyId: company.id, actorId: e.source === "PUBLIC_FORM" ? null : owners.admin, entityType: "Enquiry", entityId: enquiry.id, action: "enquiry.created", after: { name: e.name, stage: stage.name, source: e.source ?? "MANUAL" } },
      });
      for (const body of e.notes ?? []) {
        const note = await db.note.create({ data: { companyId: company.id, entityType: "Enquiry", entityId: enquiry.id, authorId: e.owner ? owners[e.owner] : owners.office, body } });
        await db.auditEvent.create({
          data: { companyId: company.id, actorId: note.authorId, entityType: "Enquiry", entityId: enquiry.id, action: "enquiry.note_added", metadata: { noteId: note.id } },
        });
        created++;
      }
    }
  }
  return created;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  loadDotEnv();
  if (process.env.NODE_ENV === "production" && !process.argv.includes("--force")) {
    console.error("Refusing to seed demo data with NODE_ENV=production (pass --force to do it anyway).");
    process.exit(1);
  }
  seed()
    .then(({ created }) => console.log(created ? `Seeded demo data (${created} rows created).` : "Demo data already present; nothing changed."))
    .catch((err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    })
    .finally(() => disconnectDb());
}
