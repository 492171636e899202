"""Generate the default audio of every voice prompt in English and Kiswahili (espeak-ng).

Only prompts whose text changed since the last run are made again (``--force`` makes all),
so ``make run`` can call it every time. Editors' recordings (Voice prompts in the admin) are
played instead of these wherever they exist.
"""

from django.core.management.base import BaseCommand, CommandError

from intake.gateways.prompt_audio import (
    PromptAudioError,
    espeak_available,
    generate_defaults,
    prompts_root,
)
from intake.gateways.prompts import LANGUAGES, all_prompts


class Command(BaseCommand):
    help = "Generate the voice prompts' default audio files with espeak-ng and ffmpeg."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Make every file again.")
        parser.add_argument("--language", choices=LANGUAGES, help="Only this language.")

    def handle(self, *args, force, language, **options):
        if not espeak_available():
            raise CommandError(
                "espeak-ng is not installed: apt-get install espeak-ng (see "
                "scripts/check-system-packages.sh)."
            )
        languages = [language] if language else list(LANGUAGES)
        try:
            made, unchanged = generate_defaults(all_prompts(), force=force, languages=languages)
        except PromptAudioError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Voice prompts in {prompts_root()}: {made} made, {unchanged} unchanged "
            f"({', '.join(languages)})."
        )
