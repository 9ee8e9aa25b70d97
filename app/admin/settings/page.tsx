import type { Metadata } from "next";
import Link from "next/link";
import { policy } from "@/server/http/operation.ts";
import { requireTenantPage } from "@/server/http/portal.ts";
import { Card, Icon, PageHeader } from "@/ui";

export const metadata: Metadata = { title: "Settings" };

const SECTIONS = [
  { href: "/admin/settings/company", title: "Company", text: "Business details, VAT default, payment terms, numbering and branding." },
];

export default async function SettingsIndex() {
  await requireTenantPage(policy.can("company.view"));
  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-6">
      <PageHeader title="Settings" subtitle="How your company works in Quantract." />
      <Card padding="none">
        <ul className="divide-y divide-neutral-200">
          {SECTIONS.map((s) => (
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
