// @hocuspocus/server with its defaults and no extensions: documents in memory.
import { Server } from '@hocuspocus/server';

const port = Number(process.env.PORT);
const server = new Server({ port, address: '127.0.0.1', quiet: true, stopOnSignals: true });
await server.listen();
console.log(`ready ${port}`);
