import { Link } from "react-router";
import { listProgrammePolls } from "#app/modules/evaluation/polls.server.ts";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, PageHeader } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { withActor } from "../pipeline.server.ts";
import type { Route } from "./+types/programme-polls";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.programmePolls");
}

export async function loader(args: Route.LoaderArgs) {
  return withActor(args, async ({ db }) => ({ polls: await listProgrammePolls(db) }));
}

export default function ProgrammePolls({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={t("poll.all")} intro={t("poll.all.intro")} />
      <Card>
        {loaderData.polls.length === 0 ? (
          <EmptyState>{t("poll.none")}</EmptyState>
        ) : (
          <ul className="flex flex-col gap-2">
            {loaderData.polls.map((poll) => (
              <li key={poll.id}>
                <Link to={`/peilingen/${poll.id}`} className="text-accent-700 underline">
                  {poll.title}
                </Link>
                {poll.source ? (
                  <span className="text-sm text-slate-700"> — {poll.source}</span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
