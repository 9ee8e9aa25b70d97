import { z } from "zod";

/** Email + password sign-in. Shared by the login form (client-side checks) and POST /api/auth/login. */
export const loginInput = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address"),
  password: z.string().min(1, "Enter your password").max(1024),
});

export type LoginInput = z.infer<typeof loginInput>;
