import type { AgencyKind, Role } from "@/lib/db/generated/enums";

// Fictional people and organisations for the embedded demo. Every account shares one password, printed
// in the README; it is never seeded when NODE_ENV is "production".

export const DEMO_PASSWORD = "Safeguarding-Demo-2026";

export const DEMO_AGENCIES: { name: string; kind: AgencyKind }[] = [
  { name: "Riverside Primary School", kind: "EDUCATION" },
  { name: "Nene Valley Academy", kind: "EDUCATION" },
  { name: "Education Safeguarding Team", kind: "EDUCATION" },
  { name: "Health Visiting Service", kind: "HEALTH" },
  { name: "MASH Health", kind: "HEALTH" },
  { name: "Northamptonshire Police", kind: "POLICE" },
  { name: "Probation Service", kind: "PROBATION" },
  { name: "Youth Justice Service", kind: "YOUTH_JUSTICE" },
  { name: "CFSS Partnership Support", kind: "CFSS" },
  { name: "Children's Social Care", kind: "CHILDRENS_SOCIAL_CARE" },
  { name: "S2S Adult Drug and Alcohol Service", kind: "DRUG_AND_ALCOHOL" },
];

export const DEMO_USERS: { email: string; name: string; jobTitle: string; role: Role; agency: string }[] = [
  { email: "teacher@example.org", name: "Priya Shah", jobTitle: "Designated Safeguarding Lead", role: "PRACTITIONER", agency: "Riverside Primary School" },
  { email: "health.visitor@example.org", name: "Tom Ellis", jobTitle: "Health Visitor", role: "PRACTITIONER", agency: "Health Visiting Service" },
  { email: "mash.officer@example.org", name: "Grace Okafor", jobTitle: "MASH Officer", role: "MASH_OFFICER", agency: "Children's Social Care" },
  { email: "mash.manager@example.org", name: "Helen Price", jobTitle: "MASH Team Manager", role: "MASH_MANAGER", agency: "Children's Social Care" },
  { email: "mash.manager2@example.org", name: "David Kerr", jobTitle: "MASH Team Manager", role: "MASH_MANAGER", agency: "Children's Social Care" },
  { email: "social.worker@example.org", name: "Aisha Rahman", jobTitle: "MASH Social Worker", role: "SOCIAL_WORKER", agency: "Children's Social Care" },
  { email: "social.worker2@example.org", name: "Ben Carter", jobTitle: "MASH Social Worker", role: "SOCIAL_WORKER", agency: "Children's Social Care" },
  { email: "police@example.org", name: "Sam Lee", jobTitle: "MASH Police Officer", role: "PARTNER_AGENCY", agency: "Northamptonshire Police" },
  { email: "mash.health@example.org", name: "Ruth Adams", jobTitle: "Named Nurse for Safeguarding", role: "PARTNER_AGENCY", agency: "MASH Health" },
  { email: "education.lead@example.org", name: "Mark Hughes", jobTitle: "Education Safeguarding Lead", role: "PARTNER_AGENCY", agency: "Education Safeguarding Team" },
  { email: "cfss.coordinator@example.org", name: "Lucy Green", jobTitle: "Partnership Coordinator", role: "CFSS_COORDINATOR", agency: "CFSS Partnership Support" },
  { email: "daat.manager@example.org", name: "Olivia Brown", jobTitle: "DAAT Team Manager", role: "DAAT_MANAGER", agency: "Children's Social Care" },
  { email: "service.manager@example.org", name: "James Wright", jobTitle: "Service Manager", role: "SERVICE_MANAGER", agency: "Children's Social Care" },
  { email: "admin@example.org", name: "Alex Morgan", jobTitle: "System Administrator", role: "ADMIN", agency: "Children's Social Care" },
];
