"""Execute, normalise, compare and render one notebook with the project's tslab kernel.

Run with Debian's /usr/bin/python3 (it has nbclient and nbconvert); scripts/run-notebooks.mjs drives it.
  notebook.py execute IN --out OUT [--html DIR]   execute and write normalised outputs (OUT may be IN)
  notebook.py check IN                            execute a copy; exit 1 if IN's committed outputs are stale
Prints one JSON line of facts (seconds, figures, receipts) on stdout for the runner.
"""

import argparse
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


def execute(nb, timeout):
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
    client.execute(cwd=ROOT)
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["execute", "check"])
    parser.add_argument("path")
    parser.add_argument("--out")
    parser.add_argument("--html")
    parser.add_argument("--timeout", type=int, default=int(os.environ.get("SP_CELL_TIMEOUT", "180")))
    args = parser.parse_args()
    rel = os.path.relpath(args.path, ROOT)
    try:
        for attempt in (1, 2):
            nb = nbformat.read(args.path, as_version=4)
            try:
                nb, seconds = execute(nb, args.timeout)
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
        print("%s: a cell failed\n%s\n%s" % (rel, source, detail), file=sys.stderr)
        return 1
    except RuntimeError as err:
        print("%s: the kernel did not start: %s" % (rel, err), file=sys.stderr)
        return 1
    problems = errors_in(nb)
    if problems:
        print("%s: %s" % (rel, "; ".join(problems)), file=sys.stderr)
        return 1
    result = {"path": rel, "seconds": round(seconds, 2)}
    result.update(facts(nb))
    if args.mode == "check":
        committed = normalise(nbformat.read(args.path, as_version=4), number=False)
        provenance = committed.metadata.get("sp_pathways", {})
        if not committable(provenance):
            print(
                "%s: its committed outputs came from %r data%s, not the bundled synthetic exports; "
                "re-run `npm start` without local data or SP_AREA before committing"
                % (rel, provenance.get("data"), " (area %s)" % provenance["area"] if provenance.get("area") else ""),
                file=sys.stderr,
            )
            return 1
        old, new = comparable(committed), comparable(nb)
        if old != new:
            print(
                "%s: committed outputs are stale (re-run `npm start` and commit)\n%s"
                % (rel, first_difference(old, new)),
                file=sys.stderr,
            )
            return 1
        result["current"] = True
    else:
        out = args.out or args.path
        if os.path.exists(out):
            result["images_kept"] = keep_committed_images(nb, nbformat.read(out, as_version=4))
        nbformat.write(nb, out)
        if args.html:
            result["html"] = os.path.relpath(render_html(nb, args.path, args.html), ROOT)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
