// Three school leaders in the Schoolleidersregister PO: Marloes, whose date comes near with 35
// points, Anouk, at the start of her cycle (her Autopoiesis route will bring 85), and Jan Paul,
// penvoerder of Eindverantwoordelijk Schoolleiders, halfway with the 40 of last year's certificate.
import { eq } from "drizzle-orm";
import type { Tx } from "../../app/db/client.server.ts";
import {
  certificates,
  networks,
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
    // Last year he completed a route "met herregistratie" in Verbindend Vernieuwen: his
    // certificate, downloadable from his start page, and its 40 points in his ledger.
    const [network] = await tx
      .select({ id: networks.id })
      .from(networks)
      .where(eq(networks.name, "Verbindend Vernieuwen"));
    const [certificate] = await tx
      .insert(certificates)
      .values({
        code: "KP-DEMQ-JPBK-7X2M",
        userId: janPaul,
        networkId: network?.id ?? null,
        participantName: "Jan Paul Beekman",
        title: "Verbindend Vernieuwen 2024-2025",
        routeName: "Met herregistratie",
        provider: "Knooppunt — Verbindend Vernieuwen",
        startDate: "2024-10-01",
        endDate: "2025-06-17",
        hours: 60,
        points: 40,
        themes: ["Visiegestuurd onderwijs", "Verandermanagement"],
        issuedAt: new Date("2025-06-18T10:00:00Z"),
      })
      .returning({ id: certificates.id });
    await tx.insert(registerActivities).values({
      userId: janPaul,
      source: "route",
      title: "Verbindend Vernieuwen 2024-2025",
      provider: "Knooppunt — Verbindend Vernieuwen",
      learningForm: "non-formal",
      startDate: "2024-10-01",
      endDate: "2025-06-17",
      hours: 60,
      points: 40,
      themes: ["Visiegestuurd onderwijs", "Verandermanagement"],
      evidence: "Certificaat KP-DEMQ-JPBK-7X2M",
      certificateId: certificate?.id ?? null,
    });
  }
  if (anouk)
    await tx
      .insert(registerProfiles)
      .values({ userId: anouk, cycleStart: "2024-08-26", cycleYears: 4 });
}
