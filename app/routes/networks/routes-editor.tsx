import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import {
  deleteRoute,
  saveRoute,
  saveSteps,
} from "#app/modules/networks/enrolment-routes.server.ts";
import { requireCanManageNetwork } from "#app/modules/networks/network-access.server.ts";
import { type RoutesPageForm, routesPageSchema } from "#app/modules/networks/networks.schema.ts";
import { getNetwork } from "#app/modules/networks/networks.server.ts";
import { listProfessionalThemes } from "#app/modules/progress/professional-themes.server.ts";
import { isIntentReply } from "#app/platform/intent-reply.ts";
import {
  CheckboxGroup,
  ErrorSummary,
  SubmitButton,
  TextAreaField,
  TextField,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { checkedOf, fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, Notice, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleIntents } from "../forms.server.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import { noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/routes-editor";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.routesEditor");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    requireCanManageNetwork(network);
    const [view, themes] = await Promise.all([getNetwork(db, network), listProfessionalThemes(db)]);
    return {
      network: view.network,
      routes: view.routes,
      steps: view.steps,
      themes: themes.map((theme) => theme.name),
      notice: noticeFrom(args.request),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const here = (notice: string) => redirect(`/netwerken/${network.id}/routes?melding=${notice}`);
    return handleIntents(
      args.request,
      routesPageSchema,
      {
        steps: async ({ steps }) => {
          await saveSteps(db, network, steps);
          return here("net.routes.steps.saved");
        },
        route: async ({ intent: _intent, routeId, ...route }) => {
          await saveRoute(db, network, routeId || null, route);
          return here("net.routes.saved");
        },
        "delete-route": async ({ routeId }) => {
          await deleteRoute(db, network, routeId);
          return here("net.routes.deleted");
        },
      },
      // Rights before the form: someone without them gets the 403, not field errors.
      { authorize: () => requireCanManageNetwork(network) },
    );
  });
}

const euros = (cents: number | null) =>
  cents === null ? "" : String(cents / 100).replace(".", ",");

type LoaderData = Route.ComponentProps["loaderData"];

/** The answer to a route form is for the form of the route it named (or the new one's). */
function answerFor(actionData: unknown, routeId: string) {
  if (!isIntentReply(actionData) || actionData.intent !== "route") return undefined;
  const sent = actionData.result.initialValue?.routeId ?? "";
  return sent === routeId ? actionData : undefined;
}

function RouteForm({
  route,
  steps,
  themes,
  actionData,
}: {
  route: LoaderData["routes"][number] | null;
  steps: LoaderData["steps"];
  themes: string[];
  actionData: unknown;
}) {
  const t = useT();
  const prefix = route ? `route-${route.id}` : "route-new";
  const [form, fields] = useIntentForm<Extract<RoutesPageForm, { intent: "route" }>>(
    "route",
    answerFor(actionData, route?.id ?? ""),
    {
      id: prefix,
      defaultValue: {
        routeId: route?.id ?? "",
        name: route?.name ?? "",
        price: route ? euros(route.priceCents) : "",
        secondPersonPrice: route ? euros(route.secondPersonPriceCents) : "",
        includes: route?.includes ?? "",
        extraCosts: route?.extraCosts ?? "",
        vatExempt: (route?.vatExempt ?? false) ? "on" : undefined,
        minMeetings: route?.minMeetings?.toString() ?? "",
        requiresAllSteps: (route?.requiresAllSteps ?? true) ? "on" : undefined,
        registerPoints: route?.registerPoints?.toString() ?? "",
        registerThemes: route?.registerThemes ?? [],
        stepNumbers: (route?.stepNumbers ?? []).map(String),
      },
    },
  );
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">
        {route ? `${t("net.routes.route")}: ${route.name}` : t("net.routes.new")}
      </h2>
      <Form method="post" className="flex flex-col gap-4" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="route" />
        {route ? <input type="hidden" name="routeId" value={route.id} /> : null}
        <ErrorSummary errors={fieldErrorsOf(form)} />
        <TextField label={t("net.routes.name")} required {...fieldProps(fields.name)} />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label={t("net.routes.price")} required {...fieldProps(fields.price)} />
          <TextField
            label={t("net.routes.secondPrice")}
            {...fieldProps(fields.secondPersonPrice)}
          />
        </div>
        <TextAreaField label={t("net.routes.includes")} rows={2} {...fieldProps(fields.includes)} />
        <TextField label={t("net.routes.extraCosts")} {...fieldProps(fields.extraCosts)} />
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            name="vatExempt"
            defaultChecked={fields.vatExempt.initialValue === "on"}
            className="size-4"
          />
          {t("net.routes.vatExempt")}
        </label>
        <TextField
          label={t("net.routes.minMeetings")}
          hint={t("net.routes.minMeetings.hint")}
          {...fieldProps(fields.minMeetings)}
        />
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            name="requiresAllSteps"
            defaultChecked={fields.requiresAllSteps.initialValue === "on"}
            className="size-4"
          />
          {t("net.routes.requiresAllSteps")}
        </label>
        <TextField
          label={t("net.routes.registerPoints")}
          hint={t("net.routes.registerPoints.hint")}
          {...fieldProps(fields.registerPoints)}
        />
        <CheckboxGroup
          name="registerThemes"
          legend={t("net.routes.registerThemes")}
          error={fields.registerThemes.errors?.[0]}
          selected={checkedOf(fields.registerThemes)}
          options={themes.map((theme) => ({ value: theme, label: theme }))}
        />
        {steps.length ? (
          <CheckboxGroup
            name="stepNumbers"
            legend={t("net.routes.stepNumbers")}
            error={fields.stepNumbers.errors?.[0]}
            selected={checkedOf(fields.stepNumbers)}
            options={steps.map((s) => ({
              value: String(s.number),
              label: `${s.number}. ${s.title}`,
            }))}
          />
        ) : (
          <p className="text-sm text-slate-700">{t("net.routes.noSteps")}</p>
        )}
        <div>
          <SubmitButton>{t("net.routes.save")}</SubmitButton>
        </div>
      </Form>
      {route ? (
        <Form method="post" className="mt-3">
          <input type="hidden" name="intent" value="delete-route" />
          <input type="hidden" name="routeId" value={route.id} />
          <SubmitButton variant="danger">{t("net.routes.delete")}</SubmitButton>
        </Form>
      ) : null}
    </Card>
  );
}

function StepsForm({ steps, actionData }: { steps: LoaderData["steps"]; actionData: unknown }) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<RoutesPageForm, { intent: "steps" }>>(
    "steps",
    actionData,
    { defaultValue: { steps: steps.map((s) => s.title).join("\n") } },
  );
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">{t("net.routes.steps")}</h2>
      <Form method="post" className="flex flex-col gap-4" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="steps" />
        <ErrorSummary errors={fieldErrorsOf(form)} />
        <TextAreaField
          label={t("net.routes.steps")}
          hint={t("net.routes.steps.hint")}
          rows={8}
          {...fieldProps(fields.steps)}
        />
        <div>
          <SubmitButton>{t("net.routes.steps.save")}</SubmitButton>
        </div>
      </Form>
    </Card>
  );
}

export default function RoutesEditor({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const notice = loaderData.notice?.startsWith("net.routes.") ? loaderData.notice : null;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={t("net.routes.title", { name: loaderData.network.name })}>
        <Link to={`/netwerken/${loaderData.network.id}`} className="text-accent-700 underline">
          {t("net.enrol.back")}
        </Link>
      </PageHeader>
      {notice ? <Notice tone="success">{t(notice)}</Notice> : null}
      <StepsForm steps={loaderData.steps} actionData={actionData} />
      {loaderData.routes.map((route) => (
        <RouteForm
          key={route.id}
          route={route}
          steps={loaderData.steps}
          themes={loaderData.themes}
          actionData={actionData}
        />
      ))}
      <RouteForm
        route={null}
        steps={loaderData.steps}
        themes={loaderData.themes}
        actionData={actionData}
      />
    </div>
  );
}
