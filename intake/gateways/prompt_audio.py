"""The voice prompts as audio files: where they are, how they are made, their URLs.

Defaults are generated from the prompt texts (``prompts``) with espeak-ng and converted by
ffmpeg to small MP3s (8 kHz mono, what a phone call carries) under
``settings.VOICE_PROMPTS_ROOT/<language>/<key>.mp3``, with a manifest of the texts they were
made from so that only changed prompts are made again. An editor's ``VoicePrompt`` recording
replaces the default. The portal serves both itself (``views.voice_prompt``) at absolute URLs
from ``settings.BASE_URL``; each URL carries a version so a replaced prompt is fetched anew.
"""

import hashlib
import json
import logging
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from django.conf import settings
from django.urls import reverse

from ..models import VoicePrompt
from .prompts import LANGUAGES

logger = logging.getLogger(__name__)

ESPEAK_VOICES = {"en": "en", "sw": "sw"}
ESPEAK_SPEED = 150  # words per minute: a little slower than espeak's 175, for a phone line
MANIFEST = "manifest.json"
# ffmpeg: mono, 8 kHz, 24 kbit/s MP3 without metadata: small and what telephony plays.
FFMPEG_MP3 = ["-ac", "1", "-ar", "8000", "-codec:a", "libmp3lame", "-b:a", "24k"]
FFMPEG_MP3 += ["-map_metadata", "-1", "-f", "mp3"]
TIMEOUT_SECONDS = 60


class PromptAudioError(RuntimeError):
    pass


def prompts_root():
    return Path(settings.VOICE_PROMPTS_ROOT)


def default_path(key, language):
    return prompts_root() / language / f"{key}.mp3"


def espeak_available():
    return shutil.which("espeak-ng") is not None


def _run(command, *, data):
    try:
        completed = subprocess.run(  # noqa: S603 - fixed programs, arguments are a list
            command, input=data, capture_output=True, timeout=TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PromptAudioError(f"{command[0]} failed: {error}") from error
    if completed.returncode != 0:
        message = completed.stderr.decode(errors="replace")[-300:]
        raise PromptAudioError(f"{command[0]} failed: {message}")
    return completed.stdout


def to_phone_mp3(audio_bytes):
    """Any audio ffmpeg reads, as the small MP3 the calls play."""
    ffmpeg = ["ffmpeg", "-hide_banner", "-loglevel", "error", "-i", "pipe:0"]
    return _run([*ffmpeg, *FFMPEG_MP3, "pipe:1"], data=audio_bytes)


def synthesise(text, language):
    """The text spoken by espeak-ng in the language's voice, as MP3 bytes."""
    if not espeak_available():
        raise PromptAudioError("espeak-ng is not installed (apt-get install espeak-ng)")
    # The text goes in on stdin, never as an argument (a text starting with "-" is no option).
    command = ["espeak-ng", "-v", ESPEAK_VOICES[language], "-s", str(ESPEAK_SPEED)]
    wave = _run([*command, "--stdin", "--stdout"], data=text.encode())
    return to_phone_mp3(wave)


def _fingerprint(text, language):
    source = f"{ESPEAK_VOICES[language]}|{ESPEAK_SPEED}|{' '.join(FFMPEG_MP3)}|{text}"
    return hashlib.sha256(source.encode()).hexdigest()[:16]


def _read_manifest(directory):
    try:
        return json.loads((directory / MANIFEST).read_text())
    except (OSError, ValueError):
        return {}


def generate_defaults(prompts, *, force=False, languages=LANGUAGES):
    """Write the default file of every prompt whose text changed (or every one with
    ``force``); returns (made, unchanged) counts. ``prompts`` is ``{key: {language: text}}``."""
    made = unchanged = 0
    for language in languages:
        directory = prompts_root() / language
        directory.mkdir(parents=True, exist_ok=True)
        manifest = _read_manifest(directory)
        wanted = {key: texts[language] for key, texts in prompts.items()}
        stale = [
            key
            for key, text in wanted.items()
            if force
            or manifest.get(key) != _fingerprint(text, language)
            or not (directory / f"{key}.mp3").exists()
        ]
        unchanged += len(wanted) - len(stale)

        def make(key, directory=directory, language=language, wanted=wanted):
            path = directory / f"{key}.mp3"
            temporary = path.with_suffix(".tmp")
            temporary.write_bytes(synthesise(wanted[key], language))
            temporary.replace(path)  # a call never plays a half-written file
            return key

        # espeak-ng and ffmpeg are separate processes: one per core at a time.
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            for key in pool.map(make, stale):
                manifest[key] = _fingerprint(wanted[key], language)
                made += 1
        (directory / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return made, unchanged


class PromptFiles:
    """Which audio plays for each prompt in one language: one query for the editors'
    recordings, then a file check per default."""

    def __init__(self, language):
        self.language = language
        self.recorded = {
            prompt.key: prompt
            for prompt in VoicePrompt.objects.filter(language=language).exclude(audio="")
        }

    def source(self, key):
        """(path, version) of the file to play, or None when there is none."""
        prompt = self.recorded.get(key)
        if prompt is not None:
            return prompt.audio.path, f"r{int(prompt.updated_at.timestamp())}"
        path = default_path(key, self.language)
        try:
            return path, f"d{int(path.stat().st_mtime)}"
        except OSError:
            return None

    def url(self, key):
        """The absolute URL the gateway fetches, or None when no file exists."""
        found = self.source(key)
        if found is None:
            return None
        location = reverse("voice_prompt", kwargs={"language": self.language, "key": key})
        return f"{settings.BASE_URL}{location}?v={found[1]}"
