import type { Metadata } from "next";
import { publicPage } from "@/server/http/page.ts";
import { ServiceUnavailable } from "@/ui";

export const metadata: Metadata = { title: "Temporarily unavailable" };

export default async function UnavailablePage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  publicPage();
  const { next } = await searchParams;
  const retry = next && next.startsWith("/") && !next.startsWith("//") ? next : "/";
  return <ServiceUnavailable retryHref={retry} />;
}
