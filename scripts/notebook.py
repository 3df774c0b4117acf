"""Execute, normalise, compare and render one notebook with the project's tslab kernel.

Run with Debian's /usr/bin/python3 (it has nbclient and nbconvert); scripts/run-notebooks.mjs drives it.
  notebook.py execute IN --out OUT [--html DIR]   execute and write normalised outputs (OUT may be IN)
  notebook.py check IN                            execute a copy; exit 1 if IN's committed outputs are stale
  notebook.py execute|check --jobs N [--out-dir D] [--html DIR] IN...
                                                  several at once in this one process (the runner's batch mode)
Prints one JSON line of facts (seconds, figures, receipts) on stdout; in batch mode one line as each notebook
starts ({"event": "start", "index": i}) and ends ({"event": "end", "index": i, "code", "facts", "err"}).
"""

import argparse
import asyncio
import copy
import json
import os
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Image bytes depend on the fonts a machine has; the check compares their presence, not their bytes.
IMAGE_TYPES = ("image/png", "image/jpeg", "image/svg+xml")
# A figure's spec: while it is unchanged, its committed image is kept (see keep_committed_images).
PLOTLY_TYPE = "application/vnd.plotly.v1+json"


def data_provenance():
    """Which data a run used, for the checks and for the reading edition's data banner.

    `data` is where the exports came from (bundled-synthetic, local: data/local/, custom: $SP_DATA_DIR) and `area`
    the SP_AREA cut, if any. Only runs on the bundled synthetic exports of every area may be committed.
    """
    area = os.environ.get("SP_AREA") or None
    if os.environ.get("SP_DATA") == "bundled":
        return {"data": "bundled-synthetic", "area": area}
    if os.environ.get("SP_DATA_DIR"):
        return {"data": "custom", "area": area, "data_dir": os.environ.get("SP_DATA_DIR")}
    local = os.path.join(ROOT, "data", "local")
    has_local = os.path.isdir(local) and any(
        f.lower().endswith((".csv", ".xlsx", ".tsv", ".txt")) for f in os.listdir(local)
    )
    return {"data": "local" if has_local else "bundled-synthetic", "area": area}


def committable(provenance):
    return provenance.get("data") == "bundled-synthetic" and not provenance.get("area")


def normalise(nb, number=True):
    """Strip what changes from run to run (timings, kernel-chosen ids) and, with `number`, number the code cells.

    tslab records no execution counts, so a run numbers the executed code cells 1, 2, ... in order (nbclient skips
    empty ones, which keep none): GitHub and the reading edition then show In [1], In [2] beside the outputs. A
    committed notebook is normalised with number=False, so the check sees a missing or wrong count as stale.
    """
    count = 0
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        cell.metadata.pop("collapsed", None)
        cell.metadata.pop("scrolled", None)
        if cell.cell_type == "code":
            if number:
                executed = bool(cell.source.strip())
                count += executed
                cell.execution_count = count if executed else None
            for out in cell.outputs:
                if "execution_count" in out and number:
                    out["execution_count"] = cell.execution_count
                out.get("metadata", {}).pop("transient", None)
                out.pop("transient", None)
    nb.metadata.pop("widgets", None)
    return nb


def keep_committed_images(nb, previous):
    """Reuse the previous run's image of every figure whose plotly spec is unchanged; returns how many were kept.

    A figure's PNG bytes depend on the fonts of the machine that drew it: without this, a run on a machine with
    other fonts rewrites every image although no figure changed. Figures are matched by spec, not position, so
    adding a cell keeps the images of the figures around it.
    """
    committed = {}
    for cell in previous.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if PLOTLY_TYPE in data:
                images = {m: data[m] for m in IMAGE_TYPES if m in data}
                if images:
                    committed[json.dumps(data[PLOTLY_TYPE], sort_keys=True)] = images
    kept = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if PLOTLY_TYPE not in data:
                continue
            old = committed.get(json.dumps(data[PLOTLY_TYPE], sort_keys=True))
            fresh = [m for m in IMAGE_TYPES if m in data]
            if old and fresh and sorted(old) == sorted(fresh):
                for mime in fresh:
                    data[mime] = old[mime]
                kept += 1
    return kept


def comparable(nb):
    """A copy of the notebook with image bytes replaced by their type, for the staleness check."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            for mime in IMAGE_TYPES:
                if mime in data:
                    data[mime] = "<%s>" % mime
    nb.metadata.pop("sp_pathways", None)
    return nbformat.writes(nb)


def facts(nb):
    figures = 0
    passed = failed = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            meta = out.get("metadata", {}).get("sp-pathways", {})
            if meta.get("kind") == "figure":
                figures += 1
            if meta.get("kind") == "receipts":
                passed += int(meta.get("passed", 0))
                failed += int(meta.get("failed", 0))
    return {"figures": figures, "receipts_passed": passed, "receipts_failed": failed}


def errors_in(nb):
    """tslab reports some failures as stderr text rather than an error reply; treat both as failures."""
    problems = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                problems.append("cell %d: %s: %s" % (i, out.get("ename"), out.get("evalue")))
    return problems


async def execute(nb, timeout):
    client = NotebookClient(
        nb,
        kernel_name="tslab",
        timeout=timeout,
        allow_errors=False,
        record_timing=False,
        resources={"metadata": {"path": ROOT}},
        shutdown_kernel="graceful",
    )
    start = time.monotonic()
    await client.async_execute(cwd=ROOT)
    seconds = time.monotonic() - start
    normalise(nb)
    nb.metadata["sp_pathways"] = data_provenance()
    return nb, seconds


def first_difference(old, new):
    a, b = old.splitlines(), new.splitlines()
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return "line %d:\n  committed: %s\n  fresh:     %s" % (i + 1, x[:200], y[:200])
    return "the fresh run has %d lines, the committed notebook %d" % (len(b), len(a))


def render_html(nb, path, html_dir):
    from nbconvert import HTMLExporter

    os.makedirs(html_dir, exist_ok=True)
    exporter = HTMLExporter(template_name="classic")
    body, _ = exporter.from_notebook_node(nb)
    out = os.path.join(html_dir, os.path.splitext(os.path.basename(path))[0] + ".html")
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(body)
    return out


async def run_notebook(mode, path, out=None, html=None, timeout=180):
    """Executes one notebook (and checks, writes or renders it); returns (exit code, facts, message).

    Several run concurrently in one process in batch mode (the runner's): Python and nbclient load once per run,
    not once per notebook.
    """
    rel = os.path.relpath(path, ROOT)
    try:
        for attempt in (1, 2):
            nb = nbformat.read(path, as_version=4)
            try:
                nb, seconds = await execute(nb, timeout)
                break
            except RuntimeError as err:
                # A kernel that never answers its first request has run nothing: start one more, and say so.
                if "didn't respond" not in str(err) or attempt == 2:
                    raise
                print("%s: the kernel did not answer at start-up (%s); started another" % (rel, err), file=sys.stderr)
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as err:
        # tslab writes compile and runtime errors to stderr before its bare error reply: show them.
        stderr = [
            "".join(out.get("text", ""))
            for cell in nb.cells
            for out in cell.get("outputs", [])
            if out.get("output_type") == "stream" and out.get("name") == "stderr"
        ]
        detail = (stderr[-1] if stderr else str(err))[-3000:]
        parts = str(err).split("------------------")
        source = parts[1].strip() if len(parts) > 2 else ""
        return 1, None, "%s: a cell failed\n%s\n%s" % (rel, source, detail)
    except RuntimeError as err:
        return 1, None, "%s: the kernel did not start: %s" % (rel, err)
    problems = errors_in(nb)
    if problems:
        return 1, None, "%s: %s" % (rel, "; ".join(problems))
    result = {"path": rel, "seconds": round(seconds, 2)}
    result.update(facts(nb))
    if mode == "check":
        committed = normalise(nbformat.read(path, as_version=4), number=False)
        provenance = committed.metadata.get("sp_pathways", {})
        if not committable(provenance):
            return 1, None, (
                "%s: its committed outputs came from %r data%s, not the bundled synthetic exports; "
                "re-run `npm start` without local data or SP_AREA before committing"
                % (rel, provenance.get("data"), " (area %s)" % provenance["area"] if provenance.get("area") else "")
            )
        old, new = comparable(committed), comparable(nb)
        if old != new:
            return 1, None, (
                "%s: committed outputs are stale (re-run `npm start` and commit)\n%s" % (rel, first_difference(old, new))
            )
        result["current"] = True
    else:
        out = out or path
        if os.path.exists(out):
            result["images_kept"] = keep_committed_images(nb, nbformat.read(out, as_version=4))
        nbformat.write(nb, out)
        if html:
            # nbconvert's exporter is plain CPU work: a thread keeps the other notebooks' kernels answered meanwhile.
            written = await asyncio.to_thread(render_html, nb, path, html)
            result["html"] = os.path.relpath(written, ROOT)
    return 0, result, ""


async def run_batch(mode, paths, jobs, out_dir, html, timeout):
    """Runs `paths` at most `jobs` at a time; prints a JSON line when each starts and ends, as it happens."""
    slots = asyncio.Semaphore(jobs)

    def emit(event):
        sys.stdout.write(json.dumps(event) + "\n")
        sys.stdout.flush()

    async def one(index, path):
        async with slots:
            emit({"event": "start", "index": index})
            out = os.path.join(out_dir, os.path.basename(path)) if out_dir else path
            try:
                code, result, message = await run_notebook(mode, path, out, html, timeout)
            except Exception as err:  # one notebook's unexpected failure must not stop the others
                code, result, message = 1, None, "%s: %s: %s" % (os.path.relpath(path, ROOT), type(err).__name__, err)
            emit({"event": "end", "index": index, "code": code, "facts": result, "err": message})

    await asyncio.gather(*(one(i, p) for i, p in enumerate(paths)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["execute", "check"])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--out", help="one notebook: where to write it (default: in place)")
    parser.add_argument("--out-dir", help="batch: write executed notebooks here (default: in place)")
    parser.add_argument("--html")
    parser.add_argument("--jobs", type=int, help="batch mode: run the notebooks, this many at a time")
    parser.add_argument("--timeout", type=int, default=int(os.environ.get("SP_CELL_TIMEOUT", "180")))
    args = parser.parse_args()
    if args.jobs:
        asyncio.run(run_batch(args.mode, args.paths, args.jobs, args.out_dir, args.html, args.timeout))
        return 0
    if len(args.paths) != 1:
        parser.error("one notebook, or --jobs N for several")
    code, result, message = asyncio.run(run_notebook(args.mode, args.paths[0], args.out, args.html, args.timeout))
    if message:
        print(message, file=sys.stderr)
    if result:
        print(json.dumps(result))
    return code


if __name__ == "__main__":
    sys.exit(main())
