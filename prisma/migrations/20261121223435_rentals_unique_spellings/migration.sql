-- Branch names and plates are unique however they are spelled. The service
-- stores names with single spaces and plates upper-case, and these indexes make
-- "North Yard" and "north yard", or "AB 123", "AB-123" and "AB123", one name or
-- one plate, also for concurrent writes. A violation is SQLSTATE 23505 (a 409).
CREATE UNIQUE INDEX "branches_name_ci_key" ON "branches" (lower("name"));

CREATE UNIQUE INDEX "vehicles_plate_canonical_key" ON "vehicles" (regexp_replace(upper("plate"), '[^A-Z0-9]', '', 'g'));
