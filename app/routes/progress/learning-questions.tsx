import { Link } from "react-router";
import { listLearningQuestions } from "#app/modules/progress/learning-questions.server.ts";
import { useT } from "#app/ui/i18n.tsx";
import { Card, EmptyState, LockNote, PageHeader, Tag } from "#app/ui/layout.tsx";
import { pageTitle } from "#app/ui/page-title.ts";
import { withNetworkActor } from "../pipeline.server.ts";
import type { Route } from "./+types/learning-questions";

export function meta({ matches }: Route.MetaArgs) {
  return pageTitle(matches, "pageTitle.learningQuestions");
}

export async function loader(args: Route.LoaderArgs) {
  return withNetworkActor(args, async ({ db, network }) => {
    const view = await listLearningQuestions(db, network);
    return {
      network: { id: view.network.id, name: view.network.name },
      questions: view.questions,
    };
  });
}

export default function LearningQuestions({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { network, questions } = loaderData;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("learningQuestion.all")} context={network.name}>
        <Link to={`/netwerken/${network.id}`} className="text-accent-700 underline">
          {t("net.enrol.back")}
        </Link>
      </PageHeader>
      <LockNote>{t("learningQuestion.all.private")}</LockNote>
      {questions.length === 0 ? (
        <Card>
          <EmptyState>{t("learningQuestion.none")}</EmptyState>
        </Card>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {questions.map((q) => (
            <li key={q.id}>
              <Card>
                <h2 className="font-semibold">{q.name}</h2>
                <p className="mt-1 whitespace-pre-line">{q.text}</p>
                <ul className="mt-2 flex flex-wrap gap-1" aria-label={t("learningQuestion.themes")}>
                  {[...q.themes, ...q.professionalThemes].map((theme) => (
                    <li key={theme}>
                      <Tag>{theme}</Tag>
                    </li>
                  ))}
                </ul>
                <p className="mt-2 text-sm text-slate-700">
                  {t("learningQuestion.meta", {
                    meetings: q.meetingCount,
                    revisions: q.revisions,
                    date: t.date(q.updatedAt),
                  })}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
