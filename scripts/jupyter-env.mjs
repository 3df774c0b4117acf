// The environment every Jupyter process of this project runs with: the project's own kernel, config and
// runtime folders, so nothing is written outside the repository.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

// Debian's Jupyter lives under /usr/bin/python3; a python3 earlier on PATH (pyenv, conda) may lack it.
// SP_PYTHON overrides, e.g. for a conda environment built from environment.yml.
export const python =
  process.env.SP_PYTHON || (existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3");

export function jupyterEnv(root) {
  const runtime = path.join(root, "build", "jupyter", "runtime");
  const data = path.join(root, "build", "jupyter", "data");
  mkdirSync(runtime, { recursive: true });
  mkdirSync(data, { recursive: true });
  return {
    ...process.env,
    TZ: "Europe/London",
    JUPYTER_PATH: [path.join(root, "jupyter"), process.env.JUPYTER_PATH].filter(Boolean).join(path.delimiter),
    JUPYTER_CONFIG_DIR: path.join(root, "jupyter", "config"),
    JUPYTER_RUNTIME_DIR: runtime,
    JUPYTER_DATA_DIR: data,
    JUPYTER_PLATFORM_DIRS: "1",
    PYTHONNOUSERSITE: "1",
    PYTHONDONTWRITEBYTECODE: "1",
  };
}
