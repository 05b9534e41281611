import type { NextAuthOptions } from "next-auth";
import AzureADProvider from "next-auth/providers/azure-ad";
import CredentialsProvider from "next-auth/providers/credentials";
import { findUserIdByEmail } from "./data";
import { endSession, startSession } from "./mutations";
import { authenticateWithPassword } from "./resolve";
import { signInSchema } from "./schema";

// next-auth carries only our own session id in its signed, encrypted cookie. Who the user is, and whether
// the session still stands, is read from the database on every request (lib/auth/resolve.ts).

export const entraIdEnabled = Boolean(process.env.AZURE_AD_CLIENT_ID && process.env.AZURE_AD_CLIENT_SECRET && process.env.AZURE_AD_TENANT_ID);

/** Thrown from authorize(); next-auth passes the message to the sign-in page as its `error`. */
export const SIGN_IN_ERRORS = { INVALID: "CredentialsSignin", LOCKED: "TooManyAttempts" } as const;

const providers: NextAuthOptions["providers"] = [
  CredentialsProvider({
    id: "credentials",
    name: "E-mail and password",
    credentials: { email: { label: "E-mail address", type: "email" }, password: { label: "Password", type: "password" } },
    async authorize(credentials) {
      const parsed = signInSchema.safeParse(credentials ?? {});
      if (!parsed.success) return null;
      const result = await authenticateWithPassword(parsed.data.email, parsed.data.password);
      if (!result.ok) {
        if (result.reason === "LOCKED") throw new Error(SIGN_IN_ERRORS.LOCKED);
        return null;
      }
      return result.user;
    },
  }),
];

if (entraIdEnabled) {
  providers.push(
    AzureADProvider({
      clientId: process.env.AZURE_AD_CLIENT_ID!,
      clientSecret: process.env.AZURE_AD_CLIENT_SECRET!,
      tenantId: process.env.AZURE_AD_TENANT_ID!,
    }),
  );
}

function emailOf(value: { email?: string | null } | undefined | null): string | null {
  return value?.email ? value.email.toLowerCase() : null;
}

export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  // The cookie's own lifetime is a backstop; the 30-minute idle limit is enforced server-side per request.
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers,
  callbacks: {
    async signIn({ user, account }) {
      if (account?.provider === "credentials") return true;
      // Identity-provider users must already have an active account here: an administrator grants roles.
      const email = emailOf(user);
      const existing = email ? await findUserIdByEmail(email) : null;
      return Boolean(existing?.active);
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        const userId = account.provider === "credentials" ? user.id : (await findUserIdByEmail(emailOf(user) ?? ""))?.id;
        if (!userId) return { ...token, sid: undefined };
        const sid = await startSession(userId, account.provider === "credentials" ? "password" : "oidc");
        return { sub: userId, sid };
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, sid: typeof token.sid === "string" ? token.sid : undefined };
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endSession(token.sid, "signed_out", typeof token.sub === "string" ? token.sub : null);
    },
  },
};
