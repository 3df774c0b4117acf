// One warm renderer shared by every kernel of a run (or of an interactive session): a small HTTP service on
// 127.0.0.1 in front of one headless Chromium with plotly already loaded. A kernel then pays one local HTTP
// request per figure instead of loading playwright-core, starting a browser and loading plotly (2-5 s here).
// scripts/renderer.cjs runs the service; scripts/renderer.mjs starts it for the notebook runner and for
// `npm run jupyter` and passes its address to kernels in SP_RENDER_URL.
import * as http from "node:http";
import { randomBytes } from "node:crypto";
import type { Figure } from "../figures/types.js";
import type { RenderResult } from "./renderer.js";

/** The parts of a figure a render needs (what travels to the service). */
export type RenderSpec = Pick<Figure, "data" | "layout" | "config" | "width" | "height">;

/** A running render service. */
export interface RenderService {
  /** Where kernels send figures (includes a random token, so only whoever was given it can render). */
  readonly url: string;
  /** Stops accepting renders and closes the browser. */
  close(): Promise<void>;
}

const MAX_BODY = 64 * 1024 * 1024;

/**
 * Serves PNG renders over HTTP on 127.0.0.1 with `render` (in practice the in-process renderer, which keeps one
 * warm Chromium and starts a new one after a crash). POST a {@link RenderSpec} plus `scale` as JSON; the answer
 * is a {@link RenderResult} as JSON.
 * @example
 * const service = await serveRenders(renderInProcess, closeBrowser); // service.url = "http://127.0.0.1:40123/9f…"
 */
export async function serveRenders(
  render: (spec: RenderSpec, scale: number) => Promise<RenderResult>,
  closeRenderer: () => Promise<void>,
  port = 0,
): Promise<RenderService> {
  const token = randomBytes(12).toString("hex");
  const server = http.createServer((req, res) => {
    if (req.method !== "POST" || req.url !== `/${token}`) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(c);
    });
    req.on("end", () => {
      let body: { spec: RenderSpec; scale?: number };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as typeof body;
      } catch (err) {
        res.writeHead(400, { "content-type": "application/json" });
        res.end(JSON.stringify({ png: null, reason: `the render service got invalid JSON: ${String(err)}` }));
        return;
      }
      render(body.spec, body.scale ?? 1).then(
        (result) => {
          res.writeHead(200, { "content-type": "application/json" });
          res.end(JSON.stringify(result));
        },
        (err: unknown) => {
          res.writeHead(500, { "content-type": "application/json" });
          res.end(JSON.stringify({ png: null, reason: `the render service failed: ${String(err)}` }));
        },
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const { port: bound } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${bound}/${token}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeRenderer();
    },
  };
}

/**
 * Asks the render service at `url` for a PNG. Rejects when the service cannot be reached (the caller then
 * renders in its own browser); a render that failed inside the service resolves with its reason.
 * @example
 * const { png } = await renderRemote(process.env.SP_RENDER_URL!, figure, 1);
 */
export function renderRemote(url: string, spec: RenderSpec, scale: number): Promise<RenderResult> {
  const body = JSON.stringify({
    spec: {
      data: spec.data,
      layout: spec.layout,
      config: spec.config,
      width: spec.width,
      height: spec.height,
    },
    scale,
  });
  return new Promise((resolve, reject) => {
    // agent: false: no kept-alive socket, so nothing holds the kernel's event loop open at shutdown.
    const req = http.request(
      url,
      {
        method: "POST",
        agent: false,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          try {
            const parsed = JSON.parse(Buffer.concat(chunks).toString("utf8")) as RenderResult;
            if (res.statusCode === 404)
              reject(new Error(`the render service at ${url} does not know this address`));
            else resolve({ png: parsed.png ?? null, reason: parsed.reason ?? "" });
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
          }
        });
        res.on("error", reject);
      },
    );
    req.setTimeout(120_000, () => req.destroy(new Error("the render service did not answer in 120 s")));
    req.on("error", reject);
    req.end(body);
  });
}
