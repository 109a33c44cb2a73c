import { getFormProps } from "@conform-to/react";
import { data, Form, Link } from "react-router";
import {
  assertMayEnrol,
  enrol,
  getMyStanding,
  listMyWorkplaces,
  quoteRoutes,
} from "#app/modules/memberships/enrolment.server.ts";
import { type EnrolForm, enrolSchema } from "#app/modules/memberships/memberships.schema.ts";
import { getNetwork } from "#app/modules/networks/networks.server.ts";
import { formatEuro } from "#app/modules/networks/pricing.ts";
import { FieldError } from "#app/platform/forms.ts";
import type { IntentReply } from "#app/platform/intent-reply.ts";
import { ErrorSummary, SelectField, SubmitButton, TextAreaField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, formErrorOf, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { SearchForm } from "#app/ui/search-form.tsx";
import { handleForm } from "../forms.server.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import { baseUrl } from "../session.server.ts";
import type { Route } from "./+types/enrol";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.enrol");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, actor, network }) => {
    const [view, workplaces] = await Promise.all([
      getNetwork(db, network),
      listMyWorkplaces(db, actor),
    ]);
    const chosen = new URL(args.request.url).searchParams.get("school");
    const organisationId = workplaces.find((w) => w.id === chosen)?.id ?? workplaces[0]?.id ?? null;
    const [routes, standing] = await Promise.all([
      quoteRoutes(db, network, organisationId),
      getMyStanding(db, network),
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
  });
}

export async function action(args: Route.ActionArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    // Whether one may enrol at all comes before the fields: a member sees no form to correct.
    try {
      await assertMayEnrol(db, network);
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      const refusal: IntentReply = {
        intent: "",
        result: { status: "error", error: { "": [error.messageKey] } },
      };
      return data(refusal, { status: 400 });
    }
    return handleForm(args.request, enrolSchema, async (input) => ({
      outcome: await enrol(db, network, input, { baseUrl: baseUrl(args.request) }),
    }));
  });
}

export default function Enrol({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network, routes, workplaces } = loaderData;
  const outcome = actionData && "outcome" in actionData ? actionData.outcome : null;
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
  const formError = formErrorOf(actionData);
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
      {blocked && formError ? (
        // They tried anyway (an old tab, a second click): the reason, announced.
        <ErrorSummary errors={{ form: formError }} />
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
          <EnrolmentForm
            actionData={actionData}
            routes={routes}
            organisationId={loaderData.organisationId}
            full={loaderData.full}
          />
        </Card>
      )}
    </div>
  );
}

function EnrolmentForm({
  actionData,
  routes,
  organisationId,
  full,
}: {
  actionData: unknown;
  routes: Route.ComponentProps["loaderData"]["routes"];
  organisationId: string | null;
  full: boolean;
}) {
  const t = useT();
  const [form, fields] = useIntentForm<EnrolForm>("", actionData, {
    id: "enrol",
    defaultValue: { routeId: routes[0]?.id ?? "" },
  });
  const formError = formErrorOf(actionData);
  const errors = fieldErrorsOf(form) ?? (formError ? { form: formError } : undefined);
  const routeError = fields.routeId.errors?.[0];
  const chosenRoute = fields.routeId.initialValue;
  return (
    <Form method="post" {...getFormProps(form)} className="flex flex-col gap-5">
      <ErrorSummary errors={errors} />
      <input type="hidden" name="organisationId" value={organisationId ?? ""} />
      {routes.length ? (
        <fieldset
          className="flex flex-col gap-2"
          aria-describedby={routeError ? "routeId-error" : undefined}
        >
          <legend className="mb-1 font-medium">{t("net.enrol.route")}</legend>
          {routes.map((route) => (
            <label
              key={route.id}
              className="flex items-start gap-3 rounded-md border border-slate-300 p-3"
            >
              <input
                type="radio"
                name="routeId"
                value={route.id}
                defaultChecked={chosenRoute === route.id}
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
          {routeError ? (
            <p id="routeId-error" className="text-sm font-medium text-red-700">
              {t.error(routeError)}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <TextAreaField
        label={t("net.enrol.motivation")}
        required
        {...fieldProps(fields.motivation)}
      />
      <TextAreaField
        label={t("net.enrol.learningQuestion")}
        hint={t("net.enrol.learningQuestion.hint")}
        {...fieldProps(fields.learningQuestionDraft)}
      />
      <div>
        <SubmitButton>{full ? t("net.enrol.submitWaiting") : t("net.enrol.submit")}</SubmitButton>
      </div>
    </Form>
  );
}
