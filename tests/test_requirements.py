"""requirements.txt stays readable (minimum versions); requirements.lock pins every install."""

from __future__ import annotations

import re
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


def _pins() -> dict[str, str]:
    lines = [line for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    assert all(re.fullmatch(r"[A-Za-z0-9._-]+==[A-Za-z0-9.+!-]+", line) for line in lines), lines
    return {canonicalize_name(name): version for name, version in (line.split("==") for line in lines)}


def test_every_requirement_is_pinned_within_its_range() -> None:
    pins = _pins()
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if line:
            requirement = Requirement(line)
            version = pins.get(canonicalize_name(requirement.name))
            assert version is not None, f"{requirement.name} is not in requirements.lock (run .ci/lock)"
            assert requirement.specifier.contains(version, prereleases=True), f"{requirement.name}=={version}"


def test_setup_installs_with_the_lock_as_constraints() -> None:
    assert "-r requirements.txt -c requirements.lock" in (ROOT / ".ci" / "setup").read_text(encoding="utf-8")
