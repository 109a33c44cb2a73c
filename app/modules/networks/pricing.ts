export interface PricedRoute {
  priceCents: number;
  secondPersonPriceCents: number | null;
}

/**
 * The price someone pays: the second-person price when a colleague from the same school
 * is already enrolled in this network (seed A: €995 / €1495 instead of €1450 / €1950).
 */
export function priceFor(route: PricedRoute, colleagueAlreadyEnrolled: boolean) {
  if (colleagueAlreadyEnrolled && route.secondPersonPriceCents !== null) {
    return { priceCents: route.secondPersonPriceCents, secondPerson: true };
  }
  return { priceCents: route.priceCents, secondPerson: false };
}

/** "€ 1.450" — Dutch euro amounts, cents only when there are any. */
export function formatEuro(cents: number, locale: "nl" | "en" = "nl") {
  return new Intl.NumberFormat(locale === "nl" ? "nl-NL" : "en-GB", {
    style: "currency",
    currency: "EUR",
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
  }).format(cents / 100);
}
