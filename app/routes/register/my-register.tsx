import { Plus } from "lucide-react";
import { Link } from "react-router";
import type { MessageKey } from "#app/i18n/catalogues/index.ts";
import { listProfessionalThemes } from "#app/modules/progress/professional-themes.server.ts";
import { myCertificates } from "#app/modules/register/certificates.server.ts";
import { ActivityList } from "#app/modules/register/components/activity-list.tsx";
import { AddActivityForms } from "#app/modules/register/components/add-activity-forms.tsx";
import { RegisterCycle } from "#app/modules/register/components/register-cycle.tsx";
import {
  addActivity,
  addFromCatalogue,
  addValuation,
  assertHasRegisterProfile,
  deleteActivity,
  getMyRegister,
  listRegisterCatalogue,
  saveRegisterProfile,
} from "#app/modules/register/ledger.server.ts";
import { registerPageSchema } from "#app/modules/register/register.schema.ts";
import { uploadedFile } from "#app/platform/files.server.ts";
import { FieldError } from "#app/platform/forms.ts";
import { buttonClass } from "#app/ui/button.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card, LockNote, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { handleIntentsOf, replyTo } from "../forms.server.ts";
import { withActor } from "../pipeline.server.ts";
import type { Route } from "./+types/my-register";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.reregistration");
}

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => {
    const [register, catalogue, themes, certificates] = await Promise.all([
      getMyRegister(db, actor),
      listRegisterCatalogue(db),
      listProfessionalThemes(db),
      myCertificates(db, actor),
    ]);
    return { register, catalogue, themes: themes.map((t) => t.name), certificates };
  });
}

const adding = new Set(["catalogue", "activity", "valuation"]);

export async function action(args: Route.ActionArgs) {
  return withActor(args, async ({ db, actor }) => {
    // Evidence files are not form values: read the body once, hand the file on.
    const formData = await args.request.formData();
    // Without a registration date there are no add forms: the reason goes to the date's field,
    // before the activity's own fields count.
    if (adding.has(String(formData.get("intent")))) {
      try {
        await assertHasRegisterProfile(db, actor);
      } catch (error) {
        if (error instanceof FieldError) return replyTo("profile", error);
        throw error;
      }
    }
    const done = (notice: MessageKey) => ({ notice });
    const file = () => uploadedFile(formData, "file");
    return handleIntentsOf(formData, registerPageSchema, {
      profile: async ({ intent: _intent, ...profile }) => {
        await saveRegisterProfile(db, actor, profile);
        return done("register.profile.saved");
      },
      delete: async ({ activityId }) => {
        await deleteActivity(db, actor, activityId);
        return done("register.activity.deleted");
      },
      catalogue: async ({ intent: _intent, ...entry }) => {
        await addFromCatalogue(db, actor, entry);
        return done("register.activity.saved");
      },
      activity: async ({ intent: _intent, ...activity }) => {
        await addActivity(db, actor, activity, file());
        return done("register.activity.saved");
      },
      valuation: async ({ intent: _intent, ...valuation }) => {
        await addValuation(db, actor, valuation, file());
        return done("register.activity.saved");
      },
    });
  });
}

export default function MyRegister({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { register, catalogue, themes } = loaderData;
  const answer: unknown = actionData;
  const notice =
    answer && typeof answer === "object" && "notice" in answer
      ? (answer.notice as MessageKey)
      : null;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("herreg.title")}
        intro={t("herreg.intro")}
        context={
          register.cycle
            ? t("herreg.context", {
                start: t.date(register.cycle.start),
                due: t.date(register.cycle.due),
              })
            : undefined
        }
        action={
          register.cycle ? (
            <a href="#toevoegen" className={buttonClass("primary")}>
              <Plus aria-hidden className="size-4" />
              {t("register.add")}
            </a>
          ) : undefined
        }
      >
        <LockNote>{t("register.private")}</LockNote>
      </PageHeader>
      {notice ? <Notice tone="success">{t(notice)}</Notice> : null}
      <RegisterCycle register={register} actionData={actionData} />
      <Card>
        <h2 className="text-lg font-semibold">{t("register.activities")}</h2>
        <ActivityList activities={register.activities} />
      </Card>
      {register.cycle ? (
        <Card>
          <AddActivityForms catalogue={catalogue} themes={themes} actionData={actionData} />
        </Card>
      ) : null}
      {loaderData.certificates.length ? (
        <Card>
          <h2 className="text-lg font-semibold">{t("register.certificates")}</h2>
          <ul className="mt-2 flex flex-col gap-2">
            {loaderData.certificates.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-2">
                <a href={`/certificaten/${c.id}/pdf`} className="text-accent-700 underline">
                  {c.title} — {c.routeName}
                </a>
                <span className="text-sm">{t("register.certificate.code", { code: c.code })}</span>
                {c.revokedAt ? <Tag>{t("register.activity.withdrawn")}</Tag> : null}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm">
            <Link to="/certificaat-controleren" className="text-accent-700 underline">
              {t("certverify.title")}
            </Link>
          </p>
        </Card>
      ) : null}
    </div>
  );
}
