import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "#app/db/client.server.ts";
import {
  discussionAttachments,
  discussionPosts,
  discussionReads,
  discussionSubscriptions,
  discussionTopics,
  heldInboundMailFiles,
  heldInboundMails,
  inboundMails,
  networks,
  storedFiles,
  users,
} from "#app/db/schema/index.ts";
import type { ModulePersonalData, PersonalDataProvider } from "#app/platform/personal-data.ts";

const duringNetwork = {
  nl: "Zolang het netwerk bestaat; verdwijnt met het netwerk.",
  en: "As long as the network exists; goes with the network.",
};

export const personalData: ModulePersonalData = {
  module: "discussion",
  description: {
    nl: "De discussie van een netwerk: vragen en onderwerpen, antwoorden, bijlagen, en meedoen per e-mail.",
    en: "A network's discussion: questions and topics, answers, attachments, and taking part by e-mail.",
  },
  declarations: [
    {
      table: "discussion_topics",
      columns: ["author_id", "title", "body"],
      data: {
        nl: "vragen en onderwerpen die iemand plaatste",
        en: "questions and topics someone posted",
      },
      purpose: {
        nl: "Kennis delen met de leden van het netwerk.",
        en: "Sharing knowledge with the network's members.",
      },
      legalGround: "agreement",
      source: { nl: "de persoon zelf (web of e-mail)", en: "the person (web or e-mail)" },
      retention: duringNetwork,
      erasure: "anonymise",
      erasureNote: {
        nl: "Een onderwerp waarop anderen antwoordden blijft staan, met 'Oud-lid' als auteur en de eigen naam en het e-mailadres in de tekst vervangen door 'Oud-lid'; zonder antwoorden van anderen wordt het verwijderd.",
        en: "A topic others answered stays, authored by 'Oud-lid', with the person's name and e-mail address in its text replaced by 'Oud-lid'; without others' answers it is deleted.",
      },
    },
    {
      table: "discussion_posts",
      columns: ["author_id", "body"],
      data: { nl: "antwoorden in de discussie", en: "answers in the discussion" },
      purpose: {
        nl: "Kennis delen met de leden van het netwerk.",
        en: "Sharing knowledge with the network's members.",
      },
      legalGround: "agreement",
      source: { nl: "de persoon zelf (web of e-mail)", en: "the person (web or e-mail)" },
      retention: duringNetwork,
      erasure: "anonymise",
      erasureNote: {
        nl: "Een antwoord waarop (direct of verderop in de draad) een ander reageerde blijft, als 'Oud-lid', met naam en e-mailadres in de tekst vervangen; een antwoord zonder reactie van een ander wordt verwijderd. Antwoorden van anderen blijven zoals ze zijn geschreven: wat per e-mail binnenkomt wordt zonder de geciteerde tekst bewaard, zodat er geen kopieën van het oud-lid in staan; noemt een ander het oud-lid in eigen woorden, dan past die ander of de begeleider dat op verzoek aan.",
        en: "An answer someone else replied to (directly or further down the thread) stays as 'Oud-lid', with name and e-mail address in its text replaced; an answer nobody else replied to is deleted. Others' answers stay as written: mail replies are stored without the quoted text, so they hold no copies of the former member's words; where someone else names them in their own words, that person or the facilitator edits it on request.",
      },
    },
    {
      table: "discussion_attachments",
      columns: ["file_id"],
      data: { nl: "bijlagen bij vragen en antwoorden", en: "attachments to questions and answers" },
      purpose: {
        nl: "Documenten delen met de leden van het netwerk.",
        en: "Sharing documents with the network's members.",
      },
      legalGround: "agreement",
      source: { nl: "de persoon zelf", en: "the person" },
      retention: duringNetwork,
      erasure: "delete",
      erasureNote: {
        nl: "Eigen bijlagen worden verwijderd, ook bij een onderwerp of antwoord dat blijft staan.",
        en: "One's own attachments are deleted, also on a topic or answer that stays.",
      },
    },
    {
      table: "discussion_reads",
      columns: ["user_id"],
      data: {
        nl: "wanneer iemand een onderwerp het laatst las",
        en: "when someone last read a topic",
      },
      purpose: {
        nl: "Laten zien wat nieuw is sinds het vorige bezoek.",
        en: "Showing what is new since the last visit.",
      },
      legalGround: "agreement",
      source: { nl: "het platform", en: "the platform" },
      retention: duringNetwork,
      erasure: "delete",
      erasureNote: { nl: "Verwijderd.", en: "Deleted." },
    },
    {
      table: "discussion_subscriptions",
      columns: ["user_id", "unsubscribe_token", "reply_key"],
      data: {
        nl: "hoe iemand de discussie per e-mail volgt, met de sleutels van de afmeld- en antwoordlinks",
        en: "how someone follows the discussion by e-mail, with the keys of the unsubscribe and reply links",
      },
      purpose: {
        nl: "Berichten en samenvattingen per e-mail sturen en antwoorden per e-mail aannemen.",
        en: "Sending messages and digests by e-mail and taking answers by e-mail.",
      },
      legalGround: "agreement",
      source: { nl: "de persoon zelf", en: "the person" },
      retention: {
        nl: "Zolang iemand lid is van het netwerk.",
        en: "As long as someone is a member of the network.",
      },
      erasure: "delete",
      erasureNote: {
        nl: "Verwijderd; latere antwoorden per e-mail worden geweigerd.",
        en: "Deleted; later replies by e-mail are refused.",
      },
    },
    {
      table: "inbound_mails",
      columns: ["sender", "recipient"],
      data: {
        nl: "afzenderadres van binnengekomen e-mail en wat ermee gebeurde (zonder inhoud)",
        en: "sender address of incoming mail and what became of it (without its content)",
      },
      purpose: {
        nl: "Misbruik en bezorgproblemen van de e-mailkoppeling opsporen.",
        en: "Tracing abuse and delivery problems of the e-mail link.",
      },
      legalGround: "legitimate-interest",
      source: { nl: "de mailserver van de afzender", en: "the sender's mail server" },
      retention: {
        nl: "Zolang het platform draait; zonder inhoud.",
        en: "As long as the platform runs; without content.",
      },
      erasure: "anonymise",
      erasureNote: {
        nl: "Het afzenderadres wordt 'oud-lid'; de uitkomst blijft voor de statistiek. Het ontvangstadres is een antwoordadres van het platform (onderwerp en antwoordsleutel); na het wissen van het abonnement wijst die sleutel naar niemand meer.",
        en: "The sender address becomes 'oud-lid'; the outcome stays for the statistics. The recipient is one of the platform's reply addresses (topic and reply key); once the subscription is erased that key points to nobody.",
      },
    },
    {
      table: "held_inbound_mails",
      columns: ["user_id", "title", "body"],
      data: {
        nl: "een e-mail die wacht tot de afzender bevestigt dat die van hem of haar is",
        en: "a mail waiting for its sender to confirm it is theirs",
      },
      purpose: {
        nl: "Voorkomen dat iemand uit naam van een lid in de discussie schrijft.",
        en: "Preventing someone from writing in the discussion in a member's name.",
      },
      legalGround: "legitimate-interest",
      source: { nl: "de mailserver van de afzender", en: "the sender's mail server" },
      retention: {
        nl: "Tot bevestigen, weggooien of verlopen (enkele dagen).",
        en: "Until confirmed, discarded or expired (a few days).",
      },
      erasure: "delete",
      erasureNote: {
        nl: "Verwijderd, met de bijlagen.",
        en: "Deleted, with the attachments.",
      },
    },
    {
      table: "held_inbound_mail_files",
      columns: ["held_mail_id", "file_id"],
      data: { nl: "bijlagen van een wachtende e-mail", en: "attachments of a waiting mail" },
      purpose: {
        nl: "De bijlagen meenemen als de afzender de e-mail bevestigt.",
        en: "Keeping the attachments for when the sender confirms the mail.",
      },
      legalGround: "legitimate-interest",
      source: { nl: "de mailserver van de afzender", en: "the sender's mail server" },
      retention: {
        nl: "Zolang de e-mail wacht.",
        en: "As long as the mail waits.",
      },
      erasure: "delete",
      erasureNote: { nl: "Verwijderd.", en: "Deleted." },
    },
  ],
};

/** Regular-expression text that matches `text` literally. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function deleteFiles(tx: Tx, fileIds: string[]) {
  if (fileIds.length) await tx.delete(storedFiles).where(inArray(storedFiles.id, fileIds));
}

export const personalDataProvider: PersonalDataProvider = {
  module: "discussion",
  async export(db, userId) {
    const [topics, posts, attachments, subscriptions, reads, held, mails] = await Promise.all([
      db
        .select({
          network: networks.name,
          kind: discussionTopics.kind,
          title: discussionTopics.title,
          body: discussionTopics.body,
          themes: discussionTopics.themes,
          via: discussionTopics.via,
          createdAt: discussionTopics.createdAt,
        })
        .from(discussionTopics)
        .innerJoin(networks, eq(networks.id, discussionTopics.networkId))
        .where(eq(discussionTopics.authorId, userId))
        .orderBy(asc(discussionTopics.createdAt)),
      db
        .select({
          network: networks.name,
          topic: discussionTopics.title,
          body: discussionPosts.body,
          via: discussionPosts.via,
          helpful: discussionPosts.helpful,
          createdAt: discussionPosts.createdAt,
        })
        .from(discussionPosts)
        .innerJoin(discussionTopics, eq(discussionTopics.id, discussionPosts.topicId))
        .innerJoin(networks, eq(networks.id, discussionPosts.networkId))
        .where(eq(discussionPosts.authorId, userId))
        .orderBy(asc(discussionPosts.createdAt)),
      ownAttachments(db, userId),
      db
        .select({ network: networks.name, mode: discussionSubscriptions.mode })
        .from(discussionSubscriptions)
        .innerJoin(networks, eq(networks.id, discussionSubscriptions.networkId))
        .where(eq(discussionSubscriptions.userId, userId)),
      db
        .select({ topic: discussionTopics.title, seenAt: discussionReads.seenAt })
        .from(discussionReads)
        .innerJoin(discussionTopics, eq(discussionTopics.id, discussionReads.topicId))
        .where(eq(discussionReads.userId, userId)),
      db
        .select({
          network: networks.name,
          title: heldInboundMails.title,
          body: heldInboundMails.body,
          createdAt: heldInboundMails.createdAt,
        })
        .from(heldInboundMails)
        .innerJoin(networks, eq(networks.id, heldInboundMails.networkId))
        .where(eq(heldInboundMails.userId, userId)),
      db
        .select({
          recipient: inboundMails.recipient,
          outcome: inboundMails.outcome,
          receivedAt: inboundMails.receivedAt,
        })
        .from(inboundMails)
        .innerJoin(users, sql`lower(${inboundMails.sender}) = lower(${users.email})`)
        .where(eq(users.id, userId)),
    ]);
    return {
      data: {
        topics,
        posts,
        attachments: attachments.map((a) => a.name),
        subscriptions,
        reads,
        mailsWaitingForConfirmation: held,
        incomingMails: mails,
      },
      files: attachments.map((a) => ({ storedFileId: a.fileId, name: a.name })),
    };
  },
  async erase(tx, userId) {
    const [person] = await tx
      .select({ name: users.name, email: users.email, pendingEmail: users.pendingEmail })
      .from(users)
      .where(eq(users.id, userId));
    // The log of mails they sent in: by the current or pending address, and — for an address
    // they had before — by the posts and topics those mails became (so before those go).
    const addresses = [person?.email, person?.pendingEmail].flatMap((a) =>
      a ? [a.toLowerCase()] : [],
    );
    await tx
      .update(inboundMails)
      .set({ sender: "oud-lid" })
      .where(
        or(
          addresses.length ? inArray(sql`lower(${inboundMails.sender})`, addresses) : undefined,
          inArray(
            inboundMails.postId,
            tx
              .select({ id: discussionPosts.id })
              .from(discussionPosts)
              .where(eq(discussionPosts.authorId, userId)),
          ),
          and(
            isNull(inboundMails.postId),
            inArray(
              inboundMails.topicId,
              tx
                .select({ id: discussionTopics.id })
                .from(discussionTopics)
                .where(eq(discussionTopics.authorId, userId)),
            ),
          ),
        ),
      );
    // Their own uploads go first, on whatever stays or goes.
    await deleteFiles(
      tx,
      (await ownAttachments(tx, userId)).map((a) => a.fileId),
    );
    const heldFiles = await tx
      .select({ fileId: heldInboundMailFiles.fileId })
      .from(heldInboundMailFiles)
      .innerJoin(heldInboundMails, eq(heldInboundMails.id, heldInboundMailFiles.heldMailId))
      .where(eq(heldInboundMails.userId, userId));
    await deleteFiles(
      tx,
      heldFiles.map((f) => f.fileId),
    );
    await tx.delete(heldInboundMails).where(eq(heldInboundMails.userId, userId));
    // An answer stays when someone else replied to it or further down its thread (a kept answer's
    // own ancestors are then kept too, so no thread loses its parent); the rest of theirs goes.
    await tx.execute(sql`
      with recursive thread(root, id) as (
        select p.id, p.id from discussion_posts p where p.author_id = ${userId}
        union all
        select thread.root, c.id from thread join discussion_posts c on c.parent_id = thread.id
      )
      delete from discussion_posts d
      where d.author_id = ${userId}
        and not exists (
          select 1 from thread join discussion_posts x on x.id = thread.id
          where thread.root = d.id and x.author_id is distinct from ${userId}
        )`);
    // A topic stays when anyone else answered it (their answers would lose their question).
    await tx.execute(sql`
      delete from discussion_topics t
      where t.author_id = ${userId}
        and not exists (
          select 1 from discussion_posts p
          where p.topic_id = t.id and p.author_id is distinct from ${userId}
        )`);
    // What stays is signed by the tombstone; their name and address in their own words go too.
    // (The Dutch search vectors are generated from the text, so search follows.)
    const names = [person?.name, person?.email].flatMap((t) =>
      t?.trim() ? [literal(t.trim())] : [],
    );
    if (names.length) {
      // Whole words only: a short name ("Ad") must not turn "Advies" into "Oud-lidvies". PostgreSQL's
      // \m and \M need a word character at the name's edge, so the lookarounds do it instead
      // (a name may start or end with a quote or a dot).
      const pattern = `(?<![[:alnum:]_])(?:${names.join("|")})(?![[:alnum:]_])`;
      const scrub = (column: typeof discussionPosts.body | typeof discussionTopics.body) =>
        sql`regexp_replace(${column}, ${pattern}, 'Oud-lid', 'gi')`;
      await tx
        .update(discussionPosts)
        .set({ body: scrub(discussionPosts.body) })
        .where(
          and(eq(discussionPosts.authorId, userId), sql`${discussionPosts.body} ~* ${pattern}`),
        );
      await tx
        .update(discussionTopics)
        .set({
          title: sql`regexp_replace(${discussionTopics.title}, ${pattern}, 'Oud-lid', 'gi')`,
          body: scrub(discussionTopics.body),
        })
        .where(
          and(
            eq(discussionTopics.authorId, userId),
            or(
              sql`${discussionTopics.title} ~* ${pattern}`,
              sql`${discussionTopics.body} ~* ${pattern}`,
            ),
          ),
        );
    }
    await tx.delete(discussionReads).where(eq(discussionReads.userId, userId));
    await tx.delete(discussionSubscriptions).where(eq(discussionSubscriptions.userId, userId));
  },
};

/** Files they attached: on their own topics (no post) and on their own answers. */
function ownAttachments(db: DbOrTx, userId: string) {
  return db
    .select({ fileId: storedFiles.id, name: storedFiles.name })
    .from(discussionAttachments)
    .innerJoin(storedFiles, eq(storedFiles.id, discussionAttachments.fileId))
    .leftJoin(discussionPosts, eq(discussionPosts.id, discussionAttachments.postId))
    .innerJoin(discussionTopics, eq(discussionTopics.id, discussionAttachments.topicId))
    .where(
      or(
        eq(discussionPosts.authorId, userId),
        and(isNull(discussionAttachments.postId), eq(discussionTopics.authorId, userId)),
      ),
    );
}
