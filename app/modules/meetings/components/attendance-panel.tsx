import { getFormProps } from "@conform-to/react";
import { Form } from "react-router";
import { formatDate } from "#app/i18n/dates.ts";
import { attendanceLabel } from "#app/i18n/labels.ts";
import {
  type AttendanceStatus,
  attendanceStatuses,
} from "#app/modules/meetings/meetings.schema.ts";
import { isIntentReply } from "#app/platform/intent-reply.ts";
import { ErrorSummary, SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { fieldErrorsOf, useIntentForm } from "#app/ui/intent-form.ts";
import { Card } from "#app/ui/layout.tsx";

interface Member {
  userId: string;
  name: string;
  joinedAt: Date | null;
  joinedAfter: boolean;
}

interface AttendanceRecord {
  userId: string;
  status: AttendanceStatus;
  caughtUpReason: string | null;
}

/** Who was there: the facilitator records it once the meeting began; a member sees their own. */
export function AttendancePanel({
  members,
  attendance,
  me,
  canRecord,
  started,
  actionData,
}: {
  members: Member[];
  attendance: AttendanceRecord[];
  me: string;
  canRecord: boolean;
  started: boolean;
  actionData: unknown;
}) {
  const t = useT();
  const mine = attendance.find((a) => a.userId === me)?.status;
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t("meeting.attendance")}</h2>
      {canRecord && !started ? (
        <p className="mt-2">{t("meeting.attendance.notStarted")}</p>
      ) : canRecord ? (
        <AttendanceForm members={members} attendance={attendance} actionData={actionData} />
      ) : (
        <p className="mt-2">
          {mine
            ? t("meeting.attendance.mine", { status: t(attendanceLabel[mine]) })
            : t("meeting.attendance.none")}
        </p>
      )}
    </Card>
  );
}

function AttendanceForm({
  members,
  attendance,
  actionData,
}: {
  members: Member[];
  attendance: AttendanceRecord[];
  actionData: unknown;
}) {
  const t = useT();
  const [form] = useIntentForm<{ intent: "attendance" }>("attendance", actionData);
  const errors = form.allErrors;
  // After a refusal the form shows what was sent; the fields depend on the members.
  const sent =
    isIntentReply(actionData) && actionData.intent === "attendance"
      ? (actionData.result.initialValue ?? {})
      : null;
  const attendanceOf = new Map(attendance.map((a) => [a.userId, a.status]));
  const caughtUpOf = new Map(
    attendance.flatMap((a) => (a.caughtUpReason ? [[a.userId, a.caughtUpReason]] : [])),
  );
  const whole = errors.attendance?.[0];
  return (
    <Form method="post" {...getFormProps(form)} className="mt-3 flex flex-col gap-3">
      <input type="hidden" name="intent" value="attendance" />
      <ErrorSummary errors={fieldErrorsOf(form)} />
      {whole ? <p className="text-sm font-medium text-red-700">{t.error(whole)}</p> : null}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("meeting.attendance")}</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="p-2">
                {t("net.members.col.name")}
              </th>
              {attendanceStatuses.map((status) => (
                <th key={status} scope="col" className="p-2">
                  {t(attendanceLabel[status])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.userId} className="border-t border-slate-200">
                <th scope="row" className="p-2 font-normal">
                  {member.name}
                </th>
                {member.joinedAfter && member.joinedAt ? (
                  <td colSpan={attendanceStatuses.length} className="p-2">
                    <CaughtUpFields
                      member={{ ...member, joinedAt: member.joinedAt }}
                      reason={
                        sent
                          ? String(sent[`reason-${member.userId}`] ?? "")
                          : (caughtUpOf.get(member.userId) ?? "")
                      }
                      checked={
                        sent
                          ? sent[`caught-${member.userId}`] === "1"
                          : caughtUpOf.has(member.userId)
                      }
                      error={
                        errors[`reason-${member.userId}`]?.[0] ?? errors[`a-${member.userId}`]?.[0]
                      }
                    />
                  </td>
                ) : (
                  attendanceStatuses.map((status) => (
                    <td key={status} className="p-2">
                      <input
                        type="radio"
                        name={`a-${member.userId}`}
                        value={status}
                        defaultChecked={attendanceOf.get(member.userId) === status}
                        aria-label={`${member.name}: ${t(attendanceLabel[status])}`}
                        className="size-4"
                      />
                    </td>
                  ))
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div>
        <SubmitButton>{t("meeting.attendance.save")}</SubmitButton>
      </div>
    </Form>
  );
}

/** A member who enrolled after the meeting: only "caught up", with the reason, can count it. */
function CaughtUpFields({
  member,
  reason,
  checked,
  error,
}: {
  member: { userId: string; name: string; joinedAt: Date };
  reason: string;
  checked: boolean;
  error: string | undefined;
}) {
  const t = useT();
  const errorId = `reason-${member.userId}-error`;
  return (
    <div className="flex flex-col gap-1">
      <span className="text-slate-700">
        {t("meeting.attendance.joinedAfter", { date: formatDate(member.joinedAt, t.locale) })}
      </span>
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          name={`caught-${member.userId}`}
          value="1"
          defaultChecked={checked}
          className="size-4"
        />
        {`${member.name}: ${t("meeting.attendance.caughtUp")}`}
      </label>
      <label className="flex flex-col gap-1">
        <span>{`${t("meeting.attendance.caughtUpReason")} (${member.name})`}</span>
        <input
          type="text"
          name={`reason-${member.userId}`}
          defaultValue={reason}
          maxLength={300}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className="rounded border border-slate-400 px-2 py-1"
        />
      </label>
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {t.error(error)}
        </p>
      ) : null}
    </div>
  );
}
