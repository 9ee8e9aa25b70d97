import { z } from "zod";
import { listResponse, pageQuery } from "@/server/http/pagination.ts";

export const listAgreementsQuery = pageQuery.extend({ clientId: z.uuid().optional(), quoteId: z.uuid().optional() });
export type ListAgreementsQuery = z.infer<typeof listAgreementsQuery>;

export const agreementOutput = z.object({
  id: z.uuid(),
  quoteId: z.uuid(),
  quoteNumber: z.string(),
  quoteTitle: z.string(),
  clientId: z.uuid(),
  clientName: z.string(),
  version: z.number().int(),
  signerName: z.string(),
  acceptedAt: z.iso.datetime(),
  grossPence: z.number().int(),
  choice: z.object({ options: z.record(z.string(), z.string()), addons: z.array(z.string()) }),
  snapshotHash: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  certificateUrl: z.string().nullable(),
});
export type AgreementView = z.infer<typeof agreementOutput>;
export const agreementList = listResponse(agreementOutput);
