"""The wheel: built from this checkout, installed apart from it, it works from anywhere.

The grammar lives in the top-level grammar/ folder and must reach the wheel as
package data; the console script must run; nothing may depend on the checkout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel built from this checkout installed
    (its dependencies from the package index); returns its bin/ (Scripts\\) folder."""
    work = tmp_path_factory.mktemp("wheel")
    dist = work / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(dist), str(ROOT)],
        check=True,
        cwd=work,
    )
    (wheel,) = dist.glob("gotmpl-*.whl")
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
    assert "gotmpl/parse/gotmpl.lark" in names
    assert "gotmpl/py.typed" in names  # users' type checkers read gotmpl's hints
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, cwd=work)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "-q", str(wheel)], check=True, cwd=work
    )
    return bin_dir


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(
        list(args), cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8"
    )


def test_installed_package_loads_its_grammar_from_the_wheel(
    installed: Path, tmp_path: Path
) -> None:
    code = (
        "import gotmpl, json;"
        "print(json.dumps([gotmpl.__file__, gotmpl.render('{{range .}}<{{.}}>{{end}}', [1, 2])]))"
    )
    done = _run(str(installed / "python"), "-c", code, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    module_file, output = json.loads(done.stdout)
    assert Path(module_file).is_relative_to(installed.parent)
    assert output == "<1><2>"


def test_console_script_renders_the_example(installed: Path, tmp_path: Path) -> None:
    script = installed / ("gotmpl.exe" if os.name == "nt" else "gotmpl")
    done = _run(str(script), "--version", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("gotmpl ")
    examples = ROOT / "examples"
    done = _run(
        str(script),
        "render",
        "--profile",
        "cubeapm",
        str(examples / "pagerduty.tmpl"),
        "--data",
        str(examples / "alerts.json"),
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["payload"]["source"] == "CubeAPM"


def test_ci_runs_the_readmes_second_command() -> None:
    """.ci/run is the README's second command (linters and type check included)."""
    readme = (ROOT / "README.md").read_text("utf-8")
    blocks = readme.split("```sh\n")
    second = blocks[2].split("\n", 1)[0]
    for tool in ("ruff check", "ruff format --check", "mypy", "pytest"):
        assert tool in second
    assert second in (ROOT / ".ci" / "run").read_text("utf-8")
