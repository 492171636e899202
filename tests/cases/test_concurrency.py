"""Concurrent creation and transitions with real threads and real transactions (PostgreSQL)."""

import threading
import unittest

from django.db import close_old_connections, connection, transaction
from django.test import TestCase, TransactionTestCase
from django_fsm import ConcurrentTransition

from cases import actions
from cases.exceptions import CaseChanged
from cases.models import Case, CaseLogEntry, CaseState
from refdata.loading import load_counties, load_sectors
from refdata.models import County, Sector
from tests.factories import AuthorityFactory, case_worker, make_case

THREADS = 8


def run_in_threads(target, count):
    barrier = threading.Barrier(count)
    results, errors = [], []

    def worker(index):
        try:
            barrier.wait()
            results.append(target(index))
        except Exception as error:  # noqa: BLE001 - collected and asserted by the test
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results, errors


@unittest.skipUnless(connection.vendor == "postgresql", "needs PostgreSQL's row locks")
class ConcurrencyTests(TransactionTestCase):
    # Groups come from a data migration, which a flushed database no longer has.
    serialized_rollback = True

    def setUp(self):
        load_counties(County)
        load_sectors(Sector)
        self.worker = case_worker()
        self.water = AuthorityFactory(name="Nairobi City Water", sectors=["water"])

    def test_concurrent_creation_gives_unique_consecutive_references(self):
        results, errors = run_in_threads(lambda i: make_case().reference, THREADS)
        self.assertEqual(errors, [])
        self.assertEqual(len(set(results)), THREADS)
        numbers = sorted(int(reference.rsplit("-", 1)[1]) for reference in results)
        self.assertEqual(numbers, list(range(numbers[0], numbers[0] + THREADS)))

    def test_only_one_of_two_concurrent_forwards_wins(self):
        case = make_case()

        def forward(index):
            stale = Case.objects.get(pk=case.pk)
            return actions.forward_case(case=stale, authority=self.water, by=self.worker)

        results, errors = run_in_threads(forward, 2)
        self.assertEqual(len(results), 1)
        self.assertEqual(len(errors), 1)
        self.assertIsInstance(errors[0], CaseChanged)
        case.refresh_from_db()
        self.assertEqual(case.state, CaseState.FORWARDED)
        self.assertEqual(CaseLogEntry.objects.filter(case=case, action="cases.forward").count(), 1)


class StaleCopyTests(TestCase):
    """The FSM's own guard (ConcurrentTransitionMixin) behind the operations' row locks."""

    def test_a_copy_saved_after_its_status_changed_elsewhere_is_refused(self):
        case = make_case()
        stale = Case.objects.get(pk=case.pk)
        Case.objects.filter(pk=case.pk).update(state=CaseState.FORWARDED)
        with self.assertRaises(ConcurrentTransition), transaction.atomic():
            stale.save()
        self.assertEqual(Case.objects.get(pk=case.pk).state, CaseState.FORWARDED)
