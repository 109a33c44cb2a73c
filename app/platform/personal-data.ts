import type { Db, Tx } from "#app/db/client.server.ts";

/**
 * The register of personal data (AVG art. 30), declared by each module about the tables it owns,
 * after Moodle's privacy API: what the privacy statement, the privacybijsluiter and the processing
 * agreement's annex say is generated from these declarations, and a test fails when a table with a
 * column that refers to a person is missing from them.
 */

/** Dutch first, English second, as the statement pages show them. */
export type RegisterText = { nl: string; en: string };

/** AVG art. 6(1): the grounds this platform relies on. */
export type LegalGround =
  | "agreement" // b: needed for the service the school or person asked for
  | "legal-obligation" // c: e.g. what the Schoolleidersregister requires to be kept
  | "public-task" // e: the school's public task in education
  | "legitimate-interest" // f: security logs, abuse prevention
  | "consent"; // a: what the person chose to share (profile, expertise)

/**
 * What erasing an account (art. 17) does to this table's rows about the person:
 * - delete: the rows go (own confidential cases, notes, learning questions, drafts);
 * - anonymise: the rows stay for others' sake but no longer point to the person by name
 *   (a post others replied to reads "oud-lid"; attendance still counts);
 * - keep: the law or the register requires the rows (an issued certificate stays verifiable
 *   with what it showed); `erasureNote` says why.
 */
export type ErasureRule = "delete" | "anonymise" | "keep";

export type PersonalDataDeclaration = {
  /** the SQL table name */
  table: string;
  /** the columns that refer to or describe a person (foreign keys to users, names, e-mail, free text by them) */
  columns: readonly string[];
  /** kinds of data in plain words ("naam, e-mailadres") */
  data: RegisterText;
  purpose: RegisterText;
  legalGround: LegalGround;
  /** from whom the data comes ("de persoon zelf", "de school", "de identiteitsprovider") */
  source: RegisterText;
  retention: RegisterText;
  erasure: ErasureRule;
  erasureNote: RegisterText;
};

export type ModulePersonalData = {
  /** the module's folder name under app/modules */
  module: string;
  /** one line on what the module is for, as the privacy statement introduces it */
  description: RegisterText;
  declarations: readonly PersonalDataDeclaration[];
};

/** A file of the person's own that goes into their export ZIP beside the JSON. */
type ExportedFile = { storedFileId: string; name: string };

/**
 * What a module does for one person's rights: `export` gathers everything it holds about them
 * (JSON-able, their own view: no other person's confidential data), `erase` applies the module's
 * declared rules inside the erasure transaction.
 */
export type PersonalDataProvider = {
  module: string;
  export(db: Db, userId: string): Promise<{ data: unknown; files?: ExportedFile[] }>;
  erase(tx: Tx, userId: string): Promise<void>;
};
