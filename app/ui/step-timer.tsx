import { useEffect, useState } from "react";
import { useT } from "./i18n.tsx";

function clock(seconds: number) {
  const s = Math.abs(seconds);
  return `${seconds < 0 ? "-" : ""}${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/**
 * Time left in the current step. The clock itself is not announced every second (role="timer"
 * is polite-off); reaching zero is announced once.
 */
export function StepTimer({
  startedAt,
  minutes,
  initialRemaining,
}: {
  startedAt: string;
  minutes: number;
  initialRemaining: number;
}) {
  const t = useT();
  const [remaining, setRemaining] = useState(initialRemaining);
  useEffect(() => {
    const end = Date.parse(startedAt) + minutes * 60_000;
    const tick = () => setRemaining(Math.round((end - Date.now()) / 1000));
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, [startedAt, minutes]);
  const over = remaining <= 0;
  return (
    <div className="flex flex-col gap-1">
      <p className="text-sm text-slate-700">{t("intervision.timeLeft")}</p>
      <p
        role="timer"
        aria-label={t("intervision.timeLeft")}
        className={`font-mono text-4xl font-bold ${over ? "text-red-800" : "text-slate-900"}`}
      >
        {clock(remaining)}
      </p>
      <p aria-live="polite" className="text-sm font-medium text-red-800">
        {over ? t("intervision.timeUp") : ""}
      </p>
    </div>
  );
}
