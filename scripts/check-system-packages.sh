#!/usr/bin/env bash
# The system packages the portal needs to run (Debian/Ubuntu). What is missing is installed
# when this runs as root or can sudo without a password; otherwise it prints the exact
# apt-get line and fails. HUDUMA_NO_INSTALL=1 only prints. PYTHON names the interpreter
# `make` will use (python3.11 by default).
set -u
PYTHON=${PYTHON:-$(command -v python3.11 || command -v python3 || true)}
missing=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib 'libpango-1.0.so' || missing+=(libpango-1.0-0)
have_lib 'libpangoft2-1.0.so' || missing+=(libpangoft2-1.0-0)
have_lib 'libharfbuzz-subset.so' || missing+=(libharfbuzz-subset0)
# python-magic reads uploads' real types with it.
have_lib 'libmagic.so.1' || missing+=(libmagic1)
command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
# Removes metadata from uploaded recordings and videos (intake/metadata.py).
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
# Speaks the default voice prompts in English and Kiswahili (manage.py make_voice_prompts).
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
# Debian ships venv's pip bootstrap separately (python3.11-venv).
if [ -z "$PYTHON" ]; then
  missing+=(python3.11 python3.11-venv)
elif ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  missing+=("$("$PYTHON" -c 'import sys; print("python%d.%d-venv" % sys.version_info[:2])')")
fi

[ ${#missing[@]} -eq 0 ] && exit 0

runner=""
if [ "${HUDUMA_NO_INSTALL:-0}" != 1 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    runner=env
  elif command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    runner=sudo
  fi
fi
if [ -z "$runner" ]; then
  echo "Missing system packages. Install them with:"
  echo "  sudo apt-get install -y ${missing[*]}"
  exit 1
fi
echo "Installing missing system packages: ${missing[*]}"
$runner apt-get update -qq || exit 1
$runner env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends "${missing[@]}" || exit 1
