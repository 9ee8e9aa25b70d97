import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublicEnquiryForm } from "@/modules/enquiries/components/PublicEnquiryForm.tsx";
import { slugParams } from "@/modules/enquiries/enquiries.schema.ts";
import { publicCompanyBySlug } from "@/modules/enquiries/public-enquiry.service.ts";
import { loadOrUnavailable, publicPage } from "@/server/http/page.ts";
import { ClientShell, ToastProvider } from "@/ui";

type Params = { params: Promise<{ slug: string }> };

async function companyFor(params: Params["params"]) {
  const parsed = slugParams.safeParse(await params);
  if (!parsed.success) return null;
  return loadOrUnavailable(() => publicCompanyBySlug(parsed.data.slug));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const company = await companyFor(params);
  return { title: company ? `Send an enquiry to ${company.name}` : "Enquiry form not found" };
}

export default async function PublicEnquiryPage({ params }: Params) {
  // Public on purpose: anyone may send a company an enquiry.
  publicPage();
  const company = await companyFor(params);
  if (!company) notFound();
  return (
    <ToastProvider>
      <ClientShell companyName={company.name} brandColor={company.brandColor} phone={company.phone} email={company.email}>
        <div className="flex flex-col gap-5">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight text-neutral-900">Tell us about the job</h1>
            <p className="mt-1 text-neutral-700">Send {company.name} a few details and they&rsquo;ll get back to you, usually within a working day.</p>
          </div>
          <PublicEnquiryForm slug={company.slug} companyName={company.name} />
        </div>
      </ClientShell>
    </ToastProvider>
  );
}
