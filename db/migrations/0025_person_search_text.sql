-- users.search_text: the name and every expertise tag of a person, folded (kn_unaccent(lower)),
-- one per line. People search is then one trigram-indexed LIKE on one column: the planner can
-- walk the name order for a common word and use the index for a rare one, which an OR over
-- a join to the tags never allowed.
CREATE OR REPLACE FUNCTION kn_person_search_text(person uuid, person_name text) RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT kn_unaccent(lower(person_name || coalesce(chr(10) || (
      SELECT string_agg(t.name, chr(10) ORDER BY t.name)
      FROM user_expertise ue JOIN expertise_tags t ON t.id = ue.tag_id
      WHERE ue.user_id = person), '')))
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kn_users_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_text := kn_person_search_text(NEW.id, NEW.name);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER users_search_text BEFORE INSERT OR UPDATE OF name, search_text ON users
  FOR EACH ROW EXECUTE FUNCTION kn_users_search_text();
--> statement-breakpoint
-- Once per statement, for the people whose tags it changed (a profile save replaces them all).
CREATE OR REPLACE FUNCTION kn_user_expertise_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE users u SET search_text = '' WHERE u.id IN (SELECT user_id FROM changed);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER user_expertise_search_text_insert AFTER INSERT ON user_expertise
  REFERENCING NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION kn_user_expertise_search_text();
--> statement-breakpoint
CREATE TRIGGER user_expertise_search_text_delete AFTER DELETE ON user_expertise
  REFERENCING OLD TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION kn_user_expertise_search_text();
--> statement-breakpoint
-- (The users trigger recomputes search_text on any write to it, so '' above and here means
-- "recompute".)
UPDATE users SET search_text = '';
