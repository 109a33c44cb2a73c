import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";
import { readInlineCatalogues } from "#app/ui/i18n.tsx";

// The page's texts came inline with the HTML (only its locale, only the catalogues it used);
// with them registered, hydration renders exactly what the server did without a request.
readInlineCatalogues().then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <HydratedRouter />
      </StrictMode>,
    );
  }),
);
