-- Trigram indexes make "contains" searches (ILIKE '%q%') use an index; unaccent lets
-- "michielsgestel" find "Sint-Michiëlsgestel". PGlite loads both (see client.server.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
-- unaccent() is only STABLE (its dictionary could change), so it cannot appear in an index.
-- With the dictionary named, the result depends on the text alone: this wrapper says so, and
-- every search index and query uses kn_unaccent(lower(column)) so the planner can match them.
CREATE OR REPLACE FUNCTION kn_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
-- array_to_string is STABLE for arrays in general; for text[] it depends on the text alone.
-- The newline keeps a search for "a b" from matching across two themes "…a" and "b…".
CREATE OR REPLACE FUNCTION kn_array_text(text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT array_to_string($1, E'\n') $$;
