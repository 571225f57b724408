// The servers the fetch corpus talks to: one HTTP server whose routes each case switches
// from good to broken, and a port that answers in TLS or in plain http as told.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net, {type AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

export type RoutedServer = {origin: string; port: number; route(path: string, handler: Handler): void; close(): Promise<void>};

/** Unknown paths are 404, as for a companion file a server does not have. */
export async function startRoutedServer(): Promise<RoutedServer> {
	const routes = new Map<string, Handler>();
	const server = http.createServer((request, response) => {
		const handler = routes.get(new URL(request.url ?? '/', 'http://x').pathname);
		if (handler) handler(request, response);
		else response.writeHead(404).end('not found');
	});
	await new Promise<void>(ready => server.listen(0, '127.0.0.1', ready));
	const {port} = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		port,
		route: (path, handler) => routes.set(path, handler),
		async close() {
			server.closeAllConnections();
			await new Promise<void>(done => server.close(() => done()));
		},
	};
}

export const send =
	(body: string | Buffer, headers: http.OutgoingHttpHeaders = {}, status = 200): Handler =>
	(_request, response) => {
		response.writeHead(status, {'content-type': 'text/plain', ...headers});
		response.end(body);
	};

export type Certificate = {key: string; cert: string; certPath: string; remove(): void};

/** A throwaway self-signed certificate for 127.0.0.1, made with openssl. */
export function selfSignedCertificate(): Certificate {
	const folder = mkdtempSync(join(tmpdir(), 'vendor-risk-cert-'));
	const keyPath = join(folder, 'key.pem');
	const certPath = join(folder, 'cert.pem');
	execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], {stdio: 'ignore', timeout: 20_000});
	return {key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8'), certPath, remove: () => rmSync(folder, {recursive: true, force: true})};
}

export type DualServer = {origin: string; mode: 'tls' | 'plain'; close(): Promise<void>};

/** One port that speaks HTTPS (with the given certificate) or plain HTTP, as `mode` says at each connection. */
export async function startDualServer(certificate: Certificate, handler: Handler): Promise<DualServer> {
	const secure = https.createServer({key: certificate.key, cert: certificate.cert}, handler);
	const plain = http.createServer(handler);
	const sockets = new Set<net.Socket>();
	const state: DualServer = {origin: '', mode: 'tls', close: async () => undefined};
	const front = net.createServer(socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		(state.mode === 'tls' ? secure : plain).emit('connection', socket);
	});
	await new Promise<void>(ready => front.listen(0, '127.0.0.1', ready));
	state.origin = `https://127.0.0.1:${(front.address() as AddressInfo).port}`;
	state.close = async () => {
		for (const socket of sockets) socket.destroy();
		secure.closeAllConnections();
		plain.closeAllConnections();
		await new Promise<void>(done => front.close(() => done()));
	};
	return state;
}
