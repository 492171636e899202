from django.core.management.base import BaseCommand

from demo.examples import load_example_authorities, load_example_response_templates


class Command(BaseCommand):
    help = (
        "Load example duty bearers (marked as examples, with placeholder e-mails under "
        "example.org) and example response templates. Safe to run again: it changes nothing "
        "the second time and leaves authorities no longer marked as examples alone."
    )

    def handle(self, *args, **options):
        authorities = load_example_authorities()
        templates = load_example_response_templates()
        self.stdout.write(f"Example authorities: {authorities}.")
        self.stdout.write(f"Example response templates: {templates}.")
