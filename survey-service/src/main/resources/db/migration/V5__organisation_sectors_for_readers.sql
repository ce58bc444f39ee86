-- The Service Excellence Scan's sector benchmark (SPEC §2.4) groups organisations by sector: organisation_view gains
-- the sector, at the end, so its earlier columns stay as readers know them.
CREATE OR REPLACE VIEW organisation_view AS
SELECT id, active, name, sector FROM organisation;
