import { getFormProps } from "@conform-to/react";
import { useEffect, useState } from "react";
import { Form, Link, redirect } from "react-router";
import { JobFunctionFields } from "#app/modules/accounts/components/job-function-fields.tsx";
import { getProfile, listPopularExpertise } from "#app/modules/accounts/profile.server.ts";
import { createFeed, getCalendarSettings } from "#app/modules/calendar/calendar.server.ts";
import {
  type OnboardingStep,
  onboardingSteps,
  stepFromSlug,
  type WelcomePageForm,
  welcomePageSchema,
  welcomePath,
} from "#app/modules/home/onboarding.schema.ts";
import {
  claimSchoolStep,
  endOnboarding,
  onboardingStepOf,
  saveExpertiseStep,
  saveFunctionStep,
  skipStep,
  welcomeNetworks,
} from "#app/modules/home/onboarding.server.ts";
import { listRegions } from "#app/modules/organisations/organisations.server.ts";
import { findSchools } from "#app/modules/organisations/school-lookup.server.ts";
import { listWorkplaces } from "#app/modules/organisations/workplaces.server.ts";
import { Button } from "#app/ui/button.tsx";
import { ErrorSummary, SelectField, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, PageHeader, Tag } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleIntents } from "../forms.server.ts";
import { withActor } from "../pipeline.server.ts";
import { baseUrl } from "../session.server.ts";
import type { Route } from "./+types/welcome";

const stepTitles = {
  function: "welcome.step.function",
  school: "welcome.step.school",
  expertise: "welcome.step.expertise",
  networks: "welcome.step.networks",
  calendar: "welcome.step.calendar",
} as const;

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.welcome");
}

/** After a step: the next one, or the start page when the welcome is over. */
const onTo = (next: OnboardingStep | null) => redirect(next ? welcomePath(next) : "/");

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => {
    const url = new URL(args.request.url);
    const saved = await onboardingStepOf(db, actor.userId);
    // Finished or skipped: nothing to resume.
    if (!saved) throw redirect("/");
    const step = stepFromSlug(url.searchParams.get("stap"));
    if (!step) throw redirect(welcomePath(saved));
    const number = onboardingSteps.indexOf(step) + 1;
    const base = { step, number, total: onboardingSteps.length };
    if (step === "function") {
      const [profile, regions] = await Promise.all([
        getProfile(db, actor, actor.userId),
        listRegions(db),
      ]);
      return {
        ...base,
        function: {
          jobFunction: profile.jobFunction ?? "",
          jobFunctionOther: profile.jobFunctionOther ?? "",
          regionId: profile.regionId ?? "",
          regions: regions.map((region) => ({ id: region.id, name: region.name })),
        },
      };
    }
    if (step === "school") {
      const query = (url.searchParams.get("q") ?? "").slice(0, 100).trim();
      const [workplaces, found] = await Promise.all([
        listWorkplaces(db, actor, actor.userId),
        query.length >= 2 ? findSchools(db, query) : Promise.resolve(null),
      ]);
      return { ...base, school: { query, workplaces, found } };
    }
    if (step === "expertise") {
      const [profile, popular] = await Promise.all([
        getProfile(db, actor, actor.userId),
        listPopularExpertise(db, 8),
      ]);
      return {
        ...base,
        expertise: { current: profile.expertise.join(", "), popular: popular.map((p) => p.name) },
      };
    }
    if (step === "networks") return { ...base, networks: await welcomeNetworks(db, actor) };
    const settings = await getCalendarSettings(db, actor);
    return { ...base, calendar: { hasFeed: settings.hasFeed } };
  });
}

export async function action(args: Route.ActionArgs) {
  return withActor(args, async ({ db, actor }) =>
    handleIntents(args.request, welcomePageSchema, {
      function: async ({ jobFunction, jobFunctionOther, regionId }) =>
        onTo(await saveFunctionStep(db, actor, { jobFunction, jobFunctionOther, regionId })),
      school: async ({ organisationId }) =>
        onTo(await claimSchoolStep(db, actor, organisationId, { baseUrl: baseUrl(args.request) })),
      expertise: async ({ expertise }) => onTo(await saveExpertiseStep(db, actor, expertise)),
      skip: async ({ step }) => onTo(await skipStep(db, actor, step)),
      "skip-all": async () => {
        await endOnboarding(db, actor);
        return redirect("/");
      },
      "create-feed": async () => {
        const token = await createFeed(db, actor);
        return { feedUrl: `${baseUrl(args.request)}/agenda/feed/${token}.ics` };
      },
      finish: async () => {
        await endOnboarding(db, actor);
        return redirect("/");
      },
    }),
  );
}

type LoaderData = Route.ComponentProps["loaderData"];
type ActionData = Route.ComponentProps["actionData"];

export default function Welcome({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { step, number, total } = loaderData;
  const previous = onboardingSteps[number - 2];
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-4">
      <PageHeader
        title={t("welcome.title")}
        intro={number === 1 ? t("welcome.intro") : undefined}
      />
      <Card>
        <p className="text-sm font-medium text-slate-700">
          {t("welcome.stepOf", { step: number, total })}
        </p>
        <div
          className="mt-1 mb-4 h-2 w-full overflow-hidden rounded-full bg-slate-200"
          aria-hidden="true"
        >
          <div className="h-full bg-accent-700" style={{ width: `${(number / total) * 100}%` }} />
        </div>
        <h2 className="mb-3 text-xl font-semibold">{t(stepTitles[step])}</h2>
        <StepBody loaderData={loaderData} actionData={actionData} />
      </Card>
      <nav
        aria-label={t("welcome.title")}
        className="flex flex-wrap items-center justify-between gap-3"
      >
        {previous ? (
          <Link to={welcomePath(previous)} className="text-accent-700 underline">
            {t("welcome.back")}
          </Link>
        ) : (
          <span />
        )}
        <Form method="post" className="flex flex-col items-end gap-1">
          <input type="hidden" name="intent" value="skip-all" />
          <button type="submit" className="text-accent-700 underline">
            {t("welcome.skipAll")}
          </button>
          <span className="text-sm text-slate-600">{t("welcome.skipAll.hint")}</span>
        </Form>
      </nav>
    </div>
  );
}

function StepBody({ loaderData, actionData }: { loaderData: LoaderData; actionData: ActionData }) {
  if ("function" in loaderData)
    return <FunctionStep data={loaderData.function} actionData={actionData} />;
  if ("school" in loaderData)
    return <SchoolStep data={loaderData.school} actionData={actionData} />;
  if ("expertise" in loaderData)
    return <ExpertiseStep data={loaderData.expertise} actionData={actionData} />;
  if ("networks" in loaderData) return <NetworksStep data={loaderData.networks} />;
  if ("calendar" in loaderData)
    return <CalendarStep data={loaderData.calendar} actionData={actionData} />;
  return null;
}

/** "Sla over": this step stays as it is, on to the next. */
function SkipButton({ step, label }: { step: OnboardingStep; label?: string }) {
  const t = useT();
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="skip" />
      <input type="hidden" name="step" value={step} />
      <SubmitButton variant="secondary">{label ?? t("welcome.skip")}</SubmitButton>
    </Form>
  );
}

function FunctionStep({
  data,
  actionData,
}: {
  data: Extract<LoaderData, { function: unknown }>["function"];
  actionData: ActionData;
}) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<WelcomePageForm, { intent: "function" }>>(
    "function",
    actionData,
    {
      defaultValue: {
        jobFunction: data.jobFunction,
        jobFunctionOther: data.jobFunctionOther,
        regionId: data.regionId,
      },
    },
  );
  return (
    <div className="flex flex-col gap-4">
      <p className="text-slate-700">{t("welcome.function.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
        <ErrorSummary errors={fieldErrorsOf(form)} />
        <input type="hidden" name="intent" value="function" />
        <JobFunctionFields
          jobFunction={fields.jobFunction}
          jobFunctionOther={fields.jobFunctionOther}
        />
        <SelectField
          {...fieldProps(fields.regionId)}
          label={t("field.region")}
          placeholder={t("field.region.none")}
          options={data.regions.map((region) => ({ value: region.id, label: region.name }))}
        />
        <div>
          <SubmitButton>{t("welcome.next")}</SubmitButton>
        </div>
      </Form>
      <SkipButton step="function" />
    </div>
  );
}

function SchoolStep({
  data,
  actionData,
}: {
  data: Extract<LoaderData, { school: unknown }>["school"];
  actionData: ActionData;
}) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<WelcomePageForm, { intent: "school" }>>(
    "school",
    actionData,
  );
  const chosenError = fields.organisationId.errors?.[0];
  return (
    <div className="flex flex-col gap-4">
      <p className="text-slate-700">{t("welcome.school.intro")}</p>
      {data.workplaces.length ? (
        <div>
          <p className="font-medium">{t("welcome.school.already")}</p>
          <ul className="list-disc pl-6">
            {data.workplaces.map((place) => (
              <li key={place.id}>
                {place.name}
                {place.place ? `, ${place.place}` : ""} ·{" "}
                {t(
                  place.status === "confirmed"
                    ? "welcome.school.confirmed"
                    : "welcome.school.requested",
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="get" role="search" className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="stap" value="school" />
        <div className="flex min-w-0 grow flex-col gap-1">
          <label htmlFor="q" className="font-medium">
            {t("welcome.school.search")}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={data.query}
            className="w-full rounded-md border border-slate-400 px-3 py-2"
          />
        </div>
        <SubmitButton variant="secondary">{t("welcome.school.searchButton")}</SubmitButton>
      </Form>
      {data.found && data.found.length === 0 ? (
        <p role="status" className="text-slate-700">
          {t("welcome.school.none", { query: data.query })}
        </p>
      ) : null}
      {data.found?.length ? (
        <Form method="post" {...getFormProps(form)} className="flex flex-col gap-3">
          <ErrorSummary errors={fieldErrorsOf(form)} />
          <input type="hidden" name="intent" value="school" />
          <fieldset aria-describedby={chosenError ? "organisationId-error" : undefined}>
            <legend className="mb-1 font-medium">{t("welcome.school.results")}</legend>
            <ul className="flex flex-col gap-1">
              {data.found.map((school) => (
                <li key={school.id}>
                  <label className="flex items-start gap-2 py-1">
                    <input
                      type="radio"
                      name="organisationId"
                      value={school.id}
                      defaultChecked={data.found?.length === 1}
                      className="mt-1 size-4 accent-accent-700"
                    />
                    <span>
                      {school.name}
                      {school.place ? `, ${school.place}` : ""}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            {chosenError ? (
              <p id="organisationId-error" className="text-sm font-medium text-red-700">
                {t.error(chosenError)}
              </p>
            ) : null}
          </fieldset>
          <div>
            <SubmitButton>{t("welcome.school.choose")}</SubmitButton>
          </div>
        </Form>
      ) : null}
      <SkipButton
        step="school"
        label={data.workplaces.length ? t("welcome.next") : t("welcome.skip")}
      />
    </div>
  );
}

function ExpertiseStep({
  data,
  actionData,
}: {
  data: Extract<LoaderData, { expertise: unknown }>["expertise"];
  actionData: ActionData;
}) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<WelcomePageForm, { intent: "expertise" }>>(
    "expertise",
    actionData,
    { defaultValue: { expertise: data.current } },
  );
  return (
    <div className="flex flex-col gap-4">
      <p className="text-slate-700">{t("welcome.expertise.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="flex flex-col gap-4">
        <ErrorSummary errors={fieldErrorsOf(form)} />
        <input type="hidden" name="intent" value="expertise" />
        <TextField
          {...fieldProps(fields.expertise)}
          label={t("field.expertise")}
          hint={
            data.popular.length
              ? t("welcome.expertise.popular", { tags: data.popular.join(", ") })
              : t("field.expertise.hint")
          }
        />
        <div>
          <SubmitButton>{t("welcome.next")}</SubmitButton>
        </div>
      </Form>
      <SkipButton step="expertise" />
    </div>
  );
}

function NetworksStep({ data }: { data: Extract<LoaderData, { networks: unknown }>["networks"] }) {
  const t = useT();
  return (
    <div className="flex flex-col gap-4">
      <p className="text-slate-700">{t("welcome.networks.intro")}</p>
      {data.networks.length ? (
        <ul className="flex flex-col gap-3">
          {data.networks.map((network) => {
            const fits = [
              network.sectorMatch ? t("welcome.networks.fits.sector") : null,
              network.regionMatch ? t("welcome.networks.fits.region") : null,
              ...network.sharedThemes,
            ].filter(Boolean);
            return (
              <li key={network.id} className="rounded-md border border-slate-200 p-3">
                <div className="flex flex-wrap items-center gap-2">
                  <Link
                    to={`/netwerken/${network.id}`}
                    className="font-semibold break-words text-accent-700 underline"
                  >
                    {network.name}
                  </Link>
                  <Tag>
                    {t(
                      network.status === "in-formation"
                        ? "welcome.networks.inFormation"
                        : "welcome.networks.open",
                    )}
                  </Tag>
                </div>
                {network.question ? (
                  <p className="mt-1 break-words text-slate-700">{network.question}</p>
                ) : null}
                {fits.length ? (
                  <p className="mt-1 text-sm text-slate-700">
                    {t("welcome.networks.fits")} {fits.join(", ")}
                    {network.regionName && network.regionMatch ? ` (${network.regionName})` : ""}
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <EmptyState>{t("welcome.networks.empty")}</EmptyState>
      )}
      <p>
        <Link to="/netwerken" className="text-accent-700 underline">
          {t("welcome.networks.catalogue")}
        </Link>
      </p>
      <SkipButton step="networks" label={t("welcome.next")} />
    </div>
  );
}

/** Shown once JavaScript runs: without it the link is in a field to select and copy by hand. */
function CopyButton({ targetId }: { targetId: string }) {
  const t = useT();
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setReady(typeof navigator !== "undefined" && !!navigator.clipboard), []);
  return (
    <div className="flex flex-wrap items-center gap-3">
      {ready ? (
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            const field = document.getElementById(targetId) as HTMLInputElement | null;
            if (!field) return;
            try {
              await navigator.clipboard.writeText(field.value);
              setCopied(true);
            } catch {
              field.select();
            }
          }}
        >
          {t("welcome.calendar.copy")}
        </Button>
      ) : null}
      <p role="status" className="text-sm text-green-800">
        {copied ? t("welcome.calendar.copied") : ""}
      </p>
    </div>
  );
}

function CalendarStep({
  data,
  actionData,
}: {
  data: Extract<LoaderData, { calendar: unknown }>["calendar"];
  actionData: ActionData;
}) {
  const t = useT();
  const feedUrl =
    actionData && typeof actionData === "object" && "feedUrl" in actionData
      ? String(actionData.feedUrl)
      : null;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-slate-700">{t("welcome.calendar.intro")}</p>
      <p className="text-slate-700">{t("welcome.calendar.secret")}</p>
      {feedUrl ? (
        <div className="flex flex-col gap-2">
          <label htmlFor="feed-url" className="font-medium">
            {t("welcome.calendar.url")}
          </label>
          <p id="feed-url-hint" className="text-sm text-slate-600">
            {t("welcome.calendar.shownOnce")}
          </p>
          <input
            id="feed-url"
            type="text"
            readOnly
            value={feedUrl}
            aria-describedby="feed-url-hint"
            className="w-full min-w-0 rounded-md border border-slate-400 bg-slate-50 px-3 py-2 font-mono text-sm"
          />
          <CopyButton targetId="feed-url" />
        </div>
      ) : (
        <Form method="post" className="flex flex-col gap-2">
          {data.hasFeed ? <p className="text-slate-700">{t("welcome.calendar.exists")}</p> : null}
          <input type="hidden" name="intent" value="create-feed" />
          <div>
            <SubmitButton variant={data.hasFeed ? "secondary" : "primary"}>
              {t(data.hasFeed ? "welcome.calendar.replace" : "welcome.calendar.create")}
            </SubmitButton>
          </div>
        </Form>
      )}
      <p>
        <Link to="/agenda" className="text-accent-700 underline">
          {t("welcome.calendar.agendaPage")}
        </Link>
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value="finish" />
        <SubmitButton>{t("welcome.finish")}</SubmitButton>
      </Form>
    </div>
  );
}
