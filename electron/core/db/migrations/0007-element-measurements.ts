/**
 * v7: measure once per facility, and photos tied to a check.
 * - element_values: a measurement shared by several checks of one element (a ramp run's rise and run) is stored
 *   once per element; every check of the element that uses it is evaluated with it. Which inputs are shared is
 *   derived from the catalog at run time, so this table starts empty: an element saved before v7 keeps its values
 *   in check_values, where the service reads them until the value is next saved.
 * - carried: values a re-inspection copied from the last inspection by a deliberate action ("沿用上次"), kept
 *   apart from values measured again, so the record and the pre-submit summary can say which were not re-measured.
 * - element_photos.check_id: the check a photo is evidence of (NULL = a photo of the whole facility).
 */
export const sql = `
CREATE TABLE element_values (
  element_id INTEGER NOT NULL REFERENCES inspection_elements (id) ON DELETE CASCADE,
  input_id   TEXT NOT NULL,
  value_json TEXT NOT NULL,
  carried    INTEGER NOT NULL DEFAULT 0 CHECK (carried IN (0, 1)),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (element_id, input_id)
) STRICT;
ALTER TABLE check_values ADD COLUMN carried_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE element_photos ADD COLUMN check_id TEXT;
`
