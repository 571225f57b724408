// The pgpass package (what pg itself uses to read ~/.pgpass) ships no types.
declare module 'pgpass' {
	type ConnectionInfo = {host?: string; port?: string; database?: string; user?: string};
	/** Calls back with the password of the first matching line of PGPASSFILE or ~/.pgpass, or undefined. */
	export default function pgpass(connection: ConnectionInfo, callback: (password: string | undefined) => void): void;
}
