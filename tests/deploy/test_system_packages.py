"""The two README commands on a fresh Debian machine: ``make run`` (through
scripts/check-system-packages.sh) installs what is missing as root or with passwordless sudo,
and otherwise prints the exact apt-get line; the README's own install line never asks apt for
npm where Node.js already brought it (Debian's npm conflicts with NodeSource's nodejs).

The machine is simulated with stand-ins on PATH for ldconfig (which libraries exist), id,
sudo and apt-get (which record what they were asked)."""

import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
SCRIPT = ROOT / "scripts" / "check-system-packages.sh"
LIBRARIES = "libpango-1.0.so.0 libpangoft2-1.0.so.0 libharfbuzz-subset.so.0 libmagic.so.1"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
# The stand-in ldconfig knows none of these until apt-get ran; the tools are stood in for.
MISSING = ["libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0", "libmagic1"] + (
    [] if FONT.exists() else ["fonts-dejavu-core"]
)


def stub(directory, name, body):
    path = directory / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)


@pytest.fixture
def machine(tmp_path):
    """A machine without the PDF and file-type libraries, until apt-get installs them."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "commands.log"
    installed = tmp_path / "installed"
    stub(
        bin_dir,
        "ldconfig",
        f'[ -e "{installed}" ] && for l in {LIBRARIES}; do echo "\t$l (libc6) => /x/$l"; done',
    )
    stub(bin_dir, "apt-get", f'echo "apt-get $*" >> "{log}"; touch "{installed}"')
    for tool in ("msgfmt", "ffmpeg"):
        stub(bin_dir, tool, "exit 0")

    def run(uid, sudo_works=None, **env):
        stub(bin_dir, "id", f"echo {uid}")
        if sudo_works is None:
            (bin_dir / "sudo").unlink(missing_ok=True)
        else:
            stub(
                bin_dir,
                "sudo",
                f'if [ "$1" = -n ] && [ "$2" = true ]; then exit {0 if sudo_works else 1}; fi\n'
                f'echo "sudo $*" >> "{log}"; "$@"',
            )
        result = subprocess.run(
            ["bash", str(SCRIPT)],
            capture_output=True,
            text=True,
            env={**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", **env},
        )
        commands = log.read_text().splitlines() if log.exists() else []
        return result, commands

    return run


def test_as_root_it_installs_what_is_missing(machine):
    result, commands = machine(uid=0)
    assert result.returncode == 0, result.stdout + result.stderr
    assert commands[0] == "apt-get update -qq"
    assert commands[1] == "apt-get install -y -qq --no-install-recommends " + " ".join(MISSING)


def test_with_passwordless_sudo_it_installs_through_sudo(machine):
    result, commands = machine(uid=1000, sudo_works=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert commands[0] == "sudo apt-get update -qq"
    assert commands[2] == (
        "sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "
        + " ".join(MISSING)
    )


@pytest.mark.parametrize("sudo_works", [None, False], ids=["no sudo", "sudo asks a password"])
def test_otherwise_it_prints_the_exact_line(machine, sudo_works):
    result, commands = machine(uid=1000, sudo_works=sudo_works)
    assert result.returncode == 1
    assert commands == []
    assert f"  sudo apt-get install -y {' '.join(MISSING)}\n" in result.stdout


def test_nothing_missing_nothing_done(machine, tmp_path):
    (tmp_path / "installed").touch()
    result, commands = machine(uid=0)
    assert (result.returncode, commands, result.stdout) == (0, [], "")


def readme_install_line():
    text = (ROOT / "README.md").read_text()
    block = text.split("## System packages", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    return block.replace("\\\n", " ")


@pytest.mark.parametrize("npm_installed", [True, False], ids=["Node.js with npm", "no Node.js"])
def test_the_readme_install_line_asks_for_npm_only_where_it_is_missing(tmp_path, npm_installed):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "apt.log"
    stub(bin_dir, "sudo", '"$@"')
    stub(bin_dir, "apt-get", f'echo "$*" >> "{log}"')
    if npm_installed:
        stub(bin_dir, "npm", "echo 10.8.2")
    # Only the stand-ins and the shell's basics: whatever this machine has is not seen.
    path = f"{bin_dir}:/usr/bin:/bin"
    if not npm_installed:
        path = str(bin_dir)
        for tool in ("sh", "bash"):
            (bin_dir / tool).symlink_to(f"/bin/{tool}")
    result = subprocess.run(
        ["/bin/sh", "-c", readme_install_line()],
        capture_output=True,
        text=True,
        env={"PATH": path},
    )
    assert result.returncode == 0, result.stderr
    packages = re.split(r"\s+", log.read_text().strip())
    assert packages[:2] == ["install", "-y"]
    assert "chromium" in packages and "python3.11-venv" in packages
    if npm_installed:
        assert "npm" not in packages and "nodejs" not in packages
    else:
        assert "npm" in packages and "nodejs" in packages
