import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/server/context.ts";
import { policy } from "@/server/http/operation.ts";
import { requireTenantPage } from "@/server/http/portal.ts";
import { Card, Icon, PageHeader } from "@/ui";

export const metadata: Metadata = { title: "Settings" };

const SECTIONS = [
  { href: "/admin/settings/company", title: "Company", text: "Business details, VAT default, payment terms, numbering, branding and sign-in rules.", capability: "company.view" },
  { href: "/admin/settings/payments", title: "Payments", text: "Card payments through your own Stripe account, part payments, overdue reminders, late-payment interest and VAT accounting.", capability: "company.view" },
  { href: "/admin/settings/pipeline", title: "Pipeline", text: "The stages an enquiry moves through, their order and colours, and which mean won or lost.", capability: "settings.manage" },
  { href: "/admin/settings/checklists", title: "Checklists", text: "Checklist templates for jobs: required and optional items, versions kept when you edit, archived instead of deleted.", capability: "jobs.manage" },
  { href: "/admin/settings/price-book", title: "Price book", text: "Saved labour rates, materials and fixed prices to pick from in the quote builder.", capability: "quotes.manage" },
  { href: "/admin/settings/users", title: "Users", text: "Who can sign in, their roles and permissions; act as a user to see what they see.", capability: "users.view" },
  { href: "/admin/account/security", title: "Your account security", text: "Two-factor authentication and where you're signed in.", capability: null },
] as const;

export default async function SettingsIndex() {
  const ctx = await requireTenantPage(policy.can("company.view"));
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <PageHeader title="Settings" subtitle="How your company works in Quantract." />
      <Card padding="none">
        <ul className="divide-y divide-neutral-200">
          {SECTIONS.filter((s) => !s.capability || can(ctx, s.capability)).map((s) => (
            <li key={s.href}>
              <Link href={s.href} className="flex items-center justify-between gap-4 px-5 py-4 hover:bg-neutral-50 focus-visible:bg-neutral-50">
                <span>
                  <span className="block font-medium text-neutral-900">{s.title}</span>
                  <span className="block text-sm text-neutral-600">{s.text}</span>
                </span>
                <Icon name="chevronRight" size={18} className="shrink-0 text-neutral-500" />
              </Link>
            </li>
          ))}
        </ul>
      </Card>
      <p className="text-sm text-neutral-600">SMS is not part of Quantract: clients are contacted by email and through their portal links.</p>
    </div>
  );
}
