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
import { enquiriesApi, pipelineStagesApi, publicEnquiriesApi } from "@/modules/enquiries/enquiries.api.ts";

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
