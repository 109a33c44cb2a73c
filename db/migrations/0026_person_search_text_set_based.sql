-- 0025 recomputed search_text per person through a function that looks the tags up by person:
-- right after a bulk load (no statistics yet) the planner may read all of user_expertise for
-- each person. Now a statement that changes tags recomputes its people in one set-based
-- UPDATE (a join and a GROUP BY), and the per-row users trigger runs only for a new person or
-- a changed name (one person: cheap whatever the plan).
CREATE OR REPLACE FUNCTION kn_people_search_text_refresh(people uuid[]) RETURNS void
  LANGUAGE sql VOLATILE
  AS $$
    UPDATE users u
    SET search_text = kn_unaccent(lower(u.name || coalesce(chr(10) || tags.names, '')))
    FROM (
      SELECT person.id, string_agg(t.name, chr(10) ORDER BY t.name) AS names
      FROM unnest(people) AS person(id)
      LEFT JOIN user_expertise ue ON ue.user_id = person.id
      LEFT JOIN expertise_tags t ON t.id = ue.tag_id
      GROUP BY person.id
    ) AS tags
    WHERE u.id = tags.id;
  $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kn_user_expertise_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kn_people_search_text_refresh(ARRAY(SELECT DISTINCT user_id FROM changed));
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER users_search_text ON users;
--> statement-breakpoint
CREATE TRIGGER users_search_text BEFORE INSERT OR UPDATE OF name ON users
  FOR EACH ROW EXECUTE FUNCTION kn_users_search_text();
