-- Phone numbers are stored in E.164 from now on (see normalisePhone in lib/validation.ts).
-- Stored phones were digits with an optional leading +. A number without + is read
-- with the defaults PHONE_DEFAULT_COUNTRY_CODE=1 and PHONE_NATIONAL_PREFIX=1: 00 means +,
-- a leading 1 is the trunk prefix (+1 then the rest), otherwise +1 is put in front.
-- Collisions: when several accounts normalise to one number, or one already holds it,
-- only the oldest account without a + takes it and only if nobody holds it yet. The
-- others keep their old spelling (still unique) and can sign in with their email.

WITH spelled AS (
  SELECT id, created_at,
         CASE
           WHEN phone LIKE '00%' THEN '+' || substr(phone, 3)
           WHEN phone LIKE '1%' THEN '+' || phone
           ELSE '+1' || phone
         END AS normalised
  FROM users
  WHERE phone NOT LIKE '+%'
), candidates AS (
  SELECT id, normalised, row_number() OVER (PARTITION BY normalised ORDER BY created_at, id) AS rank
  FROM spelled
)
UPDATE users SET phone = candidates.normalised
FROM candidates
WHERE users.id = candidates.id
  AND candidates.rank = 1
  AND candidates.normalised ~ '^\+[1-9][0-9]{6,14}$'
  AND NOT EXISTS (SELECT 1 FROM users AS holder WHERE holder.phone = candidates.normalised);

UPDATE branches
SET phone = CASE
  WHEN phone LIKE '00%' THEN '+' || substr(phone, 3)
  WHEN phone LIKE '1%' THEN '+' || phone
  ELSE '+1' || phone
END
WHERE phone NOT LIKE '+%';
