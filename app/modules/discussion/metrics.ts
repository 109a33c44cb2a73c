/** Seed H: a network that lives gets at least 7 reactions within a week to a question. */
export const liveliness = { answersWithinWeek: 7 };

const week = 7 * 24 * 3600 * 1000;

export interface QuestionFact {
  id: string;
  authorId: string | null;
  createdAt: Date;
}

export interface AnswerFact {
  topicId: string;
  authorId: string | null;
  createdAt: Date;
}

export interface MonthMetrics {
  month: string;
  asked: number;
  answeredShare: number;
  medianHoursToFirstAnswer: number | null;
  answersPerQuestion: number;
  reachedBenchmark: number;
}

function median(values: number[]) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round(value * 10) / 10;
}

/** Per month (Amsterdam calendar month of the question): how the network answers its questions. */
export function monthlyMetrics(
  questions: QuestionFact[],
  answers: AnswerFact[],
  monthOf: (instant: Date) => string,
  months: string[],
): MonthMetrics[] {
  const byTopic = new Map<string, AnswerFact[]>();
  for (const answer of answers) {
    const list = byTopic.get(answer.topicId) ?? [];
    list.push(answer);
    byTopic.set(answer.topicId, list);
  }
  const monthOfQuestion = new Map(questions.map((q) => [q.id, monthOf(q.createdAt)]));
  return months.map((month) => {
    const asked = questions.filter((q) => monthOfQuestion.get(q.id) === month);
    const firstAnswerHours: number[] = [];
    let answered = 0;
    let answerCount = 0;
    let reachedBenchmark = 0;
    for (const question of asked) {
      // An asker's own follow-ups are not answers.
      const others = (byTopic.get(question.id) ?? []).filter(
        (a) => a.authorId !== question.authorId,
      );
      answerCount += others.length;
      if (!others.length) continue;
      answered++;
      const first = Math.min(...others.map((a) => a.createdAt.getTime()));
      firstAnswerHours.push((first - question.createdAt.getTime()) / 3600_000);
      const withinWeek = others.filter(
        (a) => a.createdAt.getTime() - question.createdAt.getTime() <= week,
      ).length;
      if (withinWeek >= liveliness.answersWithinWeek) reachedBenchmark++;
    }
    return {
      month,
      asked: asked.length,
      answeredShare: asked.length ? Math.round((answered / asked.length) * 100) : 0,
      medianHoursToFirstAnswer: median(firstAnswerHours),
      answersPerQuestion: asked.length ? Math.round((answerCount / asked.length) * 10) / 10 : 0,
      reachedBenchmark,
    };
  });
}
