"use client";

// The last resort, when even the root layout fails (for example, the database is down while the session
// is read). It has its own <html>, no layout, and never shows the error's text: only its reference.
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en-GB">
      <body style={{ fontFamily: "Helvetica, Arial, sans-serif", margin: "2rem", color: "#0b0c0c" }}>
        <main>
          <h1>Sorry, there is a problem with the service</h1>
          <p>Try again later. Nothing you had already saved has been lost.</p>
          {error.digest && <p>If it keeps happening, quote reference {error.digest}.</p>}
          <p>
            If a child is in immediate danger, call 999. MASH: <a href="tel:03001267000">0300 126 7000</a> (09:00 to 17:00, Monday to Friday). Out of
            hours: Emergency Social Work Team, <a href="tel:01604626938">01604 626938</a>.
          </p>
        </main>
      </body>
    </html>
  );
}
