/**
 * Demo data: two companies so isolation is visible, users for every role, a platform operator.
 * Idempotent: existing rows are left as they are. Every demo password is `Quantract-demo-1`.
 * Later areas add their own demo data through functions called from here.
 */
import { hashPassword } from "../src/modules/identity/password.ts";
import { disconnectDb, unsafeUnscopedDb } from "../src/server/db/client.ts";
import { loadDotEnv } from "../src/server/config/dotenv.ts";

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
  return { created };
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
