// Three school leaders in the Schoolleidersregister PO: Marloes, whose date comes near with 35
// points, Anouk, at the start of her cycle (her Autopoiesis route will bring 85), and Jan Paul,
// penvoerder of Eindverantwoordelijk Schoolleiders, halfway with 40.
import { eq } from "drizzle-orm";
import type { Tx } from "../../app/db/client.server.ts";
import {
  registerActivities,
  registerCatalogue,
  registerProfiles,
  users,
} from "../../app/db/schema/index.ts";

async function userId(tx: Tx, email: string) {
  const [row] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row?.id ?? null;
}

export async function seedRegister(tx: Tx) {
  const marloes = await userId(tx, "marloes.smits@knooppunt.test");
  const anouk = await userId(tx, "anouk.visser@knooppunt.test");
  if (marloes) {
    await tx
      .insert(registerProfiles)
      .values({ userId: marloes, cycleStart: "2023-01-09", cycleYears: 4 });
    const [item] = await tx
      .select()
      .from(registerCatalogue)
      .where(eq(registerCatalogue.title, "Verbetercultuur"));
    if (item) {
      await tx.insert(registerActivities).values({
        userId: marloes,
        source: "catalogue",
        title: item.title,
        provider: item.provider,
        learningForm: item.learningForm,
        startDate: "2024-02-01",
        endDate: "2024-05-15",
        hours: 56,
        points: item.percentage,
        themes: item.themes,
        evidence: "Deelnamebewijs AVS Academie",
      });
    }
  }
  const janPaul = await userId(tx, "jan.paul.beekman@knooppunt.test");
  if (janPaul) {
    await tx
      .insert(registerProfiles)
      .values({ userId: janPaul, cycleStart: "2024-09-02", cycleYears: 4 });
    await tx.insert(registerActivities).values({
      userId: janPaul,
      source: "external",
      title: "Leergang Strategisch leiderschap in onderwijs",
      provider: "NSO-CNA Leiderschapsacademie",
      learningForm: "formal",
      startDate: "2025-01-13",
      endDate: "2025-06-23",
      hours: 60,
      points: 40,
      evidence: "Certificaat NSO-CNA, juni 2025",
    });
  }
  if (anouk)
    await tx
      .insert(registerProfiles)
      .values({ userId: anouk, cycleStart: "2024-08-26", cycleYears: 4 });
}
