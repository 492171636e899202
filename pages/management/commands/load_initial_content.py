"""``manage.py load_initial_content``: create the public site's initial pages. Safe to rerun."""

from django.core.management.base import BaseCommand, CommandError

from pages.initial_content import InitialContentError, load_initial_content


class Command(BaseCommand):
    help = (
        "Create the home page, the rights, conventions and reports sections, the baseline "
        "survey report and the about, contact and privacy pages, in English and Kiswahili. "
        "Existing pages and translations are left as they are."
    )

    def handle(self, *args, **options):
        try:
            result = load_initial_content()
        except InitialContentError as error:
            raise CommandError(str(error)) from error
        verbosity = options["verbosity"]
        for item in result.created:
            if verbosity >= 1:
                self.stdout.write(f"Created {item}")
        for item in result.kept:
            if verbosity >= 2:
                self.stdout.write(f"Already present: {item}")
        for item in result.untranslated:
            self.stdout.write(
                self.style.WARNING(
                    f"Not translated: {item} (its English page was edited; translate it in "
                    "the admin)"
                )
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Initial content: {len(result.created)} created, "
                f"{len(result.kept)} already present."
            )
        )
