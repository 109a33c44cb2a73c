import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import {
  deleteRoute,
  saveRoute,
  saveSteps,
} from "#app/modules/networks/enrolment-routes.server.ts";
import {
  authorizeNetwork,
  requireCanManageNetwork,
} from "#app/modules/networks/network-access.server.ts";
import { routeSchema, stepsSchema } from "#app/modules/networks/networks.schema.ts";
import { getNetwork } from "#app/modules/networks/networks.server.ts";
import { listProfessionalThemes } from "#app/modules/progress/professional-themes.server.ts";
import { formValues, parseForm } from "#app/platform/forms.ts";
import { authorize } from "#app/platform/http.server.ts";
import {
  CheckboxGroup,
  ErrorSummary,
  SubmitButton,
  TextAreaField,
  TextField,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, Notice, PageHeader } from "#app/ui/layout.tsx";
import { noticeFrom, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/routes-editor";
import { withFieldErrors } from "./network-helpers.server.ts";

export function meta() {
  return [{ title: "Routes en stappen — Knooppunt" }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const view = await getNetwork(
    await getDb(),
    await authorizeNetwork(await getDb(), actor, params.networkId),
  );
  authorize(view.canManage);
  const themes = (await listProfessionalThemes(await getDb())).map((theme) => theme.name);
  return {
    network: view.network,
    routes: view.routes,
    steps: view.steps,
    themes,
    notice: noticeFrom(request),
  };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  // Rights before the form: someone without them gets the 403, not field errors.
  requireCanManageNetwork(await authorizeNetwork(db, actor, params.networkId));
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const routeId = String(formData.get("routeId") ?? "") || null;
  const here = (notice: string) =>
    redirect(`/netwerken/${params.networkId}/routes?melding=${notice}`);
  if (intent === "steps") {
    const form = parseForm(stepsSchema, formData);
    if (!form.ok)
      return data({ errors: form.errors, values: form.values, target: "steps" }, { status: 400 });
    await saveSteps(db, actor, params.networkId, form.data.steps);
    return here("net.routes.steps.saved");
  }
  if (intent === "delete-route" && routeId) {
    await deleteRoute(db, actor, params.networkId, routeId);
    return here("net.routes.deleted");
  }
  const form = parseForm(routeSchema, formData, ["stepNumbers", "registerThemes"]);
  if (!form.ok)
    return data(
      { errors: form.errors, values: form.values, target: routeId ?? "new" },
      { status: 400 },
    );
  const result = await withFieldErrors(() =>
    saveRoute(db, actor, params.networkId, routeId, form.data),
  );
  if (!result.ok)
    return data(
      { errors: result.errors, values: formValues(formData), target: routeId ?? "new" },
      { status: 400 },
    );
  return here("net.routes.saved");
}

const euros = (cents: number | null) =>
  cents === null ? "" : String(cents / 100).replace(".", ",");

function RouteForm({
  route,
  steps,
  themes,
  errors,
  values,
}: {
  route: {
    id: string;
    name: string;
    priceCents: number;
    secondPersonPriceCents: number | null;
    includes: string;
    extraCosts: string;
    vatExempt: boolean;
    stepNumbers: number[];
    minMeetings: number | null;
    requiresAllSteps: boolean;
    registerPoints: number | null;
    registerThemes: string[];
  } | null;
  steps: { number: number; title: string }[];
  themes: string[];
  errors?: Record<string, string>;
  values?: Record<string, unknown>;
}) {
  const t = useT();
  const prefix = route ? `route-${route.id}` : "route-new";
  const value = (key: string, fallback: string) => (values ? String(values[key] ?? "") : fallback);
  const selected = values
    ? ([] as string[]).concat((values.stepNumbers as string[] | string | undefined) ?? [])
    : (route?.stepNumbers ?? []).map(String);
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">
        {route ? `${t("net.routes.route")}: ${route.name}` : t("net.routes.new")}
      </h2>
      <Form method="post" noValidate className="flex flex-col gap-4" id={prefix}>
        <input type="hidden" name="intent" value="route" />
        {route ? <input type="hidden" name="routeId" value={route.id} /> : null}
        <ErrorSummary errors={errors} />
        <TextField
          name="name"
          label={t("net.routes.name")}
          required
          error={errors?.name}
          defaultValue={value("name", route?.name ?? "")}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="price"
            label={t("net.routes.price")}
            required
            error={errors?.price}
            defaultValue={value("price", route ? euros(route.priceCents) : "")}
          />
          <TextField
            name="secondPersonPrice"
            label={t("net.routes.secondPrice")}
            error={errors?.secondPersonPrice}
            defaultValue={value(
              "secondPersonPrice",
              route ? euros(route.secondPersonPriceCents) : "",
            )}
          />
        </div>
        <TextAreaField
          name="includes"
          label={t("net.routes.includes")}
          error={errors?.includes}
          rows={2}
          defaultValue={value("includes", route?.includes ?? "")}
        />
        <TextField
          name="extraCosts"
          label={t("net.routes.extraCosts")}
          error={errors?.extraCosts}
          defaultValue={value("extraCosts", route?.extraCosts ?? "")}
        />
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            name="vatExempt"
            defaultChecked={values ? values.vatExempt === "on" : (route?.vatExempt ?? false)}
            className="size-4"
          />
          {t("net.routes.vatExempt")}
        </label>
        <TextField
          name="minMeetings"
          label={t("net.routes.minMeetings")}
          hint={t("net.routes.minMeetings.hint")}
          error={errors?.minMeetings}
          defaultValue={value("minMeetings", route?.minMeetings?.toString() ?? "")}
        />
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            name="requiresAllSteps"
            defaultChecked={
              values ? values.requiresAllSteps === "on" : (route?.requiresAllSteps ?? true)
            }
            className="size-4"
          />
          {t("net.routes.requiresAllSteps")}
        </label>
        <TextField
          name="registerPoints"
          label={t("net.routes.registerPoints")}
          hint={t("net.routes.registerPoints.hint")}
          error={errors?.registerPoints}
          defaultValue={value("registerPoints", route?.registerPoints?.toString() ?? "")}
        />
        <CheckboxGroup
          name="registerThemes"
          legend={t("net.routes.registerThemes")}
          error={errors?.registerThemes}
          selected={
            values
              ? ([] as string[]).concat(
                  (values.registerThemes as string[] | string | undefined) ?? [],
                )
              : (route?.registerThemes ?? [])
          }
          options={themes.map((theme) => ({ value: theme, label: theme }))}
        />
        {steps.length ? (
          <CheckboxGroup
            name="stepNumbers"
            legend={t("net.routes.stepNumbers")}
            error={errors?.stepNumbers}
            selected={selected}
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

export default function RoutesEditor({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const target = actionData && "target" in actionData ? actionData.target : null;
  const errorsFor = (key: string) =>
    target === key ? (actionData?.errors as Record<string, string>) : undefined;
  const valuesFor = (key: string) =>
    target === key ? (actionData?.values as Record<string, unknown>) : undefined;
  const notice = loaderData.notice?.startsWith("net.routes.") ? loaderData.notice : null;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={t("net.routes.title", { name: loaderData.network.name })}>
        <Link to={`/netwerken/${loaderData.network.id}`} className="text-accent-700 underline">
          {t("net.enrol.back")}
        </Link>
      </PageHeader>
      {notice ? <Notice tone="success">{t(notice)}</Notice> : null}
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("net.routes.steps")}</h2>
        <Form method="post" noValidate className="flex flex-col gap-4">
          <input type="hidden" name="intent" value="steps" />
          <ErrorSummary errors={errorsFor("steps")} />
          <TextAreaField
            name="steps"
            label={t("net.routes.steps")}
            hint={t("net.routes.steps.hint")}
            error={errorsFor("steps")?.steps}
            rows={8}
            defaultValue={
              valuesFor("steps")
                ? String(valuesFor("steps")?.steps ?? "")
                : loaderData.steps.map((s) => s.title).join("\n")
            }
          />
          <div>
            <SubmitButton>{t("net.routes.steps.save")}</SubmitButton>
          </div>
        </Form>
      </Card>
      {loaderData.routes.map((route) => (
        <RouteForm
          key={route.id}
          route={route}
          steps={loaderData.steps}
          themes={loaderData.themes}
          errors={errorsFor(route.id)}
          values={valuesFor(route.id)}
        />
      ))}
      <RouteForm
        route={null}
        steps={loaderData.steps}
        themes={loaderData.themes}
        errors={errorsFor("new")}
        values={valuesFor("new")}
      />
    </div>
  );
}
