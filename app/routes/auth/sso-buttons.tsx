import { Form } from "react-router";
import { useT } from "#app/ui/i18n.tsx";

/**
 * One button per configured provider. A POST, not a link: starting a flow writes a row and sets
 * a cookie, and the origin check keeps another site from starting one in someone's browser.
 */
export function SsoButtons({
  providers,
  returnTo,
  intro,
}: {
  providers: { key: string; name: string }[];
  returnTo: string;
  intro?: string;
}) {
  const t = useT();
  if (providers.length === 0) return null;
  return (
    <section aria-labelledby="sso-heading" className="mt-4 flex flex-col gap-3">
      <h2 id="sso-heading" className="text-lg font-semibold">
        {t("sso.buttons.heading")}
      </h2>
      {intro ? <p className="text-slate-700">{intro}</p> : null}
      {providers.map((provider) => (
        <Form key={provider.key} method="post" action={`/inloggen/sso/${provider.key}`}>
          <input type="hidden" name="terug" value={returnTo} />
          <button
            type="submit"
            className="w-full rounded-md border-2 border-accent-700 bg-white px-4 py-2 font-medium text-accent-800 hover:bg-accent-50"
          >
            {t("sso.button", { name: provider.name })}
          </button>
        </Form>
      ))}
    </section>
  );
}
