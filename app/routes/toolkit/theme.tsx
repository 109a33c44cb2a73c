import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import { getDb } from "#app/db/client.server.ts";
import { programmeActivityKinds } from "#app/modules/toolkit/programme.ts";
import {
  addKenniswebItem,
  addMoment,
  addPilot,
  assertThemeRight,
  getTheme,
  saveThemeAnalysis,
  sendNewsletter,
  startProgramme,
  toggleSignup,
  updateActivity,
} from "#app/modules/toolkit/themes.server.ts";
import { isCalendarDay } from "#app/modules/toolkit/toolkit.schema.ts";
import { uploadedFile } from "#app/platform/files.server.ts";
import { parseForm } from "#app/platform/forms.ts";
import {
  ErrorSummary,
  FileField,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  targetedForm,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { RichText } from "#app/ui/rich-text.tsx";
import { SearchForm } from "#app/ui/search-form.tsx";
import { withFieldErrors } from "../networks/network-helpers.server.ts";
import { baseUrl, noticeFrom, requestState, requireActor } from "../session.server.ts";
import type { Route } from "./+types/theme";
import { spaceFrom } from "./space.server.ts";

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `${loaderData?.theme.name ?? "Thema"} — Knooppunt` }];
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireActor(context.get(requestState), request);
  const { kind, spaceId, base } = spaceFrom(request, params.spaceId);
  const q = new URL(request.url).searchParams.get("q") ?? "";
  const view = await getTheme(await getDb(), actor, kind, spaceId, params.themeId, q);
  const at = new URL(request.url).searchParams.get("bij");
  return {
    ...view,
    base,
    notice: noticeFrom(request),
    noticeAt: at && sections.includes(at) ? at : null,
  };
}

/** The page's sections; a save's notice is shown in the section it was made in. */
const sections = ["thema-analyse", "netwerkprogramma", "kennisweb"];

/**
 * Always in the section, empty until a save: a live region that is already there when its text
 * changes is announced, and it sits where the page scrolls to after the save (the top of the
 * page is out of view then).
 */
function SavedNotice({
  section,
  at,
  notice,
}: {
  section: string;
  at: string | null;
  notice: string | null;
}) {
  const t = useT();
  const shown = notice && at === section;
  return (
    <div
      role="status"
      className={
        shown ? "rounded-md border-l-4 border-green-700 bg-green-50 p-3 text-green-950" : ""
      }
    >
      {shown ? t(notice) : null}
    </div>
  );
}

const optionalDay = z
  .string()
  .trim()
  .default("")
  .transform((v) => v || null)
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "error.meeting.day")
      .refine(isCalendarDay, "error.meeting.day")
      .nullable(),
  );
const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "error.meeting.day")
  .refine(isCalendarDay, "error.meeting.day");

const canvasSchema = z.object({
  words: z
    .string()
    .default("")
    .transform((text) =>
      [
        ...new Set(
          text
            .split(/[\n,]/)
            .map((w) => w.trim())
            .filter(Boolean),
        ),
      ].slice(0, 40),
    ),
  chosenName: z.string().trim().max(120, "error.toolkit.name").default(""),
  remarks: z.string().trim().max(8000, "error.tooLong8000").default(""),
  story: z.string().trim().max(8000, "error.tooLong8000").default(""),
  ideas: z.string().trim().max(8000, "error.tooLong8000").default(""),
  startsOn: optionalDay,
  manifestationOn: optionalDay,
  manifestation: z.string().trim().max(2000, "error.tooLong2000").default(""),
});
const momentSchema = z.object({
  heldOn: day,
  title: z.string().trim().min(3, "error.toolkit.name").max(120, "error.toolkit.name"),
});
const programmeSchema = z.object({
  startsOn: day,
  months: z.coerce.number().refine((m) => [3, 6, 12].includes(m), "error.programme.months"),
});
const activitySchema = z.object({
  activity: z.enum(programmeActivityKinds),
  plannedOn: optionalDay,
  note: z.string().trim().max(2000, "error.tooLong2000").default(""),
  done: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});
const pilotSchema = z.object({
  title: z.string().trim().min(3, "error.toolkit.name").max(120, "error.toolkit.name"),
  participants: z.string().trim().max(1000, "error.tooLong1000").default(""),
  experiences: z.string().trim().max(4000, "error.tooLong4000").default(""),
});
const newsletterSchema = z.object({
  title: z.string().trim().min(3, "error.toolkit.name").max(120, "error.toolkit.name"),
  body: z.string().trim().min(10, "error.newsletter.body").max(20000, "error.tooLong8000"),
});
const itemSchema = z.object({
  kind: z.enum(["verhaal", "uitspraak", "activiteit", "voorbeeld", "document", "link"]),
  title: z.string().trim().min(3, "error.toolkit.name").max(150, "error.toolkit.name"),
  body: z.string().trim().max(8000, "error.tooLong8000").default(""),
  url: z
    .string()
    .trim()
    .default("")
    .pipe(z.union([z.literal(""), z.url({ protocol: /^https?$/, error: "error.kennisweb.url" })])),
});

/** What only the theme's schakels and the space's keepers do (its commands authorise the same). */
const shapes = new Set(["canvas", "moment", "programme", "activity", "newsletter"]);

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireActor(context.get(requestState), request);
  const { kind, spaceId, base } = spaceFrom(request, params.spaceId);
  const here = `${base}/themas/${params.themeId}`;
  const formData = await request.formData();
  const db = await getDb();
  const intent = String(formData.get("intent") ?? "");
  const args = [db, actor, kind, spaceId, params.themeId] as const;
  // Rights before the form: the analysis, programme and newsletter are the theme's to shape.
  await assertThemeRight(...args, shapes.has(intent) ? "shape" : "contribute");
  const fail = (errors: Record<string, string>) =>
    data({ target: intent, errors, values: Object.fromEntries(formData) }, { status: 400 });
  const done = (notice: string, anchor = "") =>
    redirect(`${here}?melding=${notice}${anchor ? `&bij=${anchor.slice(1)}${anchor}` : ""}`);
  const run = async (
    schema: z.ZodType,
    work: (input: never) => Promise<unknown>,
    notice: string,
    anchor = "",
  ) => {
    const form = parseForm(schema, formData);
    if (!form.ok) return fail(form.errors);
    const result = await withFieldErrors(() => work(form.data as never));
    return result.ok ? done(notice, anchor) : fail(result.errors);
  };
  switch (intent) {
    case "canvas":
      return run(
        canvasSchema,
        (input) => saveThemeAnalysis(...args, input),
        "theme.saved",
        "#thema-analyse",
      );
    case "moment":
      return run(
        momentSchema,
        (input) => addMoment(...args, input),
        "theme.saved",
        "#thema-analyse",
      );
    case "programme":
      return run(
        programmeSchema,
        (input) => startProgramme(...args, input),
        "programme.started",
        "#netwerkprogramma",
      );
    case "activity":
      return run(
        activitySchema,
        (input) => updateActivity(...args, input),
        "theme.saved",
        "#netwerkprogramma",
      );
    case "pilot":
      return run(
        pilotSchema,
        (input) => addPilot(...args, input),
        "theme.saved",
        "#netwerkprogramma",
      );
    case "newsletter":
      return run(
        newsletterSchema,
        (input) => sendNewsletter(...args, input, `${baseUrl(request)}${here}`),
        "newsletter.sent",
        "#netwerkprogramma",
      );
    case "denk":
    case "doe":
    case "nieuwsbrief":
      await toggleSignup(...args, intent);
      return done("theme.saved", "#netwerkprogramma");
    default:
      return run(
        itemSchema,
        (input) => addKenniswebItem(...args, input, uploadedFile(formData, "file")),
        "kennisweb.saved",
        "#kennisweb",
      );
  }
}

export default function Theme({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { theme, schakels, analysis, moments, initiatives, programme, kennisweb, canShape, base } =
    loaderData;
  const { errorsFor, valueFor } = targetedForm(actionData);
  const canvasErrors = errorsFor("canvas");
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={theme.name} intro={loaderData.space.name}>
        <p className="flex flex-wrap items-center gap-2">
          <Tag>{t(`theme.kind.${theme.kind}`)}</Tag> {theme.schoolYear}
          {theme.closedAt ? <Tag>{t("toolkit.closed")}</Tag> : null}
          {schakels.length
            ? ` · ${t("toolkit.schakels", { names: schakels.map((s) => s.name).join(", ") })}`
            : ""}
        </p>
        <Link to={base} className="text-accent-700 underline print:hidden">
          {t("toolkit.back")}
        </Link>
      </PageHeader>
      {loaderData.notice && !loaderData.noticeAt ? (
        <Notice tone="success">{t(loaderData.notice)}</Notice>
      ) : null}

      <section
        id="thema-analyse"
        aria-labelledby="canvas-title"
        className="theme-canvas flex flex-col gap-3"
      >
        <h2 id="canvas-title" className="text-xl font-semibold">
          {t("themeAnalysis.title")}
        </h2>
        <SavedNotice section="thema-analyse" at={loaderData.noticeAt} notice={loaderData.notice} />
        <div className="grid gap-3 md:grid-cols-3 print:grid-cols-3">
          <Card>
            <h3 className="font-semibold">{t("themeAnalysis.name")}</h3>
            <ul className="mt-1 flex flex-wrap gap-2">
              {(analysis?.words ?? []).map((word) => (
                <li
                  key={word}
                  className={word === analysis?.chosenName ? "font-bold underline" : ""}
                >
                  {word}
                </li>
              ))}
            </ul>
            {analysis?.chosenName ? (
              <p className="mt-2">{t("themeAnalysis.chosen", { name: analysis.chosenName })}</p>
            ) : null}
          </Card>
          <Card>
            <h3 className="font-semibold">{t("themeAnalysis.remarks")}</h3>
            <RichText text={analysis?.remarks || "–"} />
          </Card>
          <Card>
            <h3 className="font-semibold">{t("themeAnalysis.story")}</h3>
            <RichText text={analysis?.story || "–"} />
          </Card>
          <Card>
            <h3 className="font-semibold">{t("themeAnalysis.ideas")}</h3>
            <RichText text={analysis?.ideas || "–"} />
          </Card>
          <Card>
            <h3 className="font-semibold">{t("themeAnalysis.initiatives")}</h3>
            <ul className="mt-1">
              {initiatives.map((i) => (
                <li key={i.id}>
                  <Link to={`${base}/initiatieven/${i.id}`} className="text-accent-700 underline">
                    {i.name}
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
          <Card>
            <h3 className="font-semibold">{t("themeAnalysis.network")}</h3>
            <ul className="mt-1">
              {schakels.map((s) => (
                <li key={s.userId}>
                  {s.name} ({t("position.s")})
                </li>
              ))}
              {programme?.signups
                .filter((s) => s.group !== "nieuwsbrief")
                .map((s) => (
                  <li key={`${s.userId}-${s.group}`}>
                    {s.name} ({t(`programme.group.${s.group}`)})
                  </li>
                ))}
            </ul>
          </Card>
        </div>
        <Card>
          <h3 className="font-semibold">{t("themeAnalysis.timeline")}</h3>
          <ol className="mt-2 flex flex-wrap items-center gap-2">
            <li className="rounded-md bg-slate-100 px-2 py-1">
              {t("themeAnalysis.start")}: {analysis?.startsOn ? t.date(analysis.startsOn) : "–"}
            </li>
            {moments.map((m) => (
              <li key={m.id} className="rounded-md bg-accent-50 px-2 py-1">
                {t.date(m.heldOn)}: {m.title}
              </li>
            ))}
            <li className="rounded-md bg-slate-900 px-2 py-1 text-white">
              {t("themeAnalysis.manifestation")}:{" "}
              {analysis?.manifestationOn ? t.date(analysis.manifestationOn) : "–"}
              {analysis?.manifestation ? ` · ${analysis.manifestation}` : ""}
            </li>
          </ol>
          <p className="mt-2 text-sm text-slate-700 print:hidden">{t("themeAnalysis.printHint")}</p>
        </Card>
        {canShape ? (
          <details className="print:hidden" open={!!canvasErrors || !analysis}>
            <summary className="cursor-pointer text-accent-700 underline">
              {t("themeAnalysis.edit")}
            </summary>
            <Form method="post" className="mt-2 flex flex-col gap-3">
              <input type="hidden" name="intent" value="canvas" />
              <ErrorSummary errors={canvasErrors} />
              <TextAreaField
                name="words"
                label={t("themeAnalysis.words")}
                hint={t("themeAnalysis.wordsHint")}
                error={canvasErrors?.words}
                defaultValue={valueFor("canvas", "words", (analysis?.words ?? []).join("\n"))}
              />
              <TextField
                name="chosenName"
                label={t("themeAnalysis.chosenField")}
                error={canvasErrors?.chosenName}
                defaultValue={valueFor("canvas", "chosenName", analysis?.chosenName ?? "")}
              />
              <TextAreaField
                name="remarks"
                label={t("themeAnalysis.remarks")}
                error={canvasErrors?.remarks}
                defaultValue={valueFor("canvas", "remarks", analysis?.remarks ?? "")}
              />
              <TextAreaField
                name="story"
                label={t("themeAnalysis.story")}
                error={canvasErrors?.story}
                defaultValue={valueFor("canvas", "story", analysis?.story ?? "")}
              />
              <TextAreaField
                name="ideas"
                label={t("themeAnalysis.ideas")}
                error={canvasErrors?.ideas}
                defaultValue={valueFor("canvas", "ideas", analysis?.ideas ?? "")}
              />
              <div className="grid gap-3 sm:grid-cols-2">
                <TextField
                  name="startsOn"
                  type="date"
                  label={t("themeAnalysis.start")}
                  error={canvasErrors?.startsOn}
                  defaultValue={valueFor("canvas", "startsOn", analysis?.startsOn ?? "")}
                />
                <TextField
                  name="manifestationOn"
                  type="date"
                  label={t("themeAnalysis.manifestationOn")}
                  error={canvasErrors?.manifestationOn}
                  defaultValue={valueFor(
                    "canvas",
                    "manifestationOn",
                    analysis?.manifestationOn ?? "",
                  )}
                />
              </div>
              <TextField
                name="manifestation"
                label={t("themeAnalysis.manifestation")}
                error={canvasErrors?.manifestation}
                defaultValue={valueFor("canvas", "manifestation", analysis?.manifestation ?? "")}
              />
              <div>
                <SubmitButton>{t("themeAnalysis.save")}</SubmitButton>
              </div>
            </Form>
            <Form method="post" className="mt-4 flex flex-wrap items-end gap-3">
              <input type="hidden" name="intent" value="moment" />
              <TextField
                name="heldOn"
                id="moment-day"
                type="date"
                label={t("themeAnalysis.momentDay")}
                required
                error={errorsFor("moment")?.heldOn}
                defaultValue={valueFor("moment", "heldOn")}
              />
              <TextField
                name="title"
                id="moment-title"
                label={t("themeAnalysis.momentTitle")}
                required
                error={errorsFor("moment")?.title}
                defaultValue={valueFor("moment", "title")}
              />
              <SubmitButton variant="secondary">{t("themeAnalysis.addMoment")}</SubmitButton>
            </Form>
          </details>
        ) : null}
      </section>

      <section
        id="netwerkprogramma"
        aria-labelledby="programme-title"
        className="flex flex-col gap-3 print:hidden"
      >
        <h2 id="programme-title" className="text-xl font-semibold">
          {t("programme.title")}
        </h2>
        <SavedNotice
          section="netwerkprogramma"
          at={loaderData.noticeAt}
          notice={loaderData.notice}
        />
        {programme ? (
          <>
            <Card>
              <p>
                {t("programme.period", {
                  from: t.date(programme.startsOn),
                  months: programme.months,
                })}
              </p>
              <ol className="mt-2 flex flex-col gap-3">
                {programme.activities.map((a, i) => (
                  <li key={a.activity} className="rounded-md border border-slate-200 p-2">
                    <p className="font-medium">
                      {i + 1}. {t(`programme.activity.${a.activity}`)}{" "}
                      <span className="text-sm font-normal text-slate-700">
                        {a.plannedOn ? t.date(a.plannedOn) : "–"}
                        {a.doneAt ? ` · ${t("programme.done")}` : ""}
                      </span>
                    </p>
                    {a.note ? <p className="text-sm">{a.note}</p> : null}
                    {canShape ? (
                      <details>
                        <summary className="cursor-pointer text-sm text-accent-700 underline">
                          {t("programme.editActivity", {
                            activity: t(`programme.activity.${a.activity}`),
                          })}
                        </summary>
                        <Form method="post" className="mt-2 flex flex-wrap items-end gap-3">
                          <input type="hidden" name="intent" value="activity" />
                          <input type="hidden" name="activity" value={a.activity} />
                          <TextField
                            name="plannedOn"
                            id={`planned-${a.activity}`}
                            type="date"
                            label={t("programme.when")}
                            error={errorsFor("activity")?.plannedOn}
                            defaultValue={a.plannedOn ?? ""}
                          />
                          <TextField
                            name="note"
                            id={`note-${a.activity}`}
                            label={t("programme.note")}
                            defaultValue={a.note}
                          />
                          <label className="flex items-center gap-2">
                            <input type="checkbox" name="done" defaultChecked={!!a.doneAt} />
                            {t("programme.doneLabel")}
                          </label>
                          <SubmitButton variant="secondary">
                            {t("programme.saveActivity")}
                          </SubmitButton>
                        </Form>
                      </details>
                    ) : null}
                  </li>
                ))}
              </ol>
              <ErrorSummary errors={errorsFor("activity")} />
            </Card>
            <div className="grid gap-3 md:grid-cols-3">
              {(["denk", "doe", "nieuwsbrief"] as const).map((group) => (
                <Card key={group}>
                  <h3 className="font-semibold">{t(`programme.group.${group}`)}</h3>
                  <ul className="mt-1 text-sm">
                    {programme.signups
                      .filter((s) => s.group === group)
                      .map((s) => (
                        <li key={s.userId}>{s.name}</li>
                      ))}
                  </ul>
                  <Form method="post" className="mt-2">
                    <input type="hidden" name="intent" value={group} />
                    <SubmitButton variant="secondary">
                      {programme.mine.includes(group)
                        ? t(`programme.leave.${group}`)
                        : t(`programme.join.${group}`)}
                    </SubmitButton>
                  </Form>
                </Card>
              ))}
            </div>
            <Card>
              <h3 className="font-semibold">{t("programme.pilots")}</h3>
              {programme.pilots.length ? (
                <ul className="mt-1 flex flex-col gap-2">
                  {programme.pilots.map((p) => (
                    <li key={p.id}>
                      <span className="font-medium">{p.title}</span>
                      {p.participants ? ` · ${p.participants}` : ""}
                      {p.experiences ? <RichText text={p.experiences} /> : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <EmptyState>{t("programme.noPilots")}</EmptyState>
              )}
              <Form method="post" className="mt-2 flex flex-col gap-2">
                <input type="hidden" name="intent" value="pilot" />
                <TextField
                  name="title"
                  id="pilot-title"
                  label={t("programme.pilotTitle")}
                  required
                  error={errorsFor("pilot")?.title}
                  defaultValue={valueFor("pilot", "title")}
                />
                <TextField
                  name="participants"
                  id="pilot-participants"
                  label={t("programme.pilotParticipants")}
                  defaultValue={valueFor("pilot", "participants")}
                />
                <TextAreaField
                  name="experiences"
                  id="pilot-experiences"
                  label={t("programme.pilotExperiences")}
                  defaultValue={valueFor("pilot", "experiences")}
                />
                <div>
                  <SubmitButton variant="secondary">{t("programme.addPilot")}</SubmitButton>
                </div>
              </Form>
            </Card>
            <Card>
              <h3 className="font-semibold">{t("newsletter.title")}</h3>
              <ul className="mt-1 text-sm">
                {programme.issues.map((issue) => (
                  <li key={issue.id}>
                    {issue.title} ·{" "}
                    {t("newsletter.sentTo", {
                      count: issue.recipients,
                      date: t.date(issue.sentAt ?? issue.createdAt),
                    })}
                  </li>
                ))}
              </ul>
              {canShape ? (
                <Form method="post" className="mt-2 flex flex-col gap-2">
                  <input type="hidden" name="intent" value="newsletter" />
                  <ErrorSummary errors={errorsFor("newsletter")} />
                  <TextField
                    name="title"
                    id="newsletter-title"
                    label={t("newsletter.issueTitle")}
                    required
                    error={errorsFor("newsletter")?.title}
                    defaultValue={valueFor("newsletter", "title")}
                  />
                  <TextAreaField
                    name="body"
                    id="newsletter-body"
                    label={t("newsletter.body")}
                    required
                    error={errorsFor("newsletter")?.body}
                    defaultValue={valueFor("newsletter", "body")}
                  />
                  <div>
                    <SubmitButton>{t("newsletter.send")}</SubmitButton>
                  </div>
                </Form>
              ) : null}
            </Card>
          </>
        ) : canShape ? (
          <Card>
            <p>{t("programme.intro")}</p>
            <Form method="post" className="mt-2 flex flex-wrap items-end gap-3">
              <input type="hidden" name="intent" value="programme" />
              <TextField
                name="startsOn"
                id="programme-start"
                type="date"
                label={t("programme.startsOn")}
                required
                error={errorsFor("programme")?.startsOn}
                defaultValue={valueFor("programme", "startsOn")}
              />
              <SelectField
                name="months"
                label={t("programme.months")}
                error={errorsFor("programme")?.months}
                defaultValue={valueFor("programme", "months", "3")}
                options={[3, 6, 12].map((m) => ({
                  value: String(m),
                  label: t("programme.monthsOption", { count: m }),
                }))}
              />
              <SubmitButton>{t("programme.start")}</SubmitButton>
            </Form>
          </Card>
        ) : (
          <EmptyState>{t("programme.none")}</EmptyState>
        )}
      </section>

      <section
        id="kennisweb"
        aria-labelledby="kennisweb-title"
        className="flex flex-col gap-3 print:hidden"
      >
        <h2 id="kennisweb-title" className="text-xl font-semibold">
          {t("kennisweb.title")}
        </h2>
        <SavedNotice section="kennisweb" at={loaderData.noticeAt} notice={loaderData.notice} />
        <p className="text-slate-700">{t("kennisweb.intro")}</p>
        <SearchForm className="flex flex-wrap items-end gap-3">
          <div className="grow">
            <TextField
              name="q"
              type="search"
              id="kennisweb-q"
              label={t("kennisweb.search")}
              defaultValue={loaderData.q}
            />
          </div>
          <SubmitButton variant="secondary">{t("discussion.searchButton")}</SubmitButton>
        </SearchForm>
        <Card>
          {kennisweb.length ? (
            <ul className="flex flex-col gap-3">
              {kennisweb.map((item) => (
                <li key={item.id}>
                  <p className="flex flex-wrap items-center gap-2 font-medium">
                    <Tag>{t(`kennisweb.kind.${item.kind}`)}</Tag>
                    {item.url ? (
                      <a
                        href={item.url}
                        className="text-accent-700 underline"
                        rel="noopener nofollow"
                      >
                        {item.title}
                      </a>
                    ) : (
                      item.title
                    )}
                    {item.earlier ? <Tag>{t("kennisweb.earlier")}</Tag> : null}
                  </p>
                  {item.body ? <RichText text={item.body} /> : null}
                  {item.fileId ? (
                    <a
                      href={`${base}/themas/${theme.id}/bestanden/${item.fileId}`}
                      className="text-accent-700 underline"
                    >
                      {t("discussion.download", { name: item.fileName ?? "" })}
                    </a>
                  ) : null}
                  <p className="text-sm text-slate-700">
                    {item.authorName ?? "?"} · {t.date(item.createdAt)}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState>{t(loaderData.q ? "discussion.noneFound" : "kennisweb.none")}</EmptyState>
          )}
          <Form method="post" encType="multipart/form-data" className="mt-4 flex flex-col gap-2">
            <input type="hidden" name="intent" value="item" />
            <ErrorSummary errors={errorsFor("item")} />
            <SelectField
              name="kind"
              id="item-kind"
              label={t("kennisweb.kind")}
              defaultValue={valueFor("item", "kind", "verhaal")}
              options={(
                ["verhaal", "uitspraak", "activiteit", "voorbeeld", "document", "link"] as const
              ).map((k) => ({ value: k, label: t(`kennisweb.kind.${k}`) }))}
            />
            <TextField
              name="title"
              id="item-title"
              label={t("kennisweb.itemTitle")}
              required
              error={errorsFor("item")?.title}
              defaultValue={valueFor("item", "title")}
            />
            <TextAreaField
              name="body"
              id="item-body"
              label={t("kennisweb.body")}
              error={errorsFor("item")?.body}
              defaultValue={valueFor("item", "body")}
            />
            <TextField
              name="url"
              id="item-url"
              type="url"
              label={t("kennisweb.url")}
              error={errorsFor("item")?.url}
              defaultValue={valueFor("item", "url")}
            />
            <FileField
              name="file"
              id="item-file"
              label={t("kennisweb.file")}
              hint={t("discussion.filesHint")}
              error={errorsFor("item")?.file}
            />
            <div>
              <SubmitButton variant="secondary">{t("kennisweb.add")}</SubmitButton>
            </div>
          </Form>
        </Card>
      </section>
    </div>
  );
}
