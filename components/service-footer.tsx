import { EmergencyContacts } from "./emergency-contacts";

export function ServiceFooter() {
  return (
    <footer className="mt-auto border-t-[10px] border-brand bg-ink py-8 text-white">
      <div className="mx-auto max-w-5xl px-4 md:px-8">
        <EmergencyContacts tone="dark" />
        <p className="mt-6 border-t border-[#505a5f] pt-4 text-base">Northamptonshire Multi-Agency Safeguarding Hub</p>
      </div>
    </footer>
  );
}
