import { getFormProps } from "@conform-to/react";
import { Form, redirect } from "react-router";
import { kenniswebKindLabel } from "#app/i18n/labels.ts";
import { SavedNotice } from "#app/modules/toolkit/components/SavedNotice.tsx";
import { spaceBase } from "#app/modules/toolkit/space-access.server.ts";
import {
  addKenniswebItem,
  getKennisweb,
  kenniswebPerPage,
} from "#app/modules/toolkit/theme-kennisweb.server.ts";
import {
  type KenniswebPanelForm,
  kenniswebKinds,
  kenniswebPanelSchema,
} from "#app/modules/toolkit/themes.schema.ts";
import { themeRights } from "#app/modules/toolkit/themes.server.ts";
import { uploadedFile } from "#app/platform/files.server.ts";
import { pageFrom } from "#app/platform/paging.ts";
import {
  ErrorSummary,
  FileField,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, Tag } from "#app/ui/layout.tsx";
import { Pagination } from "#app/ui/pagination.tsx";
import { RichText } from "#app/ui/rich-text.tsx";
import { SearchForm } from "#app/ui/search-form.tsx";
import { handleIntentsOf } from "../forms.server.ts";
import { withSpace } from "../pipeline.server.ts";
import { noticeFrom } from "../session.server.ts";
import type { Route } from "./+types/theme-kennisweb";

// The kennisweb panel: what the school knows about the theme, also from the years it renews.
export async function loader(args: Route.LoaderArgs) {
  return withSpace(args, async ({ db, space }) => {
    const url = new URL(args.request.url);
    const q = url.searchParams.get("q") ?? "";
    const page = pageFrom(url, kenniswebPerPage);
    const view = await getKennisweb(db, space, args.params.themeId, q, page);
    return { ...view, base: spaceBase(space), notice: noticeFrom(args.request) };
  });
}

export async function action(args: Route.ActionArgs) {
  return withSpace(args, async ({ db, space }) => {
    const themeId = args.params.themeId;
    // Everyone in the space contributes to a theme's kennisweb; an unknown theme is a 404.
    await themeRights(db, space, themeId);
    const formData = await args.request.formData();
    return handleIntentsOf(formData, kenniswebPanelSchema, {
      item: async ({ intent: _, ...form }) => {
        await addKenniswebItem(db, space, themeId, form, uploadedFile(formData, "file"));
        return redirect(
          `${spaceBase(space)}/themas/${themeId}/kennisweb?melding=kennisweb.saved#kennisweb`,
        );
      },
    });
  });
}

export default function KenniswebPanel({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { kennisweb, theme, base } = loaderData;
  return (
    <section
      id="kennisweb"
      aria-labelledby="kennisweb-title"
      className="flex flex-col gap-3 print:hidden"
    >
      <h2 id="kennisweb-title" className="text-xl font-semibold">
        {t("kennisweb.title")}
      </h2>
      <SavedNotice notice={loaderData.notice} />
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
        {loaderData.total.count ? (
          <p className="mb-2 text-sm text-slate-700">
            {t(loaderData.total.more ? "kennisweb.countMore" : "kennisweb.count", {
              count: loaderData.total.count,
            })}
          </p>
        ) : null}
        {kennisweb.length ? (
          <ul className="flex flex-col gap-3">
            {kennisweb.map((item) => (
              <li key={item.id}>
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  <Tag>{t(kenniswebKindLabel[item.kind])}</Tag>
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
        <Pagination {...loaderData.pager} />
        <ItemForm actionData={actionData} />
      </Card>
    </section>
  );
}

function ItemForm({ actionData }: { actionData: unknown }) {
  const t = useT();
  const [form, fields] = useIntentForm<
    Extract<KenniswebPanelForm, { intent: "item" }> & { file?: unknown }
  >("item", actionData, { defaultValue: { kind: "verhaal" } });
  return (
    <Form
      method="post"
      encType="multipart/form-data"
      {...getFormProps(form)}
      className="mt-4 flex flex-col gap-2"
    >
      <input type="hidden" name="intent" value="item" />
      <ErrorSummary errors={fieldErrorsOf(form)} />
      <SelectField
        label={t("kennisweb.kind")}
        {...fieldProps(fields.kind)}
        options={kenniswebKinds.map((k) => ({ value: k, label: t(kenniswebKindLabel[k]) }))}
      />
      <TextField label={t("kennisweb.itemTitle")} required {...fieldProps(fields.title)} />
      <TextAreaField label={t("kennisweb.body")} {...fieldProps(fields.body)} />
      <TextField type="url" label={t("kennisweb.url")} {...fieldProps(fields.url)} />
      <FileField
        name={fields.file.name}
        id={fields.file.id}
        label={t("kennisweb.file")}
        hint={t("discussion.filesHint")}
        error={fields.file.errors?.[0]}
      />
      <div>
        <SubmitButton variant="secondary">{t("kennisweb.add")}</SubmitButton>
      </div>
    </Form>
  );
}
