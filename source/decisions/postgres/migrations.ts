// The shared log's schema as plain, versioned SQL, applied in order by
// `vendor-risk store migrate` (no ORM). Each migration runs once, inside one
// transaction with the others of the same run, and is recorded with a checksum in
// vendor_risk.migrations, so an edited migration is noticed rather than half-applied.
// A migration is never changed after release: a change is a new migration.
//
// What the database itself guarantees (whatever client writes to it):
// - entries and evidence are insert-only: a trigger refuses UPDATE, DELETE and
//   TRUNCATE for everyone, and the reviewer role is granted only SELECT and INSERT;
// - every inserted entry extends the chain: its seq follows the head and its
//   prev_hash is the head's hash (checked and moved under a row lock on the head);
// - an evidence file's bytes match the SHA-256 and size it is stored under;
// - every insert is announced on the channel `vendor_risk_log` (LISTEN/NOTIFY) at commit.
// The hash of each entry's content is checked by vendor-risk (canonical JSON), whether
// vendor-risk computed it or append_entries did from vendor-risk's canonical text, so
// `log verify` still finds a row a superuser edited with the triggers off.
import {sha256Hex} from '../../text/index.js';

export type Migration = {version: number; name: string; sql: string};

/** The schema all objects live in, and the role the migration creates for reviewers. */
export const schemaName = 'vendor_risk';
export const reviewerRole = 'vendor_risk_reviewer';
/** The channel every committed insert is announced on. */
export const notifyChannel = 'vendor_risk_log';
/** The SQLSTATE append_entries raises when the log no longer holds the head the client verified. */
export const headMovedState = 'VR001';

export const migrations: readonly Migration[] = [
	{
		version: 1,
		name: 'append-only decision log, head, evidence, reviewer role',
		sql: `
DO $$
BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${reviewerRole}') THEN
		CREATE ROLE ${reviewerRole} NOLOGIN;
	END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
	-- Roles belong to the whole server: another database's migration created it at the same moment.
	NULL;
END
$$;

CREATE TABLE ${schemaName}.entries (
	seq bigint PRIMARY KEY CHECK (seq >= 1),
	id text NOT NULL UNIQUE,
	hash text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$'),
	prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
	-- The hash the entry had where it was first written (its own, or a local log's or outbox's):
	-- what makes a push idempotent.
	origin_hash text NOT NULL UNIQUE CHECK (origin_hash ~ '^[0-9a-f]{64}$'),
	-- The entry exactly as hashed (canonical JSON is recomputed from it): text, not jsonb, so nothing is normalised.
	entry text NOT NULL,
	-- For people querying the table; vendor-risk reads only entry.
	kind text GENERATED ALWAYS AS ((entry::jsonb) ->> 'kind') STORED,
	reviewer text GENERATED ALWAYS AS ((entry::jsonb) ->> 'reviewer') STORED,
	vendor_id text GENERATED ALWAYS AS ((entry::jsonb) ->> 'vendorId') STORED,
	-- Set by the database: when and by which login the row arrived (a pushed entry keeps its own time in entry).
	recorded_at timestamptz NOT NULL DEFAULT now(),
	recorded_by text NOT NULL DEFAULT session_user
);
CREATE INDEX entries_vendor ON ${schemaName}.entries (vendor_id);

-- The newest entry, kept apart from the entries so that a deleted tail shows.
CREATE TABLE ${schemaName}.head (
	singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
	seq bigint NOT NULL,
	hash text NOT NULL,
	created_at timestamptz
);
INSERT INTO ${schemaName}.head (seq, hash) VALUES (0, '${'0'.repeat(64)}');

CREATE TABLE ${schemaName}.evidence (
	sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
	size bigint NOT NULL CHECK (size >= 0),
	content bytea NOT NULL,
	recorded_at timestamptz NOT NULL DEFAULT now(),
	recorded_by text NOT NULL DEFAULT session_user,
	CHECK (length(content) = size),
	CHECK (encode(sha256(content), 'hex') = sha256)
);

CREATE FUNCTION ${schemaName}.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'vendor-risk: % on %.% refused: the decision log is append-only', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
		USING ERRCODE = 'insufficient_privilege';
END
$$;

-- Runs as the migration's owner, so reviewers can move the head without any right to update it.
CREATE FUNCTION ${schemaName}.extend_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	current_head ${schemaName}.head%ROWTYPE;
BEGIN
	SELECT * INTO current_head FROM ${schemaName}.head FOR UPDATE;
	IF NEW.seq <> current_head.seq + 1 OR NEW.prev_hash <> current_head.hash THEN
		RAISE EXCEPTION 'vendor-risk: entry seq % does not extend the chain, whose head is seq %', NEW.seq, current_head.seq
			USING ERRCODE = 'integrity_constraint_violation';
	END IF;
	UPDATE ${schemaName}.head SET seq = NEW.seq, hash = NEW.hash, created_at = coalesce(created_at, now());
	NEW.recorded_at := now();
	NEW.recorded_by := session_user;
	RETURN NEW;
END
$$;

CREATE FUNCTION ${schemaName}.announce() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('${notifyChannel}', (SELECT seq::text FROM ${schemaName}.head));
	RETURN NULL;
END
$$;

CREATE TRIGGER entries_extend_chain BEFORE INSERT ON ${schemaName}.entries FOR EACH ROW EXECUTE FUNCTION ${schemaName}.extend_chain();
CREATE TRIGGER entries_announce AFTER INSERT ON ${schemaName}.entries FOR EACH STATEMENT EXECUTE FUNCTION ${schemaName}.announce();
CREATE TRIGGER entries_append_only BEFORE UPDATE OR DELETE ON ${schemaName}.entries FOR EACH ROW EXECUTE FUNCTION ${schemaName}.refuse_change();
CREATE TRIGGER entries_no_truncate BEFORE TRUNCATE ON ${schemaName}.entries FOR EACH STATEMENT EXECUTE FUNCTION ${schemaName}.refuse_change();
CREATE TRIGGER evidence_append_only BEFORE UPDATE OR DELETE ON ${schemaName}.evidence FOR EACH ROW EXECUTE FUNCTION ${schemaName}.refuse_change();
CREATE TRIGGER evidence_no_truncate BEFORE TRUNCATE ON ${schemaName}.evidence FOR EACH STATEMENT EXECUTE FUNCTION ${schemaName}.refuse_change();
CREATE TRIGGER head_kept BEFORE DELETE ON ${schemaName}.head FOR EACH ROW EXECUTE FUNCTION ${schemaName}.refuse_change();
CREATE TRIGGER head_no_truncate BEFORE TRUNCATE ON ${schemaName}.head FOR EACH STATEMENT EXECUTE FUNCTION ${schemaName}.refuse_change();

-- Reviewers read everything and add entries and evidence; the database fills in the rest.
GRANT USAGE ON SCHEMA ${schemaName} TO ${reviewerRole};
GRANT SELECT ON ${schemaName}.entries, ${schemaName}.head, ${schemaName}.evidence, ${schemaName}.migrations TO ${reviewerRole};
GRANT INSERT (seq, id, hash, prev_hash, origin_hash, entry) ON ${schemaName}.entries TO ${reviewerRole};
GRANT INSERT (sha256, size, content) ON ${schemaName}.evidence TO ${reviewerRole};
REVOKE ALL ON FUNCTION ${schemaName}.extend_chain() FROM PUBLIC;
`,
	},
	{
		version: 2,
		name: 'entries chained in the database in one statement',
		sql: `
-- Appends entries in one statement: takes the writers' lock, chains each entry on the head
-- (its canonical JSON is the client's template with the head's hash and the next seq filled
-- in, hashed here) and returns the rows from seq known on, so the client verifies them and
-- what it had not read yet. No round trip to the client happens while the lock is held.
-- Nothing is written when the log no longer holds, at seq known, the entry the client
-- verified there (SQLSTATE VR001): the client then reads the log to say what changed.
-- Runs as the caller: a reviewer needs no right beyond INSERT and SELECT.
CREATE FUNCTION ${schemaName}.append_entries(
	known bigint, known_hash text, ids text[], origins text[], befores text[], middles text[], afters text[]
)
RETURNS TABLE (seq bigint, entry text) LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $$
DECLARE
	head_seq bigint;
	head_hash text;
	canonical text;
	new_hash text;
BEGIN
	PERFORM pg_advisory_xact_lock(1987209587, 1);
	IF known > 0 AND NOT EXISTS (SELECT FROM ${schemaName}.entries e WHERE e.seq = known AND e.hash = known_hash) THEN
		RAISE EXCEPTION 'vendor-risk: the shared log no longer holds entry seq % as this machine verified it', known
			USING ERRCODE = '${headMovedState}';
	END IF;
	SELECT h.seq, h.hash INTO head_seq, head_hash FROM ${schemaName}.head h;
	FOR i IN 1 .. coalesce(array_length(ids, 1), 0) LOOP
		canonical := befores[i] || head_hash || middles[i] || (head_seq + 1)::text || afters[i];
		new_hash := encode(sha256(convert_to(canonical, 'UTF8')), 'hex');
		-- Stored as hashed, with the hash as its first member (readers recompute the canonical form).
		INSERT INTO ${schemaName}.entries (seq, id, hash, prev_hash, origin_hash, entry)
		VALUES (head_seq + 1, ids[i], new_hash, head_hash, origins[i], '{"hash":"' || new_hash || '",' || substr(canonical, 2));
		head_seq := head_seq + 1;
		head_hash := new_hash;
	END LOOP;
	RETURN QUERY SELECT e.seq, e.entry FROM ${schemaName}.entries e WHERE e.seq >= greatest(known, 1) ORDER BY e.seq;
END
$$;
REVOKE ALL ON FUNCTION ${schemaName}.append_entries(bigint, text, text[], text[], text[], text[], text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ${schemaName}.append_entries(bigint, text, text[], text[], text[], text[], text[]) TO ${reviewerRole};
`,
	},
];

/** The schema version this vendor-risk reads and writes: the newest migration it knows. */
export const schemaVersion = migrations.at(-1)!.version;

export const checksumOf = (migration: Migration) => sha256Hex(migration.sql);

/** Bootstraps the bookkeeping table a run of migrations records itself in. */
export const migrationsTableSql = `
CREATE SCHEMA IF NOT EXISTS ${schemaName};
CREATE TABLE IF NOT EXISTS ${schemaName}.migrations (
	version integer PRIMARY KEY,
	name text NOT NULL,
	checksum text NOT NULL,
	applied_at timestamptz NOT NULL DEFAULT now(),
	applied_by text NOT NULL DEFAULT session_user
);`;
