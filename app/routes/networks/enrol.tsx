import { data, Form, Link } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import {
  assertMayEnrol,
  enrol,
  getMyStanding,
  listMyWorkplaces,
  quoteRoutes,
} from "#app/modules/memberships/enrolment.server.ts";
import { enrolSchema } from "#app/modules/memberships/memberships.schema.ts";
import { authorizeNetwork } from "#app/modules/networks/network-access.server.ts";
import { getNetwork } from "#app/modules/networks/networks.server.ts";
import { formatEuro } from "#app/modules/networks/pricing.ts";
import { formValues, parseForm } from "#app/platform/forms.ts";
import { ErrorSummary, SelectField, SubmitButton, TextAreaField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, Notice, PageHeader } from "#app/ui/layout.tsx";
import { SearchForm } from "#app/ui/search-form.tsx";
import { baseUrl, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/enrol";
import { withFieldErrors } from "./network-helpers.server.ts";

export function meta() {
  return [{ title: "Aanmelden — Knooppunt" }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  const view = await getNetwork(db, await authorizeNetwork(db, actor, params.networkId));
  const workplaces = await listMyWorkplaces(db, actor);
  const url = new URL(request.url);
  const chosen = url.searchParams.get("school");
  const organisationId = workplaces.find((w) => w.id === chosen)?.id ?? workplaces[0]?.id ?? null;
  const [routes, standing] = await Promise.all([
    quoteRoutes(db, actor, params.networkId, organisationId),
    getMyStanding(db, actor, params.networkId),
  ]);
  return {
    network: view.network,
    full: view.memberCount >= view.network.capacity,
    joinable: view.joinable,
    routes,
    workplaces,
    organisationId,
    standing,
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  // Whether one may enrol at all comes before the fields: a member sees no form to correct.
  const may = await withFieldErrors(() => assertMayEnrol(db, actor, params.networkId));
  if (!may.ok) return data({ errors: may.errors, values: {}, outcome: null }, { status: 400 });
  const formData = await request.formData();
  const form = parseForm(enrolSchema, formData);
  if (!form.ok)
    return data({ errors: form.errors, values: form.values, outcome: null }, { status: 400 });
  const result = await withFieldErrors(() =>
    enrol(db, actor, params.networkId, form.data, { baseUrl: baseUrl(request) }),
  );
  if (!result.ok)
    return data(
      { errors: result.errors, values: formValues(formData), outcome: null },
      { status: 400 },
    );
  return { errors: undefined, values: undefined, outcome: result.value };
}

export default function Enrol({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, routes, workplaces } = loaderData;
  const outcome = actionData?.outcome;
  if (outcome) {
    const message =
      outcome.kind === "joined"
        ? outcome.priceCents !== null
          ? t("net.enrol.done.joinedPrice", {
              name: network.name,
              price: formatEuro(outcome.priceCents, t.locale),
            })
          : t("net.enrol.done.joined", { name: network.name })
        : outcome.kind === "waiting-list"
          ? t("net.enrol.done.waiting", { position: outcome.position })
          : t("net.enrol.done.intake");
    return (
      <div className="mx-auto max-w-2xl">
        <Card>
          <h1 className="text-2xl font-bold">{network.name}</h1>
          <p role="status" className="mt-3 text-lg">
            {message}
          </p>
          <p className="mt-4">
            <Link to={`/netwerken/${network.id}`} className="text-accent-700 underline">
              {t("net.enrol.back")}
            </Link>
          </p>
        </Card>
      </div>
    );
  }
  const errors = actionData?.errors as Record<string, string> | undefined;
  const values = actionData?.values as Record<string, string> | undefined;
  const standing = loaderData.standing;
  const blocked =
    !loaderData.joinable ||
    standing?.membership?.status === "active" ||
    standing?.membership?.status === "awaiting-intake" ||
    !!standing?.waiting;
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title={t("net.enrol.title", { name: network.name })}>
        <Link to={`/netwerken/${network.id}`} className="text-accent-700 underline">
          {t("net.enrol.back")}
        </Link>
      </PageHeader>
      {blocked && errors?.form ? (
        // They tried anyway (an old tab, a second click): the reason, announced.
        <ErrorSummary errors={{ form: errors.form }} />
      ) : blocked ? (
        <Notice>
          {!loaderData.joinable
            ? t("error.enrol.closed")
            : standing?.waiting
              ? t("error.enrol.alreadyWaiting")
              : t("error.enrol.already")}
        </Notice>
      ) : (
        <Card>
          {loaderData.full ? (
            <div className="mb-4">
              <Notice tone="warning">{t("net.enrol.full")}</Notice>
            </div>
          ) : null}
          {workplaces.length > 1 ? (
            <SearchForm search={false} className="mb-4 flex flex-wrap items-end gap-3">
              <SelectField
                name="school"
                label={t("net.enrol.school")}
                defaultValue={loaderData.organisationId ?? ""}
                options={workplaces.map((w) => ({ value: w.id, label: w.name }))}
              />
              <SubmitButton variant="secondary">{t("net.catalogue.filter")}</SubmitButton>
            </SearchForm>
          ) : null}
          <Form method="post" noValidate className="flex flex-col gap-5">
            <ErrorSummary errors={errors} />
            <input type="hidden" name="organisationId" value={loaderData.organisationId ?? ""} />
            {routes.length ? (
              <fieldset
                className="flex flex-col gap-2"
                aria-describedby={errors?.routeId ? "routeId-error" : undefined}
              >
                <legend className="mb-1 font-medium">{t("net.enrol.route")}</legend>
                {routes.map((route, index) => (
                  <label
                    key={route.id}
                    className="flex items-start gap-3 rounded-md border border-slate-300 p-3"
                  >
                    <input
                      type="radio"
                      name="routeId"
                      value={route.id}
                      defaultChecked={values ? values.routeId === route.id : index === 0}
                      className="mt-1 size-4"
                    />
                    <span>
                      <span className="block font-medium">{route.name}</span>
                      <span className="block">
                        {route.quote.secondPerson
                          ? t("net.enrol.priceSecond", {
                              price: formatEuro(route.quote.priceCents, t.locale),
                            })
                          : t("net.enrol.price", {
                              price: formatEuro(route.quote.priceCents, t.locale),
                            })}
                        {route.vatExempt ? ` (${t("net.page.vatExempt")})` : ""}
                      </span>
                      {route.includes ? (
                        <span className="block text-sm text-slate-700">
                          {t("net.page.includes", { text: route.includes })}
                        </span>
                      ) : null}
                    </span>
                  </label>
                ))}
                {errors?.routeId ? (
                  <p id="routeId-error" className="text-sm font-medium text-red-700">
                    {t(errors.routeId)}
                  </p>
                ) : null}
              </fieldset>
            ) : null}
            <TextAreaField
              name="motivation"
              label={t("net.enrol.motivation")}
              required
              error={errors?.motivation}
              defaultValue={values?.motivation ?? ""}
            />
            <TextAreaField
              name="learningQuestionDraft"
              label={t("net.enrol.learningQuestion")}
              hint={t("net.enrol.learningQuestion.hint")}
              error={errors?.learningQuestionDraft}
              defaultValue={values?.learningQuestionDraft ?? ""}
            />
            <div>
              <SubmitButton>
                {loaderData.full ? t("net.enrol.submitWaiting") : t("net.enrol.submit")}
              </SubmitButton>
            </div>
          </Form>
        </Card>
      )}
    </div>
  );
}
