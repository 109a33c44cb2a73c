import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import {
  netFormLabel,
  netJoinModeLabel,
  netStateLabel,
  phaseHint,
  phaseLabel,
} from "#app/i18n/labels.ts";
import { AudienceFields } from "#app/modules/networks/components/audience-fields.tsx";
import { requireCanManageNetwork } from "#app/modules/networks/network-access.server.ts";
import {
  type EditPageForm,
  editPageSchema,
  forms,
  phases,
} from "#app/modules/networks/networks.schema.ts";
import { changePhase, updateNetworkProfile } from "#app/modules/networks/networks.server.ts";
import { listRegions } from "#app/modules/organisations/organisations.server.ts";
import {
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleIntents } from "../forms.server.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import type { Route } from "./+types/edit";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.networkEdit");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    requireCanManageNetwork(network);
    return { network: network.network, regions: await listRegions(db) };
  });
}

export async function action(args: Route.ActionArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const back = (notice: string) => redirect(`/netwerken/${network.id}?melding=${notice}`);
    return handleIntents(
      args.request,
      editPageSchema,
      {
        phase: async ({ phase, note }) => {
          await changePhase(db, network, { phase, note });
          return back("net.phase.saved");
        },
        profile: async ({ intent: _intent, ...profile }) => {
          await updateNetworkProfile(db, network, profile);
          return back("net.edit.saved");
        },
      },
      // Rights before the form: someone without them gets the 403, not field errors.
      { authorize: () => requireCanManageNetwork(network) },
    );
  });
}

type LoaderData = Route.ComponentProps["loaderData"];

export default function EditNetwork({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { network } = loaderData;
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageHeader title={t("net.edit.title", { name: network.name })}>
        <Link to={`/netwerken/${network.id}`} className="text-accent-700 underline">
          {t("net.enrol.back")}
        </Link>
      </PageHeader>
      <PhaseForm network={network} actionData={actionData} />
      <ProfileForm network={network} regions={loaderData.regions} actionData={actionData} />
    </div>
  );
}

function PhaseForm({
  network,
  actionData,
}: {
  network: LoaderData["network"];
  actionData: unknown;
}) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<EditPageForm, { intent: "phase" }>>(
    "phase",
    actionData,
    { defaultValue: { phase: network.phase } },
  );
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">{t("net.phase.title")}</h2>
      <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
        <input type="hidden" name="intent" value="phase" />
        <ErrorSummary errors={fieldErrorsOf(form)} />
        <SelectField
          label={t("net.page.phase")}
          {...fieldProps(fields.phase)}
          options={phases.map((p) => ({
            value: p,
            label: `${t(phaseLabel[p])} — ${t(phaseHint[p])}`,
          }))}
        />
        <TextAreaField label={t("net.phase.note")} rows={2} {...fieldProps(fields.note)} />
        <div>
          <SubmitButton>{t("net.phase.submit")}</SubmitButton>
        </div>
      </Form>
    </Card>
  );
}

const text = (value: string | number | null) => (value === null ? "" : String(value));

function ProfileForm({
  network,
  regions,
  actionData,
}: {
  network: LoaderData["network"];
  regions: LoaderData["regions"];
  actionData: unknown;
}) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<EditPageForm, { intent: "profile" }>>(
    "profile",
    actionData,
    {
      defaultValue: {
        name: network.name,
        question: network.question,
        description: network.description,
        themes: network.themes.join(", "),
        sectors: network.sectors,
        targetFunctions: network.targetFunctions,
        intendedMembers: network.intendedMembers,
        regionId: text(network.regionId),
        status: network.status,
        openness: network.openness,
        joinMode: network.joinMode,
        form: network.form,
        meetingPattern: network.meetingPattern,
        meetingsPerYear: text(network.meetingsPerYear),
        capacity: text(network.capacity),
        startDate: text(network.startDate),
        endDate: text(network.endDate),
        durationMonths: text(network.durationMonths),
        offerDays: text(network.offerDays),
        facilitatorNote: network.facilitatorNote,
        costsNote: network.costsNote,
      },
    },
  );
  return (
    <Card>
      <Form method="post" {...getFormProps(form)} className="flex flex-col gap-5">
        <input type="hidden" name="intent" value="profile" />
        <ErrorSummary errors={fieldErrorsOf(form)} />
        <TextField label={t("net.field.name")} required {...fieldProps(fields.name)} />
        <TextAreaField label={t("net.field.question")} {...fieldProps(fields.question)} />
        <TextAreaField
          label={t("net.field.description")}
          rows={5}
          {...fieldProps(fields.description)}
        />
        <TextField
          label={t("net.field.themes")}
          hint={t("net.field.themes.hint")}
          {...fieldProps(fields.themes)}
        />
        <AudienceFields
          sectorsField={fields.sectors}
          targetFunctionsField={fields.targetFunctions}
        />
        <TextAreaField
          label={t("net.field.intendedMembers")}
          rows={2}
          {...fieldProps(fields.intendedMembers)}
        />
        <SelectField
          label={t("net.field.region")}
          placeholder={t("field.region.none")}
          {...fieldProps(fields.regionId)}
          options={regions.map((r) => ({ value: r.id, label: r.name }))}
        />
        <SelectField
          label={t("net.field.status")}
          {...fieldProps(fields.status)}
          options={(["in-formation", "active", "ended"] as const).map((s) => ({
            value: s,
            label: t(netStateLabel[s]),
          }))}
        />
        <SelectField
          label={t("net.field.openness")}
          hint={t("net.field.openness.hint")}
          {...fieldProps(fields.openness)}
          options={(["open", "closed"] as const).map((o) => ({
            value: o,
            label: t(netStateLabel[o]),
          }))}
        />
        <SelectField
          label={t("net.field.joinMode")}
          {...fieldProps(fields.joinMode)}
          options={(["direct", "nomination"] as const).map((m) => ({
            value: m,
            label: t(netJoinModeLabel[m]),
          }))}
        />
        <SelectField
          label={t("net.field.form")}
          {...fieldProps(fields.form)}
          options={forms.map((f) => ({ value: f, label: t(netFormLabel[f]) }))}
        />
        <TextField
          label={t("net.field.meetingPattern")}
          hint={t("net.field.meetingPattern.hint")}
          {...fieldProps(fields.meetingPattern)}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            type="number"
            label={t("net.field.meetingsPerYear")}
            {...fieldProps(fields.meetingsPerYear)}
          />
          <TextField
            type="number"
            label={t("net.field.capacity")}
            required
            {...fieldProps(fields.capacity)}
          />
          <TextField
            type="date"
            label={t("net.field.startDate")}
            {...fieldProps(fields.startDate)}
          />
          <TextField type="date" label={t("net.field.endDate")} {...fieldProps(fields.endDate)} />
          <TextField
            type="number"
            label={t("net.field.durationMonths")}
            {...fieldProps(fields.durationMonths)}
          />
          <TextField
            type="number"
            label={t("net.field.offerDays")}
            required
            {...fieldProps(fields.offerDays)}
          />
        </div>
        <TextField label={t("net.field.facilitator")} {...fieldProps(fields.facilitatorNote)} />
        <TextAreaField
          label={t("net.field.costsNote")}
          rows={2}
          {...fieldProps(fields.costsNote)}
        />
        <div>
          <SubmitButton>{t("net.edit.save")}</SubmitButton>
        </div>
      </Form>
    </Card>
  );
}
