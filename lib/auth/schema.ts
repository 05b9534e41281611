import { z } from "zod";
import { API_TOKEN_DEFAULT_DAYS, API_TOKEN_MAX_DAYS, ROLES } from "./policy";

// One schema per form, shared by the browser (react-hook-form) and the server, which always re-parses.

const email = z
  .string()
  .trim()
  .min(1, "Enter your e-mail address")
  .max(254, "E-mail address must be 254 characters or fewer")
  .pipe(z.email("Enter an e-mail address in the correct format, like name@example.org"))
  .transform((value) => value.toLowerCase());

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password").max(1024, "Password must be 1024 characters or fewer"),
});
export type SignInInput = z.input<typeof signInSchema>;

const name = z.string().trim().min(1, "Enter the person's full name").max(200, "Name must be 200 characters or fewer");
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max} characters or fewer`)
    .optional()
    .transform((value) => (value ? value : null));

const role = z.enum(ROLES, { error: "Select a role" });
const agencyId = z
  .string()
  .optional()
  .transform((value) => (value ? value : null))
  .pipe(z.uuid("Select an agency").nullable());

export const createUserSchema = z.object({
  email: email.meta({ example: "new.user@example.org" }),
  name: name.meta({ example: "Jo Bloggs" }),
  jobTitle: optionalText("Job title", 200).meta({ example: "Designated Safeguarding Lead" }),
  phone: optionalText("Phone number", 40).meta({ example: "01604 000000" }),
  role: role.meta({ example: "PRACTITIONER" }),
  agencyId: agencyId.meta({ example: "2f1c1a86-5e2f-4f53-9b1a-0c7a3e2c9d10" }),
  password: z
    .string()
    .max(1024, "Password must be 1024 characters or fewer")
    .optional()
    .transform((value) => (value ? value : null))
    .pipe(z.string().min(12, "Password must be at least 12 characters").nullable())
    .meta({ example: "a-long-temporary-passphrase" }),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserSchema = z.object({
  userId: z.uuid("Select a user"),
  name: name.meta({ example: "Jo Bloggs" }),
  jobTitle: optionalText("Job title", 200).meta({ example: "Health Visitor" }),
  phone: optionalText("Phone number", 40).meta({ example: "01604 000000" }),
  role: role.meta({ example: "PRACTITIONER" }),
  agencyId: agencyId.meta({ example: "2f1c1a86-5e2f-4f53-9b1a-0c7a3e2c9d10" }),
  active: z.boolean({ error: "Say whether the account is active" }).meta({ example: true }),
});
export type UpdateUserInput = z.input<typeof updateUserSchema>;

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "Enter a name for the token, so you can tell it apart later").max(100, "Name must be 100 characters or fewer").meta({ example: "Reporting script" }),
  expiresInDays: z.coerce
    .number({ error: "Enter the number of days the token lasts" })
    .int("Enter a whole number of days")
    .min(1, "A token must last at least 1 day")
    .max(API_TOKEN_MAX_DAYS, `A token can last at most ${API_TOKEN_MAX_DAYS} days`)
    .default(API_TOKEN_DEFAULT_DAYS)
    .meta({ example: 30 }),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ tokenId: z.uuid("Select a token") });

/** The API's PUT /users/{userId} body: the change form without the id, which comes from the path. */
export const updateUserBodySchema = updateUserSchema.omit({ userId: true });
