import { z } from "zod";
import { formList } from "#app/platform/forms.ts";

const day = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message);
const time = (message: string) =>
  z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, message);
const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on");
const url = z
  .string()
  .trim()
  .max(500, "error.tooLong500")
  .default("")
  .refine((value) => value === "" || /^https:\/\/\S+$/.test(value), "error.meeting.url");

const place = {
  mode: z.enum(["online", "location"], { error: "error.meeting.mode" }),
  onlineUrl: url,
  address: z.string().trim().max(300, "error.tooLong500").default(""),
};

function placeIsComplete(
  value: { mode: string; onlineUrl: string; address: string },
  ctx: z.RefinementCtx,
) {
  if (value.mode === "online" && !value.onlineUrl)
    ctx.addIssue({ code: "custom", path: ["onlineUrl"], message: "error.meeting.urlRequired" });
  if (value.mode === "location" && !value.address)
    ctx.addIssue({ code: "custom", path: ["address"], message: "error.meeting.addressRequired" });
}

export const meetingSchema = z
  .object({
    day: day("error.meeting.day"),
    startTime: time("error.meeting.time"),
    endDay: z.string().trim().default(""),
    endTime: time("error.meeting.time"),
    ...place,
    theme: z.string().trim().max(200, "error.tooLong500").default(""),
    speakerName: z.string().trim().max(120, "error.tooLong500").default(""),
    speakerInvitedBy: z.string().trim().max(120, "error.tooLong500").default(""),
    speakerBriefed: checkbox,
    speakerNote: z.string().trim().max(1000, "error.tooLong1000").default(""),
    isClosing: checkbox,
  })
  .superRefine((value, ctx) => {
    placeIsComplete(value, ctx);
    if (value.endDay && !/^\d{4}-\d{2}-\d{2}$/.test(value.endDay))
      ctx.addIssue({ code: "custom", path: ["endDay"], message: "error.meeting.day" });
  });

export const seriesSchema = z
  .object({
    firstDay: day("error.meeting.day"),
    count: z.coerce
      .number({ error: "error.series.count" })
      .int("error.series.count")
      .min(2, "error.series.count")
      .max(20, "error.series.count"),
    intervalWeeks: z.coerce
      .number({ error: "error.series.interval" })
      .int("error.series.interval")
      .min(1, "error.series.interval")
      .max(8, "error.series.interval"),
    startTime: time("error.meeting.time"),
    endTime: time("error.meeting.time"),
    spansNextDay: checkbox,
    ...place,
  })
  .superRefine(placeIsComplete);

const programmeSchema = z.object({
  programme: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(z.string().max(200, "error.programme.tooLong")).max(20, "error.programme.tooMany"),
    ),
});

const caseSchema = z.object({
  title: z.string().trim().min(3, "error.case.title").max(150, "error.case.title"),
  description: z.string().trim().min(10, "error.case.description").max(4000, "error.tooLong4000"),
  question: z.string().trim().min(5, "error.case.question").max(500, "error.tooLong500"),
});

const nextThemeSchema = z.object({
  nextTheme: z.string().trim().min(3, "error.meeting.nextTheme").max(200, "error.tooLong500"),
});

export const attendanceStatuses = ["present", "excused", "absent"] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

export type MeetingInput = z.infer<typeof meetingSchema>;
export type SeriesInput = z.infer<typeof seriesSchema>;
export type CaseInput = z.infer<typeof caseSchema>;
export type MeetingForm = z.input<typeof meetingSchema>;
export type SeriesForm = z.input<typeof seriesSchema>;

/** A meeting's edit page: change it, or cancel it. */
export const meetingEditPageSchema = z.discriminatedUnion("intent", [
  meetingSchema.safeExtend({ intent: z.literal("save") }),
  z.object({ intent: z.literal("cancel") }),
]);

/** Every form on a meeting's page, one branch per button. */
export const meetingPageSchema = z.discriminatedUnion("intent", [
  programmeSchema.extend({ intent: z.literal("programme") }),
  // The module checks that each is an active member of the network.
  z.object({ intent: z.literal("preparers"), preparers: formList(z.string()) }),
  caseSchema.extend({ intent: z.literal("case") }),
  // An unknown or malformed id is the module's 404.
  z.object({ intent: z.literal("delete-case"), caseId: z.string().default("") }),
  nextThemeSchema.extend({ intent: z.literal("next-theme") }),
  // One radio group per member (a-<userId>), and for a member who joined later a box and a
  // reason (caught-<userId>, reason-<userId>): the fields depend on the members.
  z.looseObject({ intent: z.literal("attendance") }),
]);
export type MeetingPageForm = z.input<typeof meetingPageSchema>;

/** The attendance form's fields as the module takes them: statuses and caught-up reasons. */
export function attendanceFromForm(values: Record<string, unknown>) {
  const records: Record<string, AttendanceStatus> = {};
  const caughtUp: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    const status = attendanceStatuses.find((s) => s === value);
    if (key.startsWith("a-") && status) records[key.slice(2)] = status;
    if (key.startsWith("caught-") && value === "1") {
      const reason = values[`reason-${key.slice(7)}`];
      caughtUp[key.slice(7)] = typeof reason === "string" ? reason : "";
    }
  }
  return { records, caughtUp };
}
