// The worker thread of scripts/converter-thread.cjs. Requests arrive on a MessagePort; each reply is posted on the
// same port and signalled through the shared Int32 so that the blocked main thread wakes (Atomics.wait there).
// Two modes:
// - With SP_COMPILE_URL set (the notebook runner and `npm run jupyter` start scripts/compiler-service.cjs), it is
//   a thin client: it forwards each call to the run's one warm compile service and never loads TypeScript, so the
//   kernel does not build the same TypeScript program (lib files, @types/node, dist/'s declarations: seconds of
//   CPU) that every other kernel builds. If the service cannot be reached or fails, it says so in one stderr line
//   and builds its own converter, so a kernel never breaks because the service died.
// - Otherwise it holds tslab's converters itself: it builds the Node converter at once, on the other core, while
//   the kernel's main thread answers Jupyter and loads the shared module; then, when the main thread says dist/ is
//   current, reads dist/'s declarations with a throw-away cell (their parsed files stay in the program, so the
//   first real cell only type-checks).
"use strict";
const fs = require("fs");
const http = require("http");
const { workerData } = require("worker_threads");
const { port, signal } = workerData;

const timings = process.env.SP_KERNEL_TIMINGS ? [] : null;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
function timed(what, fn) {
  if (!timings) return fn();
  const t0 = Date.now();
  const c0 = cpu();
  try {
    return fn();
  } finally {
    timings.push({ what, ms: Date.now() - t0, cpuS: Number((cpu() - c0).toFixed(3)) });
  }
}

// The converters in this thread, built on first need (at once when there is no service).
let local = null;
let startError = null;
function localMethods() {
  if (!local && !startError) {
    try {
      const { createConverterMethods } = require("./converter-methods.cjs");
      const l = createConverterMethods({ timed });
      l.build("node");
      local = l.methods;
    } catch (err) {
      startError = err;
    }
  }
  if (startError) throw startError;
  return local;
}

// The compile service, while it answers. A reply it cannot give in this long counts as a failure (it builds the
// program once, in seconds; a loaded machine can stretch that many times, so the bound is generous).
let service = process.env.SP_COMPILE_URL || null;
const SERVICE_TIMEOUT_MS = Number(process.env.SP_COMPILE_TIMEOUT_MS) || 120_000;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
if (!service) localMethods();

function leaveService(reason) {
  fs.writeSync(
    2,
    `sp-pathways: the compile service at ${service} ${reason}; this kernel builds its own TypeScript converter\n`,
  );
  service = null;
  agent.destroy();
}

/** POSTs one call to the service; resolves with its JSON reply, rejects when it cannot answer. */
function post(method, args) {
  const body = JSON.stringify({ method, args });
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${service}/call`,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        timeout: SERVICE_TIMEOUT_MS,
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (text += d));
        res.on("error", reject);
        res.on("end", () => {
          if (res.statusCode !== 200)
            return reject(new Error(`answered ${res.statusCode}: ${text.slice(0, 200)}`));
          try {
            resolve(JSON.parse(text));
          } catch (err) {
            reject(new Error(`answered what is not JSON (${err.message})`));
          }
        });
      },
    );
    req.on("timeout", () =>
      req.destroy(new Error(`did not answer ${method} in ${SERVICE_TIMEOUT_MS / 1000} s`)),
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** An error tslab's converter threw (in the service): the caller sees it as it would in this thread. */
class ConverterError extends Error {}

async function answer(msg) {
  if (service && msg.method !== "timings") {
    // The service reads dist/'s declarations itself as soon as it starts.
    if (msg.method === "warm") return true;
    // A @module cell adds a module file to the converter's program: it belongs to this kernel, not to every
    // kernel the service serves, so from here on this kernel compiles in its own converter.
    if (msg.method === "addModule")
      leaveService("is shared, and a @module cell defines a module for this kernel only");
    else {
      try {
        const reply = await post(msg.method, msg.args);
        if (reply.ok) return reply.value;
        const err = new ConverterError(reply.error.message);
        err.stack = reply.error.stack;
        throw err;
      } catch (err) {
        if (err instanceof ConverterError) throw err;
        leaveService(`failed (${err.message})`);
      }
    }
  }
  if (msg.method === "timings") return timings;
  return localMethods()[msg.method](...msg.args);
}

// Calls are answered one at a time, in order (the main thread blocks on each, but warm() does not wait).
let queue = Promise.resolve();
port.on("message", (msg) => {
  queue = queue.then(async () => {
    let reply;
    try {
      reply = { id: msg.id, ok: true, value: await answer(msg) };
    } catch (err) {
      // fatal: the converter could not even be built, so the main thread should build its own.
      const error = { message: String(err?.message ?? err), stack: err?.stack };
      reply = { id: msg.id, ok: false, fatal: err === startError, error };
    }
    if (msg.async) {
      port.postMessage(reply);
      return;
    }
    try {
      port.postMessage(reply);
    } catch (err) {
      port.postMessage({
        id: msg.id,
        ok: false,
        error: { message: `reply not transferable: ${err.message}` },
      });
    }
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
});
