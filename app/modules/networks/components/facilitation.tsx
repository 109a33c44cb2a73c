import { Form } from "react-router";
import { netContinuationLabel } from "#app/i18n/labels.ts";
import { SubmitButton } from "#app/ui/form.tsx";
import { useT } from "#app/ui/i18n.tsx";
import { Card } from "#app/ui/layout.tsx";

type Continuation = "continues" | "stops" | "intends";

/**
 * Stap 2: how many facilitated meetings the programme has paid for; the coordinator counts them,
 * and past the limit the network directs itself and its managers say whether it goes on.
 */
export function FacilitationCard({
  facilitation,
  continuation,
  canManage,
  isCoordinator,
}: {
  facilitation: { limit: number; held: number; selfDirected: boolean };
  continuation: Continuation | null;
  canManage: boolean;
  isCoordinator: boolean;
}) {
  const t = useT();
  const label = t("net.page.facilitation", { held: facilitation.held, limit: facilitation.limit });
  return (
    <Card>
      <p className="font-medium">{label}</p>
      <progress
        max={facilitation.limit}
        value={Math.min(facilitation.held, facilitation.limit)}
        className="mt-2 w-full"
        aria-label={label}
      />
      {isCoordinator && !facilitation.selfDirected ? (
        <Form method="post" className="mt-2">
          <input type="hidden" name="intent" value="record-facilitated" />
          <SubmitButton variant="secondary">{t("net.page.facilitation.record")}</SubmitButton>
        </Form>
      ) : null}
      {facilitation.selfDirected ? (
        <div className="mt-3 flex flex-col gap-2">
          <p>{t("net.page.selfDirected", { limit: facilitation.limit })}</p>
          {continuation ? (
            <p className="font-medium">
              {t("net.continuation.current", {
                choice: t(netContinuationLabel[continuation]),
              })}
            </p>
          ) : null}
          {!continuation && !canManage ? <p>{t("net.continuation.who")}</p> : null}
          {canManage ? (
            <Form method="post" className="flex flex-wrap items-end gap-3">
              <input type="hidden" name="intent" value="continuation" />
              <fieldset className="flex flex-wrap gap-3">
                <legend className="sr-only">
                  {t("net.page.selfDirected", { limit: facilitation.limit })}
                </legend>
                {(["continues", "intends", "stops"] as const).map((choice) => (
                  <label key={choice} className="flex items-center gap-2">
                    <input
                      type="radio"
                      name="continuation"
                      value={choice}
                      defaultChecked={continuation === choice}
                      required
                    />
                    {t(netContinuationLabel[choice])}
                  </label>
                ))}
              </fieldset>
              <SubmitButton variant="secondary">{t("net.continuation.save")}</SubmitButton>
            </Form>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
