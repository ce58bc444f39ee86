-- Dashboards show an organisation by name: organisation_view gains the name, at the end, so its earlier columns
-- stay as readers know them.
CREATE OR REPLACE VIEW organisation_view AS
SELECT id, active, name FROM organisation;
