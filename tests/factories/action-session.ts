import { beforeEach, vi } from "vitest";
import { getCurrentUser } from "@/lib/auth/current-user";
import type { SessionUser } from "@/lib/auth/data";

/**
 * Who the server actions see as signed in, for tests that call them as a browser's form post does. The
 * test file mocks "@/lib/auth/current-user" and "next/headers" itself (vi.mock belongs to each file);
 * this hands `session.user` to the mocked getCurrentUser, and signs out before each test.
 */
export function actionSession(): { user: SessionUser | null } {
  const session: { user: SessionUser | null } = { user: null };
  beforeEach(() => {
    session.user = null;
    vi.mocked(getCurrentUser).mockImplementation(async () => (session.user ? { ...session.user, sessionId: "test-session" } : null));
  });
  return session;
}
