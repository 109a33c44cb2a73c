import { data, Form, Link, redirect } from "react-router";
import { getDb } from "#app/db/client.server.ts";
import { jobFunctions } from "#app/modules/accounts/accounts.schema.ts";
import {
  authorizeNetwork,
  requireCanManageNetwork,
} from "#app/modules/networks/network-access.server.ts";
import {
  forms,
  networkProfileSchema,
  phaseChangeSchema,
  phases,
} from "#app/modules/networks/networks.schema.ts";
import {
  changePhase,
  getNetwork,
  updateNetworkProfile,
} from "#app/modules/networks/networks.server.ts";
import { sectors } from "#app/modules/organisations/organisations.schema.ts";
import { listRegions } from "#app/modules/organisations/organisations.server.ts";
import { formValues, parseForm } from "#app/platform/forms.ts";
import { authorize } from "#app/platform/http.server.ts";
import {
  CheckboxGroup,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, PageHeader } from "#app/ui/layout.tsx";
import { requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/edit";
import { withFieldErrors } from "./network-helpers.server.ts";

export function meta() {
  return [{ title: "Netwerk bewerken — Knooppunt" }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  const view = await getNetwork(db, await authorizeNetwork(db, actor, params.networkId));
  authorize(view.canManage);
  return { network: view.network, regions: await listRegions(db) };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const db = await getDb();
  // Rights before the form: someone without them gets the 403, not field errors.
  requireCanManageNetwork(await authorizeNetwork(db, actor, params.networkId));
  const formData = await request.formData();
  if (formData.get("intent") === "phase") {
    const form = parseForm(phaseChangeSchema, formData);
    if (!form.ok)
      return data({ errors: form.errors, values: form.values, form: "phase" }, { status: 400 });
    await changePhase(db, actor, params.networkId, form.data);
    return redirect(`/netwerken/${params.networkId}?melding=net.phase.saved`);
  }
  const form = parseForm(networkProfileSchema, formData, ["sectors", "targetFunctions"]);
  if (!form.ok)
    return data({ errors: form.errors, values: form.values, form: "profile" }, { status: 400 });
  const result = await withFieldErrors(() =>
    updateNetworkProfile(db, actor, params.networkId, form.data),
  );
  if (!result.ok)
    return data(
      { errors: result.errors, values: formValues(formData), form: "profile" },
      { status: 400 },
    );
  return redirect(`/netwerken/${params.networkId}?melding=net.edit.saved`);
}

export default function EditNetwork({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network } = loaderData;
  const onPhase = actionData && "form" in actionData && actionData.form === "phase";
  const errors = !onPhase ? (actionData?.errors as Record<string, string> | undefined) : undefined;
  const phaseErrors = onPhase
    ? (actionData?.errors as Record<string, string> | undefined)
    : undefined;
  const values = !onPhase
    ? (actionData?.values as Record<string, string | string[]> | undefined)
    : undefined;
  const value = (key: string, fallback: string | number | null) =>
    values ? String(values[key] ?? "") : String(fallback ?? "");
  const list = (key: string, fallback: string[]) =>
    values ? ([] as string[]).concat(values[key] ?? []) : fallback;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageHeader title={t("net.edit.title", { name: network.name })}>
        <Link to={`/netwerken/${network.id}`} className="text-accent-700 underline">
          {t("net.enrol.back")}
        </Link>
      </PageHeader>
      <Card>
        <h2 className="mb-3 text-lg font-semibold">{t("net.phase.title")}</h2>
        <Form method="post" noValidate className="flex flex-col gap-4">
          <input type="hidden" name="intent" value="phase" />
          <ErrorSummary errors={phaseErrors} />
          <SelectField
            name="phase"
            label={t("net.page.phase")}
            error={phaseErrors?.phase}
            defaultValue={network.phase}
            options={phases.map((p) => ({
              value: p,
              label: `${t(`phase.${p}`)} — ${t(`phase.${p}.hint`)}`,
            }))}
          />
          <TextAreaField
            name="note"
            label={t("net.phase.note")}
            error={phaseErrors?.note}
            rows={2}
          />
          <div>
            <SubmitButton>{t("net.phase.submit")}</SubmitButton>
          </div>
        </Form>
      </Card>
      <Card>
        <Form method="post" noValidate className="flex flex-col gap-5">
          <input type="hidden" name="intent" value="profile" />
          <ErrorSummary errors={errors} />
          <TextField
            name="name"
            label={t("net.field.name")}
            required
            error={errors?.name}
            defaultValue={value("name", network.name)}
          />
          <TextAreaField
            name="question"
            label={t("net.field.question")}
            error={errors?.question}
            defaultValue={value("question", network.question)}
          />
          <TextAreaField
            name="description"
            label={t("net.field.description")}
            error={errors?.description}
            defaultValue={value("description", network.description)}
            rows={5}
          />
          <TextField
            name="themes"
            label={t("net.field.themes")}
            hint={t("net.field.themes.hint")}
            error={errors?.themes}
            defaultValue={value("themes", network.themes.join(", "))}
          />
          <CheckboxGroup
            name="sectors"
            legend={t("net.field.sectors")}
            error={errors?.sectors}
            selected={list("sectors", network.sectors)}
            options={sectors.map((s) => ({ value: s, label: s }))}
          />
          <CheckboxGroup
            name="targetFunctions"
            legend={t("net.field.targetFunctions")}
            selected={list("targetFunctions", network.targetFunctions)}
            options={jobFunctions
              .filter((f) => f !== "anders")
              .map((f) => ({ value: f, label: t(`jobFunction.${f}`) }))}
          />
          <TextAreaField
            name="intendedMembers"
            label={t("net.field.intendedMembers")}
            error={errors?.intendedMembers}
            defaultValue={value("intendedMembers", network.intendedMembers)}
            rows={2}
          />
          <SelectField
            name="regionId"
            label={t("net.field.region")}
            placeholder={t("field.region.none")}
            error={errors?.regionId}
            defaultValue={value("regionId", network.regionId)}
            options={loaderData.regions.map((r) => ({ value: r.id, label: r.name }))}
          />
          <SelectField
            name="status"
            label={t("net.field.status")}
            error={errors?.status}
            defaultValue={value("status", network.status)}
            options={(["in-formation", "active", "ended"] as const).map((s) => ({
              value: s,
              label: t(`net.state.${s === "active" ? "active" : s}`),
            }))}
          />
          <SelectField
            name="openness"
            label={t("net.field.openness")}
            hint={t("net.field.openness.hint")}
            error={errors?.openness}
            defaultValue={value("openness", network.openness)}
            options={(["open", "closed"] as const).map((o) => ({
              value: o,
              label: t(`net.state.${o}`),
            }))}
          />
          <SelectField
            name="joinMode"
            label={t("net.field.joinMode")}
            error={errors?.joinMode}
            defaultValue={value("joinMode", network.joinMode)}
            options={(["direct", "nomination"] as const).map((m) => ({
              value: m,
              label: t(`net.joinMode.${m}`),
            }))}
          />
          <SelectField
            name="form"
            label={t("net.field.form")}
            error={errors?.form}
            defaultValue={value("form", network.form)}
            options={forms.map((f) => ({ value: f, label: t(`net.form.${f}`) }))}
          />
          <TextField
            name="meetingPattern"
            label={t("net.field.meetingPattern")}
            hint={t("net.field.meetingPattern.hint")}
            error={errors?.meetingPattern}
            defaultValue={value("meetingPattern", network.meetingPattern)}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              name="meetingsPerYear"
              type="number"
              label={t("net.field.meetingsPerYear")}
              error={errors?.meetingsPerYear}
              defaultValue={value("meetingsPerYear", network.meetingsPerYear)}
            />
            <TextField
              name="capacity"
              type="number"
              label={t("net.field.capacity")}
              required
              error={errors?.capacity}
              defaultValue={value("capacity", network.capacity)}
            />
            <TextField
              name="startDate"
              type="date"
              label={t("net.field.startDate")}
              error={errors?.startDate}
              defaultValue={value("startDate", network.startDate)}
            />
            <TextField
              name="endDate"
              type="date"
              label={t("net.field.endDate")}
              error={errors?.endDate}
              defaultValue={value("endDate", network.endDate)}
            />
            <TextField
              name="durationMonths"
              type="number"
              label={t("net.field.durationMonths")}
              error={errors?.durationMonths}
              defaultValue={value("durationMonths", network.durationMonths)}
            />
            <TextField
              name="offerDays"
              type="number"
              label={t("net.field.offerDays")}
              required
              error={errors?.offerDays}
              defaultValue={value("offerDays", network.offerDays)}
            />
          </div>
          <TextField
            name="facilitatorNote"
            label={t("net.field.facilitator")}
            error={errors?.facilitatorNote}
            defaultValue={value("facilitatorNote", network.facilitatorNote)}
          />
          <TextAreaField
            name="costsNote"
            label={t("net.field.costsNote")}
            error={errors?.costsNote}
            defaultValue={value("costsNote", network.costsNote)}
            rows={2}
          />
          <div>
            <SubmitButton>{t("net.edit.save")}</SubmitButton>
          </div>
        </Form>
      </Card>
    </div>
  );
}
