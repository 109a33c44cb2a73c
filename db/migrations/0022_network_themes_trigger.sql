-- network_themes counts, per theme, the networks that have not ended and carry it. A trigger
-- keeps it exact on every insert, update and delete, so reading the theme filter is a read of
-- a small table rather than an unnest over every network.
CREATE OR REPLACE FUNCTION kn_network_themes_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status <> 'ended' THEN
    UPDATE network_themes SET networks = networks - 1
      WHERE theme IN (SELECT DISTINCT unnest(OLD.themes));
    DELETE FROM network_themes WHERE networks <= 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status <> 'ended' THEN
    INSERT INTO network_themes (theme, networks)
      SELECT DISTINCT unnest(NEW.themes), 1
      ON CONFLICT (theme) DO UPDATE SET networks = network_themes.networks + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER networks_themes_sync
  AFTER INSERT OR DELETE OR UPDATE OF themes, status ON networks
  FOR EACH ROW EXECUTE FUNCTION kn_network_themes_sync();
--> statement-breakpoint
INSERT INTO network_themes (theme, networks)
  SELECT theme, count(DISTINCT networks.id) FROM networks, unnest(networks.themes) AS theme
  WHERE status <> 'ended' GROUP BY theme;
