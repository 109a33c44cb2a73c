import { Link } from "react-router";

/** A statement's sections as the server made them (headings, paragraphs, lists, links). */
type SectionView = {
  id: string;
  heading: string;
  paragraphs: string[];
  items?: string[];
  links?: { href: string; label: string }[];
};

/** A link for PDFs: a download, not a page the client router should try to open. */
function SectionLink({ href, label }: { href: string; label: string }) {
  const className = "font-medium text-accent-700 underline underline-offset-4";
  return href.endsWith(".pdf") ? (
    <a href={href} download className={className}>
      {label}
    </a>
  ) : (
    <Link to={href} className={className}>
      {label}
    </Link>
  );
}

export function StatementSections({ sections }: { sections: SectionView[] }) {
  return (
    <>
      {sections.map((section) => (
        <section
          key={section.id}
          id={section.id}
          aria-labelledby={`${section.id}-kop`}
          className="flex flex-col gap-2"
        >
          <h2 id={`${section.id}-kop`} className="text-xl font-semibold text-slate-900">
            {section.heading}
          </h2>
          {section.paragraphs.map((paragraph) => (
            <p key={paragraph} className="max-w-3xl text-slate-800">
              {paragraph}
            </p>
          ))}
          {section.items?.length ? (
            <ul className="ml-5 flex max-w-3xl list-disc flex-col gap-1 text-slate-800">
              {section.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          ) : null}
          {section.links?.length ? (
            <ul className="flex flex-wrap gap-x-6 gap-y-2">
              {section.links.map((link) => (
                <li key={link.href}>
                  <SectionLink {...link} />
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </>
  );
}
