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
import { buildSearchText } from "../src/modules/clients/clients.search.ts";
import { seedQuotes } from "./seed-quotes.ts";
import { seedJobs } from "./seed-jobs.ts";
import { seedSchedule } from "./seed-schedule.ts";
import { seedPriceBooks } from "./seed-pricebook.ts";
import { seedInvoices } from "./seed-invoices.ts";

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
  created += await seedClients();
  created += await seedQuotes(SEED_COMPANIES.map((c) => c.slug));
  created += await seedJobs(SEED_COMPANIES.map((c) => c.slug));
  created += await seedSchedule(SEED_COMPANIES.map((c) => c.slug));
  created += await seedPriceBooks(SEED_COMPANIES.map((c) => c.slug));
  created += await seedInvoices(SEED_COMPANIES.map((c) => c.slug));
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

// ---------------------------------------------------------------------------------------------
// Clients: householders, landlords and letting agents, facilities managers and a housing
// association per demo company, with contacts, 1–3 sites and a few notes. Deterministic.
// ---------------------------------------------------------------------------------------------

type SeedSite = { label?: string; addressLine1: string; addressLine2?: string; town: string; postcode: string; accessNotes?: string };
type SeedContact = { name: string; email?: string; phone?: string; role?: string; receivesQuotes?: boolean; receivesInvoices?: boolean };
type SeedClient = {
  kind: "PERSON" | "ORGANISATION";
  name: string;
  email?: string;
  phone?: string;
  tags: string[];
  paymentTermsDays?: number;
  contacts?: SeedContact[];
  sites: SeedSite[];
  notes?: string[];
};

export const SEED_CLIENTS: Record<string, SeedClient[]> = {
  sparkright: [
    { kind: "PERSON", name: "Margaret Ellison", email: "margaret.ellison@example.test", phone: "07700 900811", tags: ["domestic", "repeat"], sites: [{ label: "Home", addressLine1: "22 Didsbury Park", town: "Manchester", postcode: "M20 5LJ", accessNotes: "Key safe 1234, side gate. Elderly client: ring the bell and wait." }], notes: ["Prefers morning appointments; son Paul sometimes lets us in."] },
    { kind: "PERSON", name: "Daniel and Ruth Kowalski", email: "kowalski.family@example.test", phone: "07700 900812", tags: ["domestic"], sites: [{ addressLine1: "9 Heaton Moor Road", town: "Stockport", postcode: "SK4 4LT", accessNotes: "Dog in the kitchen, friendly. Park on the drive." }] },
    { kind: "ORGANISATION", name: "Ancoats Property Lettings", email: "maintenance@ancoatslettings.example.test", phone: "0161 496 0870", tags: ["landlord", "repeat"], paymentTermsDays: 14, contacts: [{ name: "Chloe Adeyemi", email: "chloe@ancoatslettings.example.test", phone: "07700 900813", role: "Maintenance coordinator" }, { name: "Accounts", email: "accounts@ancoatslettings.example.test", role: "Accounts", receivesQuotes: false }], sites: [{ label: "Flat 4", addressLine1: "Flat 4, Murray's Mills", addressLine2: "Jersey Street", town: "Manchester", postcode: "M4 6BF", accessNotes: "Keys from the office at 12 Cutting Room Square; tenant works nights, call first." }, { label: "Flat 11", addressLine1: "Flat 11, Murray's Mills", addressLine2: "Jersey Street", town: "Manchester", postcode: "M4 6BF", accessNotes: "Concierge holds the keys." }, { label: "22 Blossom St", addressLine1: "22 Blossom Street", town: "Manchester", postcode: "M4 6AJ" }], notes: ["EICRs due on all three units in the spring: quote as a batch."] },
    { kind: "PERSON", name: "Mr Ahmed Qureshi", email: "a.qureshi@example.test", phone: "07700 900814", tags: ["landlord"], contacts: [{ name: "Samira Qureshi", email: "samira.q@example.test", role: "Tenant liaison" }], sites: [{ label: "Rental, Levenshulme", addressLine1: "61 Stockport Road", town: "Manchester", postcode: "M19 3AB", accessNotes: "Tenant: Mrs Begum, 07700 900815." }, { label: "Rental, Longsight", addressLine1: "14 Beresford Road", town: "Manchester", postcode: "M13 0QX" }] },
    { kind: "ORGANISATION", name: "Northern Quarter Facilities Management Ltd", email: "helpdesk@nqfm.example.test", phone: "0161 496 0455", tags: ["commercial", "repeat"], paymentTermsDays: 30, contacts: [{ name: "Gary Lunt", email: "gary.lunt@nqfm.example.test", phone: "07700 900816", role: "Facilities manager" }, { name: "NQFM Purchase Ledger", email: "invoices@nqfm.example.test", role: "Accounts", receivesQuotes: false }], sites: [{ label: "Tib Street offices", addressLine1: "40 Tib Street", town: "Manchester", postcode: "M4 1LA", accessNotes: "Sign in at reception; permit to work needed for the riser." }, { label: "Oldham Street retail", addressLine1: "77 Oldham Street", town: "Manchester", postcode: "M1 1JR", accessNotes: "Before 9am only: shop opens at 10." }], notes: ["PO number required on every invoice.", "Quarterly emergency lighting tests agreed verbally with Gary."] },
    { kind: "ORGANISATION", name: "Irwell Valley Housing Association", email: "repairs@irwellvalleyha.example.test", phone: "0161 496 0600", tags: ["commercial", "landlord", "repeat"], paymentTermsDays: 30, contacts: [{ name: "Bernadette O'Neill", email: "b.oneill@irwellvalleyha.example.test", phone: "07700 900817", role: "Planned works manager" }], sites: [{ label: "Cromwell House", addressLine1: "Cromwell House", addressLine2: "Cromwell Road", town: "Salford", postcode: "M6 6DE", accessNotes: "Fob from the scheme manager, office on the ground floor." }, { label: "Weaste Court", addressLine1: "1-24 Weaste Court", town: "Salford", postcode: "M5 2JH" }] },
    { kind: "PERSON", name: "Priyanka Shah", email: "priyanka.shah@example.test", phone: "07700 900818", tags: ["domestic"], sites: [{ addressLine1: "3 Brooklands Road", town: "Sale", postcode: "M33 3SN", accessNotes: "Works from home Mon/Wed." }] },
    { kind: "ORGANISATION", name: "Castlefield Lettings & Management", email: "office@castlefieldlettings.example.test", phone: "0161 496 0712", tags: ["landlord"], contacts: [{ name: "Owen Pritchard", email: "owen@castlefieldlettings.example.test", phone: "07700 900819", role: "Property manager" }], sites: [{ label: "Potato Wharf apartment", addressLine1: "Apartment 32, The Box Works", addressLine2: "4 Worsley Street", town: "Manchester", postcode: "M15 4NU", accessNotes: "Collect keys from the letting office; underground parking bay 14." }] },
    { kind: "PERSON", name: "Geoffrey Tattersall", phone: "01204 496 0820", tags: ["domestic", "repeat"], sites: [{ label: "Home", addressLine1: "118 Chorley New Road", town: "Bolton", postcode: "BL1 4QH", accessNotes: "No mobile signal in the cellar where the board is." }], notes: ["Pays by cheque; send invoices by post as well as email."] },
    { kind: "ORGANISATION", name: "Trafford Primary Academy Trust", email: "estates@traffordacademies.example.test", phone: "0161 496 0333", tags: ["commercial"], paymentTermsDays: 30, contacts: [{ name: "Helen Birch", email: "h.birch@traffordacademies.example.test", role: "Estates lead" }], sites: [{ label: "Lostock Primary", addressLine1: "Selby Road", town: "Stretford", postcode: "M32 9PL", accessNotes: "Term time: DBS-checked engineers only, sign in at the office. Holidays preferred." }] },
    { kind: "PERSON", name: "Chris and Jo Whitmore", email: "whitmores@example.test", phone: "07700 900821", tags: ["domestic"], sites: [{ addressLine1: "6 Hale Road", town: "Altrincham", postcode: "WA14 2EA" }, { label: "Holiday let", addressLine1: "2 Harbour View", town: "Conwy", postcode: "LL32 8DB", accessNotes: "Key safe 5521 by the back door." }] },
    { kind: "ORGANISATION", name: "Greenway Cafe", email: "hello@greenwaycafe.example.test", phone: "0161 496 0999", tags: ["commercial"], contacts: [{ name: "Marta Silva", email: "marta@greenwaycafe.example.test", phone: "07700 900822", role: "Owner" }], sites: [{ addressLine1: "101 Deansgate", town: "Manchester", postcode: "M3 2BQ", accessNotes: "Deliveries entrance on Bridge Street; before 7am or after 6pm." }] },
  ],
  northgate: [
    { kind: "PERSON", name: "Dorothy Firth", email: "dorothy.firth@example.test", phone: "0113 496 0831", tags: ["domestic", "repeat"], sites: [{ label: "Home", addressLine1: "41 Otley Road", town: "Leeds", postcode: "LS6 3AA", accessNotes: "Key safe 1234, side gate. Annual boiler service every October." }], notes: ["Boiler is a Vaillant ecoTEC, installed 2016."] },
    { kind: "ORGANISATION", name: "Headingley Student Lets", email: "repairs@headingleylets.example.test", phone: "0113 496 0832", tags: ["landlord", "repeat"], paymentTermsDays: 14, contacts: [{ name: "Rob Tennant", email: "rob@headingleylets.example.test", phone: "07700 900833", role: "Lettings manager" }], sites: [{ label: "12 Ash Grove", addressLine1: "12 Ash Grove", town: "Leeds", postcode: "LS6 1AJ", accessNotes: "Five students; text the house WhatsApp via Rob before arriving." }, { label: "3 Brudenell Mount", addressLine1: "3 Brudenell Mount", town: "Leeds", postcode: "LS6 1HU" }, { label: "27 Hessle Avenue", addressLine1: "27 Hessle Avenue", town: "Leeds", postcode: "LS6 1EF", accessNotes: "Gas meter in the cellar, torch needed." }], notes: ["Landlord gas safety certificates all due in August before the new tenancies."] },
    { kind: "PERSON", name: "Imran and Sana Malik", email: "malik.household@example.test", phone: "07700 900834", tags: ["domestic"], sites: [{ addressLine1: "8 Roundhay Gardens", town: "Leeds", postcode: "LS8 1AG", accessNotes: "Ring the side door bell; front door sticks." }] },
    { kind: "ORGANISATION", name: "Aire Valley Homes", email: "planned.works@airevalleyhomes.example.test", phone: "0113 496 0835", tags: ["commercial", "landlord", "repeat"], paymentTermsDays: 30, contacts: [{ name: "Joanne Fielding", email: "j.fielding@airevalleyhomes.example.test", phone: "07700 900836", role: "Heating contracts manager" }, { name: "AVH Accounts Payable", email: "ap@airevalleyhomes.example.test", role: "Accounts", receivesQuotes: false }], sites: [{ label: "Kirkstall Court", addressLine1: "Kirkstall Court", addressLine2: "Abbey Road", town: "Leeds", postcode: "LS5 3EH", accessNotes: "Plant room key from the scheme office; boiler log book on the wall." }, { label: "Bramley sheltered scheme", addressLine1: "Town Street", town: "Bramley", postcode: "LS13 3DY", accessNotes: "Residents are elderly: show ID badge, no work before 9:30." }], notes: ["Framework contract: call-outs within 24 hours, invoices quote the job ref."] },
    { kind: "PERSON", name: "Stephen Barraclough", email: "steve.barraclough@example.test", phone: "07700 900837", tags: ["landlord"], sites: [{ label: "Rental", addressLine1: "19 Chapel Street", town: "Pudsey", postcode: "LS28 7BS", accessNotes: "Tenant: Karen, mornings only." }] },
    { kind: "ORGANISATION", name: "Wellington Place Facilities", email: "fm@wellingtonplace.example.test", phone: "0113 496 0838", tags: ["commercial"], paymentTermsDays: 30, contacts: [{ name: "Tom Ackroyd", email: "tom.ackroyd@wellingtonplace.example.test", phone: "07700 900839", role: "Building manager" }], sites: [{ label: "Building 4", addressLine1: "4 Wellington Place", town: "Leeds", postcode: "LS1 4AP", accessNotes: "Contractor induction at security, hi-vis required in the plant room." }] },
    { kind: "PERSON", name: "Eileen Sutcliffe", phone: "01943 496 0840", tags: ["domestic", "repeat"], sites: [{ addressLine1: "2 Crossbeck Road", town: "Ilkley", postcode: "LS29 9JN", accessNotes: "Spare key with neighbour at number 4." }] },
    { kind: "ORGANISATION", name: "Chapel Allerton Dental Care", email: "practice@chapelallertondental.example.test", phone: "0113 496 0841", tags: ["commercial"], contacts: [{ name: "Dr Nadia Petrova", email: "nadia@chapelallertondental.example.test", role: "Practice owner" }], sites: [{ addressLine1: "166 Harrogate Road", town: "Leeds", postcode: "LS7 4NZ", accessNotes: "Surgery closes 5:30pm; after-hours work only." }] },
    { kind: "PERSON", name: "Lucy Armitage", email: "lucy.armitage@example.test", phone: "07700 900842", tags: ["domestic"], sites: [{ addressLine1: "55 Station Road", town: "Horsforth", postcode: "LS18 5NT" }] },
    { kind: "ORGANISATION", name: "Kirkstall Lettings", email: "info@kirkstalllettings.example.test", phone: "0113 496 0843", tags: ["landlord"], contacts: [{ name: "Hannah Moss", email: "hannah@kirkstalllettings.example.test", phone: "07700 900844", role: "Property manager" }], sites: [{ label: "Flat 2", addressLine1: "Flat 2, 10 Morris Lane", town: "Leeds", postcode: "LS5 3JT", accessNotes: "Keys from the office on Kirkstall Lane." }, { label: "Flat 5", addressLine1: "Flat 5, 10 Morris Lane", town: "Leeds", postcode: "LS5 3JT" }] },
    { kind: "PERSON", name: "Patrick Doyle", email: "pat.doyle@example.test", phone: "07700 900846", tags: ["domestic"], sites: [{ addressLine1: "17 Westfield Road", town: "Wakefield", postcode: "WF1 3RS", accessNotes: "Parking on the street only; permit from the house." }], notes: ["Asked about a heat pump for next year: follow up in spring."] },
    { kind: "ORGANISATION", name: "The Kirkgate Bakery", email: "orders@kirkgatebakery.example.test", phone: "0113 496 0222", tags: ["commercial", "repeat"], contacts: [{ name: "Sam Oduya", email: "sam@kirkgatebakery.example.test", phone: "07700 900845", role: "Head baker" }], sites: [{ addressLine1: "40 Kirkgate", town: "Leeds", postcode: "LS2 7DJ", accessNotes: "Ovens run from 4am: gas work in the afternoon only." }] },
  ],
};

/**
 * Demo clients with their contacts, sites and notes; searchText built by the same pure function
 * the service uses. Idempotent per client: one whose name the company already has is left alone.
 */
export async function seedClients(): Promise<number> {
  const db = unsafeUnscopedDb();
  let created = 0;
  for (const [slug, clients] of Object.entries(SEED_CLIENTS)) {
    const company = await db.company.findUniqueOrThrow({ where: { slug } });
    const office = await db.user.findUniqueOrThrow({ where: { email: `office@${slug}.test` } });
    for (const c of clients) {
      if (await db.client.findFirst({ where: { companyId: company.id, name: c.name }, select: { id: true } })) continue;
      const client = await db.client.create({
        data: {
          companyId: company.id,
          kind: c.kind,
          name: c.name,
          email: c.email ?? null,
          phone: c.phone ?? null,
          tags: c.tags,
          paymentTermsDays: c.paymentTermsDays ?? null,
          searchText: buildSearchText({ name: c.name, email: c.email ?? null, phone: c.phone ?? null, contactEmails: (c.contacts ?? []).map((x) => x.email ?? null), postcodes: c.sites.map((s) => s.postcode) }),
        },
      });
      created++;
      await db.auditEvent.create({
        data: { companyId: company.id, actorId: office.id, entityType: "Client", entityId: client.id, action: "client.created", after: { kind: c.kind, name: c.name, email: c.email ?? null, phone: c.phone ?? null, tags: c.tags } },
      });
      for (const contact of c.contacts ?? []) {
        await db.clientContact.create({
          data: { companyId: company.id, clientId: client.id, name: contact.name, email: contact.email ?? null, phone: contact.phone ?? null, role: contact.role ?? null, receivesQuotes: contact.receivesQuotes ?? true, receivesInvoices: contact.receivesInvoices ?? true },
        });
        created++;
      }
      for (const site of c.sites) {
        await db.site.create({ data: { companyId: company.id, clientId: client.id, label: site.label ?? null, addressLine1: site.addressLine1, addressLine2: site.addressLine2 ?? null, town: site.town, postcode: site.postcode, accessNotes: site.accessNotes ?? null } });
        created++;
      }
      for (const body of c.notes ?? []) {
        await db.note.create({ data: { companyId: company.id, entityType: "Client", entityId: client.id, authorId: office.id, body } });
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
