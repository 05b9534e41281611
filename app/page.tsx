export default function HomePage() {
  return (
    <main id="main-content" className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="text-3xl font-bold">Northamptonshire Multi-Agency Safeguarding Hub</h1>
    </main>
  );
}
