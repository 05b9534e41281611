// The routes anyone must be able to find at once, on every page, signed in or not (seed 003, 002 §2).

const telLink = "font-bold underline underline-offset-[0.1578em] hover:decoration-[3px]";

export function EmergencyContacts({ headingLevel = 2, tone = "light" }: { headingLevel?: 2 | 3; tone?: "light" | "dark" }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const link = `${telLink} ${tone === "dark" ? "text-white" : "text-ink"}`;
  return (
    <section aria-labelledby={`emergency-heading-${tone}`} className={tone === "dark" ? "text-white" : "border-l-[10px] border-error bg-panel p-4"}>
      <Heading id={`emergency-heading-${tone}`} className="mb-3 text-xl font-bold md:text-2xl">
        If a child is in immediate danger call{" "}
        <a href="tel:999" className={link}>
          999
        </a>
      </Heading>
      <ul className="space-y-2">
        <li>
          MASH:{" "}
          <a href="tel:+443001267000" className={link}>
            0300 126 7000
          </a>{" "}
          (09:00–17:00 Monday to Friday)
        </li>
        <li>
          Out of hours: Emergency Social Work Team{" "}
          <a href="tel:+441604626938" className={link}>
            01604 626938
          </a>
        </li>
        <li>Concerns about an adult who works with children: contact the LADO (Designated Officer) within 24 hours, not the MASH.</li>
      </ul>
    </section>
  );
}
