import { getFormProps } from "@conform-to/react";
import { Form, Link, redirect } from "react-router";
import {
  changeAccountEmail,
  disableAccount,
  enableAccount,
  eraseAccountAsAdmin,
  findAccount,
  searchAccounts,
} from "#app/modules/accounts/account-admin.server.ts";
import {
  type AccountAdminForm,
  accountAdminPageSchema,
} from "#app/modules/accounts/accounts.schema.ts";
import { eraseAccount } from "#app/modules/privacy/erasure.server.ts";
import { pageFrom, pagerOf } from "#app/platform/paging.ts";
import { Button } from "#app/ui/button.tsx";
import { ErrorSummary, SubmitButton, TextField } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, fieldProps, formErrorOf, useIntentForm } from "#app/ui/intent-form.ts";
import { Card, EmptyState, Notice, PageHeader, Tag } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { Pagination } from "#app/ui/pagination.tsx";
import { SearchForm, SearchQueryField } from "#app/ui/search-form.tsx";
import { FlashNotice } from "#app/ui/toast.tsx";
import { handleIntents } from "../forms.server.ts";
import { withActor } from "../pipeline.server.ts";
import { noticeFrom, requestInfo, requestState } from "../session.server.ts";
import type { Route } from "./+types/accounts";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.accountAdmin");
}

const perPage = 25;
const notices = [
  "accountAdmin.disabledNotice",
  "accountAdmin.enabledNotice",
  "accountAdmin.erasedNotice",
] as const;

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db, actor }) => {
    const url = new URL(args.request.url);
    const query = url.searchParams.get("q")?.slice(0, 254) ?? "";
    const page = pageFrom(url, perPage);
    const selectedId = url.searchParams.get("account");
    const [{ accounts, total, hasNext }, selected] = await Promise.all([
      searchAccounts(db, actor, { query, page }),
      // An unknown or erased account is a 404, as everywhere.
      selectedId ? findAccount(db, actor, selectedId) : null,
    ]);
    const notice = noticeFrom(args.request);
    return {
      accounts,
      total,
      query,
      pager: pagerOf(page, total, hasNext),
      selected,
      confirmErase: !!selected && url.searchParams.has("verwijderen"),
      isSelf: selected?.id === actor.userId,
      notice: notices.find((key) => key === notice) ?? null,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  return withActor(args, async ({ db, actor }) => {
    // Back to the list as it was (the search and page kept), with the account and the notice.
    const back = (userId: string | null, notice: string) => {
      const from = new URL(args.request.url).searchParams;
      const to = new URLSearchParams();
      for (const key of ["q", "pagina"]) {
        const value = from.get(key);
        if (value) to.set(key, value);
      }
      if (userId) to.set("account", userId);
      to.set("melding", notice);
      return redirect(`/beheer/accounts?${to.toString()}`);
    };
    return handleIntents(args.request, accountAdminPageSchema, {
      disable: async ({ userId }) => {
        await disableAccount(db, actor, userId);
        return back(userId, "accountAdmin.disabledNotice");
      },
      enable: async ({ userId }) => {
        await enableAccount(db, actor, userId);
        return back(userId, "accountAdmin.enabledNotice");
      },
      "change-email": async ({ userId, email }) => {
        await changeAccountEmail(
          db,
          actor,
          userId,
          email,
          requestInfo(args.request, args.context.get(requestState)),
        );
        return { sentTo: email };
      },
      erase: async ({ userId }) => {
        await eraseAccountAsAdmin(db, actor, userId, (tx, id) =>
          eraseAccount(tx, id, { reason: "admin" }),
        );
        return back(null, "accountAdmin.erasedNotice");
      },
    });
  });
}

type Account = Route.ComponentProps["loaderData"]["accounts"][number];

function StatusTags({ account }: { account: Account }) {
  const t = useT();
  return (
    <span className="flex flex-wrap gap-1">
      <Tag>
        {account.disabledAt ? t("accountAdmin.status.disabled") : t("accountAdmin.status.active")}
      </Tag>
      {account.emailVerifiedAt ? null : <Tag>{t("accountAdmin.status.unverified")}</Tag>}
      {account.isPlatformAdmin ? <Tag>{t("accountAdmin.status.admin")}</Tag> : null}
    </span>
  );
}

function SelectedAccount({
  account,
  confirmErase,
  isSelf,
  actionData,
}: {
  account: Account;
  confirmErase: boolean;
  isSelf: boolean;
  actionData: unknown;
}) {
  const t = useT();
  const [form, fields] = useIntentForm<Extract<AccountAdminForm, { intent: "change-email" }>>(
    "change-email",
    actionData,
  );
  const formError = formErrorOf(actionData);
  const sentTo =
    actionData && typeof actionData === "object" && "sentTo" in actionData
      ? String(actionData.sentTo)
      : null;
  const withErase = new URLSearchParams({ account: account.id, verwijderen: "1" });
  return (
    <Card>
      <h2 className="text-xl font-semibold">{account.name}</h2>
      <p className="text-slate-700">{account.email}</p>
      <div className="mt-2">
        <StatusTags account={account} />
      </div>
      <p className="mt-2 text-sm text-slate-700">
        {t("accountAdmin.created", { date: t.date(account.createdAt) })} ·{" "}
        {t("accountAdmin.lastActiveOn", { date: t.date(account.lastActiveAt) })}
      </p>
      {account.pendingEmail && !sentTo ? (
        <p className="mt-2 text-sm">{t("accountAdmin.pending", { email: account.pendingEmail })}</p>
      ) : null}
      {formError ? (
        <div className="mt-4">
          <ErrorSummary errors={{ form: formError }} />
        </div>
      ) : null}
      {sentTo ? (
        <div className="mt-4">
          <Notice tone="success">{t("accountAdmin.emailChangeSent", { email: sentTo })}</Notice>
        </div>
      ) : null}
      {confirmErase ? (
        <div className="mt-6 rounded-md border-2 border-red-700 p-4">
          <h3 className="text-lg font-semibold">
            {t("accountAdmin.erase.title", { name: account.name })}
          </h3>
          <p className="mt-2">{t("accountAdmin.erase.body")}</p>
          <div className="mt-4 flex flex-wrap items-center gap-4">
            <Form method="post">
              <input type="hidden" name="intent" value="erase" />
              <input type="hidden" name="userId" value={account.id} />
              <SubmitButton variant="danger">{t("accountAdmin.erase.confirm")}</SubmitButton>
            </Form>
            <Link to={`?account=${account.id}`} className="text-accent-700 underline">
              {t("accountAdmin.erase.cancel")}
            </Link>
          </div>
        </div>
      ) : (
        <div className="mt-6 flex flex-col gap-6">
          {isSelf ? null : account.disabledAt ? (
            <Form method="post">
              <input type="hidden" name="intent" value="enable" />
              <input type="hidden" name="userId" value={account.id} />
              <SubmitButton variant="secondary">{t("accountAdmin.enable")}</SubmitButton>
            </Form>
          ) : (
            <Form method="post" className="flex flex-col items-start gap-2">
              <input type="hidden" name="intent" value="disable" />
              <input type="hidden" name="userId" value={account.id} />
              <p className="text-sm text-slate-700">{t("accountAdmin.disableHint")}</p>
              <SubmitButton variant="secondary">{t("accountAdmin.disable")}</SubmitButton>
            </Form>
          )}
          <Form method="post" {...getFormProps(form)} className="flex flex-col gap-3">
            <input type="hidden" name="intent" value="change-email" />
            <input type="hidden" name="userId" value={account.id} />
            <ErrorSummary errors={fieldErrorsOf(form)} />
            <TextField
              {...fieldProps(fields.email)}
              type="email"
              autoComplete="off"
              label={t("accountAdmin.newEmail")}
              hint={t("accountAdmin.changeEmailHint")}
              required
            />
            <div>
              <SubmitButton variant="secondary">{t("accountAdmin.changeEmail")}</SubmitButton>
            </div>
          </Form>
          {isSelf ? null : (
            <p>
              <Link to={`?${withErase.toString()}`} className="font-medium text-red-700 underline">
                {t("accountAdmin.erase")}
              </Link>
            </p>
          )}
        </div>
      )}
    </Card>
  );
}

export default function AccountAdmin({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { accounts, total, query, selected } = loaderData;
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("accountAdmin.title")} intro={t("accountAdmin.intro")} />
      <FlashNotice message={loaderData.notice ? t(loaderData.notice) : null} />
      {selected ? (
        <SelectedAccount
          key={selected.id}
          account={selected}
          confirmErase={loaderData.confirmErase}
          isSelf={loaderData.isSelf}
          actionData={actionData}
        />
      ) : null}
      <SearchForm className="flex flex-wrap items-end gap-3">
        <SearchQueryField label={t("accountAdmin.searchLabel")} defaultValue={query} />
        <Button>{t("accountAdmin.search")}</Button>
      </SearchForm>
      <p role="status" className="text-slate-700">
        {t(total.more ? "accountAdmin.countMore" : "accountAdmin.count", { count: total.count })}
      </p>
      {accounts.length === 0 ? (
        <EmptyState>{t("accountAdmin.empty")}</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left">
            <caption className="sr-only">{t("accountAdmin.title")}</caption>
            <thead className="bg-slate-100">
              <tr>
                <th scope="col" className="p-3">
                  {t("accountAdmin.name")}
                </th>
                <th scope="col" className="p-3">
                  {t("accountAdmin.email")}
                </th>
                <th scope="col" className="p-3">
                  {t("accountAdmin.status")}
                </th>
                <th scope="col" className="p-3">
                  {t("accountAdmin.lastActive")}
                </th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((account) => {
                const params = new URLSearchParams({ account: account.id });
                if (query) params.set("q", query);
                return (
                  <tr key={account.id} className="border-t border-slate-200 align-top">
                    <td className="p-3">
                      <Link to={`?${params.toString()}`} className="text-accent-700 underline">
                        {account.name}
                      </Link>
                    </td>
                    <td className="p-3 break-all">{account.email}</td>
                    <td className="p-3">
                      <StatusTags account={account} />
                    </td>
                    <td className="p-3 whitespace-nowrap">{t.date(account.lastActiveAt)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination {...loaderData.pager} />
    </div>
  );
}
