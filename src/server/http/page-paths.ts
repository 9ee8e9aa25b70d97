/** Fixed page paths the server sends people to (importable from services: no Next imports here). */

/** Where a session held by the company's MFA requirement goes (only ADMIN and OFFICE are held). */
export const MFA_ENROLMENT_PAGE = "/admin/account/security";
