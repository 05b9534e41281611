import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes). @node-rs/argon2 ships prebuilt binaries,
// so nothing is compiled on install.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // Always do the work, so a missing account takes as long as a wrong password.
  const target = passwordHash ?? DUMMY_HASH;
  const ok = await verify(target, password).catch(() => false);
  return ok && passwordHash !== null;
}

const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$vcgf+Nfy2MKsqJD8ISTM3A$XuCMgD542BCds6W8Gyapdqku81F6enB596wAvpWvl1A";
