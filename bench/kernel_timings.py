"""Times one fresh project kernel through jupyter_client: start (until it answers kernel_info), the first cell
(import the shared module and load both surveys), the first figure and later figures. Prints one JSON line.
Run by bench/notebooks.ts with the project's Jupyter environment (and SP_RENDER_URL when a warm renderer runs).
  kernel_timings.py ROOT [LATER_FIGURES]"""

import json
import os
import sys
import time

from jupyter_client.manager import start_new_kernel

ROOT = sys.argv[1]
LATER = int(sys.argv[2]) if len(sys.argv) > 2 else 5

FIRST_CELL = """import { loadSurvey, barChart, show } from "./dist/index";
const lw = loadSurvey("link-worker").table;
const pv = loadSurvey("provider").table;
console.log(lw.numRows(), pv.numRows());"""
FIGURE = """await show(barChart([
  { label: "GP practice", value: 89.3 + %d / 10, lower: 84.4, upper: 92.8, n: 214 },
  { label: "Social care", value: 40.1, lower: 33.8, upper: 46.7, n: 214 },
  { label: "Self-referral", value: 27.5, lower: 22.0, upper: 33.8, n: 214 },
], { title: "Figure %d", base: { n: 214, unit: "Link Workers" } }));"""


def run(kc, code):
    """Seconds from sending the request to its reply, plus what the cell showed."""
    t0 = time.monotonic()
    msg_id = kc.execute(code)
    mimes, errors = [], []
    while True:
        msg = kc.get_iopub_msg(timeout=300)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "display_data":
            mimes.append(sorted(msg["content"]["data"].keys()))
        elif kind == "stream" and msg["content"]["name"] == "stderr":
            errors.append(msg["content"]["text"])
        elif kind == "error":
            errors.append(msg["content"].get("evalue", "error"))
        elif kind == "status" and msg["content"]["execution_state"] == "idle":
            break
    reply = kc.get_shell_msg(timeout=300)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=300)
    seconds = time.monotonic() - t0
    if reply["content"]["status"] != "ok" or errors:
        raise SystemExit("cell failed: %s\n%s" % (code[:80], "".join(errors)))
    return seconds, mimes


def cpu_seconds(pid):
    """User + system CPU seconds of a process so far (Linux /proc): a figure the machine's load does not inflate."""
    try:
        with open("/proc/%d/stat" % pid) as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def main():
    t0 = time.monotonic()
    km, kc = start_new_kernel(kernel_name="tslab", cwd=ROOT, startup_timeout=180)
    start = time.monotonic() - t0
    pid = km.provisioner.process.pid
    cpu_start = cpu_seconds(pid)
    try:
        first_cell, _ = run(kc, FIRST_CELL)
        cpu_first_cell = cpu_seconds(pid)
        first_figure, mimes = run(kc, FIGURE % (0, 0))
        if mimes != [["application/vnd.plotly.v1+json", "image/png", "text/plain"]]:
            raise SystemExit("the figure had no PNG: %r" % mimes)
        later = [run(kc, FIGURE % (i, i))[0] for i in range(1, LATER + 1)]
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    print(json.dumps({"kernel_start": start, "kernel_start_cpu": cpu_start, "first_cell_cpu": cpu_first_cell - cpu_start, "first_cell": first_cell, "first_figure": first_figure, "later_figures": later}))


if __name__ == "__main__":
    main()
