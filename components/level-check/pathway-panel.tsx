import { CONTACTS, LADO_NOTE, type LevelPathway } from "@/lib/thresholds/pathways";

function telHref(phone: string) {
  return `tel:${phone.replace(/\s/g, "")}`;
}

/** What to do at a level, and whom to contact. */
export function PathwayPanel({ pathway }: { pathway: LevelPathway }) {
  return (
    <section aria-labelledby="pathway-heading" className="border-t-4 border-brand pt-4">
      <h3 id="pathway-heading" className="mb-3 text-xl font-bold">
        What to do: {pathway.heading}
      </h3>
      <ol className="mb-4 list-decimal space-y-2 pl-5">
        {pathway.steps.map((step) => (
          <li key={step.title}>
            <strong>{step.title}.</strong> {step.detail}
          </li>
        ))}
      </ol>
      <p className="mb-4">
        <strong>Consent: </strong>
        {pathway.consent}
      </p>
      <h4 className="mb-2 font-bold">Who to contact</h4>
      <ul className="mb-4 space-y-2">
        {pathway.contacts.map((key) => {
          const contact = CONTACTS[key];
          return (
            <li key={key}>
              {contact.label}
              {"phone" in contact && (
                <>
                  :{" "}
                  <a className="link font-bold" href={telHref(contact.phone)}>
                    {contact.phone}
                  </a>
                </>
              )}
              {"hours" in contact && <> ({contact.hours})</>}
              {"email" in contact && (
                <>
                  {" "}
                  or{" "}
                  <a className="link font-bold break-all" href={`mailto:${contact.email}`}>
                    {contact.email}
                  </a>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <p className="text-muted">{LADO_NOTE}</p>
    </section>
  );
}
