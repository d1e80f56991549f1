// A static file server for the browser tests and the benchmark: serves a folder over HTTP
// (ES modules and wasm need http://, not file://), and records every request that is not a
// GET, answering it with a canned reply — a stand-in for the vendor API behind a site's
// proxy.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
};

/**
 * Serves `root` on 127.0.0.1 (a free port). Requests other than GET are recorded in
 * `requests` (`{ method, path, headers, body: Buffer }`) and answered with `reply`.
 */
export async function serve(root, reply = '{"ERRORCODE":"0", "RESULT":"ok!"}\n') {
  const requests = [];
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
    if (request.method !== "GET") {
      const chunks = [];
      for await (const chunk of request) chunks.push(chunk);
      requests.push({ method: request.method, path, headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(200, { "Content-Type": "application/json; charset=utf-8" });
      response.end(reply);
      return;
    }
    const file = normalize(join(root, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(normalize(root))) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
