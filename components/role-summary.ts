import type { Role } from "@/lib/db/generated/enums";

// What each role does here, in plain English, for the home page and the role choices on the user form.

export const ROLE_SUMMARIES: Record<Role, string> = {
  PRACTITIONER:
    "You can check a concern against the threshold guidance, make a MASH referral or an early help request, and follow what happens to it.",
  MASH_OFFICER: "You record calls to the MASH phone line from professionals and the public, so each one becomes a contact record for a manager to review.",
  MASH_MANAGER:
    "You review each new contact, give management direction, apply the RAG rating and allocate Red and Amber contacts to a social worker.",
  SOCIAL_WORKER: "You screen the contacts allocated to you: gather what partner agencies know, weigh it, and recommend an outcome.",
  PARTNER_AGENCY: "You answer MASH requests for information with what your agency holds, including history, and your analysis of it.",
  CFSS_COORDINATOR: "You oversee every Green contact and early help request, and act on each one within 3 working days.",
  DAAT_MANAGER: "You receive Red contacts from the MASH, and agree and chair strategy meetings.",
  SERVICE_MANAGER: "You hear escalations when a partner thinks a MASH decision is unsafe, and you see how the MASH is performing.",
  ADMIN: "You add the people who use the service, set their role and agency, and deactivate accounts that should no longer work.",
};
