// A TCP port on 127.0.0.1 in front of the test server: it forwards connections until
// told to go silent, then accepts them and never answers (a host whose packets are
// dropped, as the client sees it: the connection waits for its connect timeout),
// until told to resume (the network is back: new connections are forwarded again).
import {createServer, connect, type Socket} from 'node:net';
import {afterEach} from 'vitest';

export type SilentProxy = {port: number; silence(): void; resume(): void; close(): Promise<void>};

export async function startProxy(targetPort: number): Promise<SilentProxy> {
	let silent = false;
	const sockets = new Set<Socket>();
	const server = createServer(socket => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => undefined);
		if (silent) return;
		const upstream = connect(targetPort, '127.0.0.1');
		sockets.add(upstream);
		upstream.on('close', () => sockets.delete(upstream));
		upstream.on('error', () => socket.destroy());
		socket.on('close', () => upstream.destroy());
		upstream.on('close', () => socket.destroy());
		socket.pipe(upstream).pipe(socket);
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (typeof address !== 'object' || !address) throw new Error('the proxy has no port');
	return {
		port: address.port,
		silence() {
			silent = true;
			for (const socket of sockets) socket.destroy();
		},
		resume() {
			// The silent connections still wait for their timeout, as dropped packets would leave them.
			silent = false;
		},
		close: () =>
			new Promise<void>(resolve => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}

/** A proxy for the test, closed after it. */
export function useProxy(): (targetPort: number) => Promise<SilentProxy> {
	const open: SilentProxy[] = [];
	afterEach(async () => {
		await Promise.all(open.splice(0).map(proxy => proxy.close()));
	});
	return async targetPort => {
		const proxy = await startProxy(targetPort);
		open.push(proxy);
		return proxy;
	};
}
