"""The declared dependencies match what the course teaches and what is installed.

The lessons teach pandas 3 (text columns of dtype ``str``, copy-on-write); on pandas 2,
``select_dtypes(include="str")`` raises. So pyproject.toml must not allow pandas 2.
"""
from __future__ import annotations

import json
import re
import tomllib
from importlib.metadata import version
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

REPO = Path(__file__).resolve().parents[2]


def declared(package: str) -> Requirement:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    (requirement,) = [r for r in map(Requirement, project["dependencies"]) if r.name == package]
    return requirement


def lower_bound(requirement: Requirement) -> Version:
    bounds = [Version(s.version) for s in requirement.specifier if s.operator in (">=", "~=", "==")]
    assert bounds, f"{requirement} declares no lower bound"
    return max(bounds)


def test_the_installed_pandas_satisfies_the_declared_requirement():
    requirement = declared("pandas")
    assert requirement.specifier.contains(version("pandas"), prereleases=True), (
        f"pandas {version('pandas')} is installed, pyproject.toml asks for {requirement}")


def test_pandas_3_is_required_as_lesson_4_says():
    assert lower_bound(declared("pandas")) >= Version("3.0")
    assert Version(version("pandas")).major >= 3
    cells = json.loads((REPO / "notebooks" / "04_data_handling.ipynb").read_text(encoding="utf-8"))["cells"]
    text = "".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")
    (claimed,) = re.findall(r"this course uses \*\*pandas (\d+)\*\*", text)
    assert int(claimed) == lower_bound(declared("pandas")).major
