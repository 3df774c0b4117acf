"""Drives one tslab kernel through jupyter_client: show a figure (the browser starts), interrupt a running cell,
show another figure, shut down. Prints one JSON line of what happened. Run by tests/display/interrupt.test.ts."""

import json
import os
import queue
import sys
import time

from jupyter_client.manager import start_new_kernel

ROOT = sys.argv[1]
FIGURE = (
    'await show(barChart([{ label: "GP practice", value: 89.3, lower: 84.4, upper: 92.8, n: 214 }],'
    ' { title: "T", base: "n = 214" }));'
)


def run(kc, code, interrupt_after=None, km=None):
    msg_id = kc.execute(code)
    outputs, status, interrupted = [], None, False
    while True:
        try:
            msg = kc.get_iopub_msg(timeout=interrupt_after or 120)
        except queue.Empty:
            if interrupt_after and not interrupted:
                km.interrupt_kernel()
                interrupted = True
                interrupt_after = None
                continue
            raise
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "display_data":
            outputs.append({"mimes": sorted(msg["content"]["data"].keys())})
        elif kind == "stream":
            outputs.append({"stream": msg["content"]["name"], "text": msg["content"]["text"]})
        elif kind == "status" and msg["content"]["execution_state"] == "idle":
            break
    reply = kc.get_shell_msg(timeout=120)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=120)
    status = reply["content"]["status"]
    return {"status": status, "outputs": outputs, "interrupted": interrupted}


def main():
    km, kc = start_new_kernel(kernel_name="tslab", cwd=ROOT, startup_timeout=120)
    result = {}
    try:
        run(kc, 'import { barChart } from "./dist/figures/bar";\nimport { show } from "./dist/display/show";')
        result["first"] = run(kc, FIGURE)
        result["long"] = run(kc, "await new Promise((r) => setTimeout(r, 20000));", interrupt_after=4, km=km)
        result["alive_after_interrupt"] = km.is_alive()
        # tslab aborts requests that arrive within 200 ms of a failed one (see the toolchain notes).
        time.sleep(1)
        result["second"] = run(kc, FIGURE)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
