import secrets

from django.core.management.base import BaseCommand, CommandError

from cases.models import Case
from demo.seeding import LiveMessagesRefused, seed_demo_cases, seed_demo_cases_fast


class Command(BaseCommand):
    help = (
        "Create demo cases with their timelines, spread over the last years. By default every "
        "step goes through the case operations; --fast bulk-creates them for benchmarks."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=200, help="How many cases to add.")
        parser.add_argument("--seed", type=int, help="Random seed; the same seed, the same cases.")
        parser.add_argument("--years", type=float, default=3, help="How far back cases go.")
        parser.add_argument(
            "--if-empty", action="store_true", help="Add nothing when any case exists already."
        )
        parser.add_argument(
            "--fast", action="store_true", help="Bulk-create (for large benchmark data sets)."
        )
        parser.add_argument(
            "--batch-size", type=int, default=5000, help="Cases per bulk insert with --fast."
        )

    def handle(self, *args, count, seed, years, if_empty, fast, batch_size, **options):
        if count < 0 or years <= 0 or batch_size < 1:
            raise CommandError("--count, --years and --batch-size must be positive.")
        if if_empty and Case.objects.exists():
            self.stdout.write("Cases exist already: no demo cases added.")
            return
        if seed is None:
            seed = secrets.randbelow(10**6)
        self.stdout.write(f"Seeding {count:,} demo cases with --seed {seed}.")
        seed_function = seed_demo_cases_fast if fast else seed_demo_cases
        extra = {"batch_size": batch_size} if fast else {}
        try:
            made = seed_function(
                count=count, seed=seed, years=years, progress=self.stdout.write, **extra
            )
        except LiveMessagesRefused as refusal:
            raise CommandError(str(refusal)) from None
        self.stdout.write(self.style.SUCCESS(f"{made:,} demo cases added."))
