#!/usr/bin/env bash
# Checks the system libraries the portal needs and prints the exact apt-get line for what is missing.
set -u
missing=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib 'libpango-1.0.so' || missing+=(libpango-1.0-0)
have_lib 'libpangoft2-1.0.so' || missing+=(libpangoft2-1.0-0)
have_lib 'libharfbuzz-subset.so' || missing+=(libharfbuzz-subset0)
command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
# Removes metadata from uploaded recordings and videos (intake/metadata.py).
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
# Speaks the default voice prompts in English and Kiswahili (manage.py make_voice_prompts).
command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Missing system packages. Install them with:"
  echo "  sudo apt-get install -y ${missing[*]}"
  exit 1
fi
