/**
 * Every API operation, in one list: the OpenAPI document and the RBAC matrix test read it, and
 * a test fails if a route file exports a handler whose operation is missing here.
 */
import { agreementsApi } from "@/modules/quotes/agreements.api.ts";
import { notificationsApi } from "@/modules/identity/notifications.api.ts";
import { quotesApi } from "@/modules/quotes/quotes.api.ts";
import { quoteLinkApi } from "@/modules/quotes/acceptance.api.ts";
import { auditApi } from "@/modules/audit/audit.api.ts";
import { companyApi } from "@/modules/company/company.api.ts";
import { systemApi } from "@/modules/system/system.api.ts";
import { filesApi } from "@/modules/files/files.api.ts";
import { emailSignInApi } from "@/modules/identity/email-signin.api.ts";
import { identityApi } from "@/modules/identity/identity.api.ts";
import { cronApi } from "../cron/cron.api.ts";
import { healthApi } from "../health/health.api.ts";
import type { Operation } from "../http/operation.ts";
import { openapiApi } from "./openapi.api.ts";
import { accountApi } from "@/modules/identity/account.api.ts";
import { usersApi } from "@/modules/identity/users.api.ts";
import { platformApi } from "@/modules/platform/platform.api.ts";
import { invitationsApi } from "@/modules/identity/invitations.api.ts";
import { clientsApi } from "@/modules/clients/clients.api.ts";
import { priceBookApi } from "@/modules/pricebook/pricebook.api.ts";
import { scheduleApi, unavailabilityApi } from "@/modules/schedule/schedule.api.ts";
import { cardPaymentsApi, paymentSettingsApi } from "@/modules/stripe/stripe.api.ts";
import { reportsApi } from "@/modules/reports/reports.api.ts";
import { enquiriesApi, pipelineStagesApi, publicEnquiriesApi } from "@/modules/enquiries/enquiries.api.ts";
import { engineerApi } from "@/modules/engineer/engineer.api.ts";
import { jobsApi } from "@/modules/jobs/jobs.api.ts";
import { checklistTemplatesApi } from "@/modules/checklists/checklists.api.ts";
import { timeEntriesApi, timesheetsApi } from "@/modules/time/time.api.ts";
import { invoiceLinkApi, invoicesApi, paymentsApi } from "@/modules/invoices/invoices.api.ts";

export const ALL_OPERATIONS: Operation[] = [healthApi, openapiApi, identityApi, companyApi, auditApi, cronApi, systemApi, filesApi, emailSignInApi].flatMap((group) =>
  Object.values(group as Record<string, Operation>),
);

// Identity and access (own account, users, platform console).
ALL_OPERATIONS.push(...[accountApi, usersApi, platformApi, invitationsApi].flatMap((group) => Object.values(group as Record<string, Operation>)));

// Sales: enquiries and pipeline stages.
ALL_OPERATIONS.push(...[enquiriesApi, pipelineStagesApi, publicEnquiriesApi].flatMap((group) => Object.values(group as Record<string, Operation>)));

// Clients, contacts, sites, notes and CSV import.
ALL_OPERATIONS.push(...Object.values(clientsApi as Record<string, Operation>));

// Quotes: builder, send, revise.
ALL_OPERATIONS.push(...[quotesApi, quoteLinkApi, agreementsApi].flatMap((group) => Object.values(group as Record<string, Operation>)));

// Your own email notification choices.
ALL_OPERATIONS.push(...Object.values(notificationsApi as Record<string, Operation>));

// Price book: saved items the quote builder picks from.
ALL_OPERATIONS.push(...Object.values(priceBookApi as Record<string, Operation>));

// Planner: visits (schedule entries) and engineer unavailability.
ALL_OPERATIONS.push(...[scheduleApi, unavailabilityApi].flatMap((group) => Object.values(group as Record<string, Operation>)));
// Payments: Stripe Connect onboarding and the company's payment settings.
ALL_OPERATIONS.push(...[paymentSettingsApi, cardPaymentsApi].flatMap((group) => Object.values(group as Record<string, Operation>)));

// Jobs, checklist templates, time entries and timesheets (office API).
ALL_OPERATIONS.push(...[jobsApi, checklistTemplatesApi, timeEntriesApi, timesheetsApi].flatMap((group) => Object.values(group as Record<string, Operation>)));

// Engineer portal: own jobs (assigned only) and the offline sync.
ALL_OPERATIONS.push(...Object.values(engineerApi as Record<string, Operation>));
// Invoices, credit notes and manual payments; the invoice link's PDF.
ALL_OPERATIONS.push(...[invoicesApi, paymentsApi, invoiceLinkApi].flatMap((group) => Object.values(group as Record<string, Operation>)));
// Money reports: A/R aging, VAT summary, revenue (JSON and CSV).
ALL_OPERATIONS.push(...Object.values(reportsApi as Record<string, Operation>));
