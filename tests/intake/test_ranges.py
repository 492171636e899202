"""Byte ranges for the evidence player (intake/web/ranges.py): what a Range header asks
for, and the part of the file that is sent."""

import io

from django.test import SimpleTestCase

from intake.web.ranges import FileRange, Unsatisfiable, requested_range

SIZE = 1000


class RequestedRangeTests(SimpleTestCase):
    def test_the_forms_of_one_range(self):
        cases = {
            "bytes=0-9": (0, 9),
            "bytes=990-": (990, 999),  # open-ended
            "bytes=-10": (990, 999),  # the last ten
            "bytes=-5000": (0, 999),  # more than the file: all of it
            "bytes=10-5000": (10, 999),
            "bytes=999-999": (999, 999),
            "Bytes = 5 - 6 ": (5, 6),
            f"bytes=0-{'9' * 40}": (0, 999),  # a last byte far beyond the file
            f"bytes=-{'9' * 40}": (0, 999),
        }
        for header, expected in cases.items():
            with self.subTest(header=header):
                self.assertEqual(requested_range(header, SIZE), expected)

    def test_the_whole_file_for_other_units_several_ranges_or_no_header(self):
        for header in (None, "", "items=0-9", "bytes", "bytes=0-1,5-6", "bytes=0-1, -5"):
            with self.subTest(header=header):
                self.assertIsNone(requested_range(header, SIZE))

    def test_unsatisfiable_or_malformed_ranges(self):
        for header in (
            "bytes=1000-",
            "bytes=9-3",
            "bytes=-0",
            "bytes=-",
            "bytes=abc",
            "bytes=٣-٥",  # digits, but not ASCII ones
            f"bytes={'9' * 5000}-",  # past Python's 4,300-digit limit for int()
            f"bytes=-{'9' * 5000}x",
        ):
            with self.subTest(header=header[:40]), self.assertRaises(Unsatisfiable):
                requested_range(header, SIZE)

    def test_an_empty_file_has_no_range(self):
        for header in ("bytes=0-", "bytes=-1", "bytes=0-0"):
            with self.subTest(header=header), self.assertRaises(Unsatisfiable):
                requested_range(header, 0)


class FileRangeTests(SimpleTestCase):
    def test_it_yields_the_range_in_chunks(self):
        data = bytes(range(256)) * 4
        chunks = list(FileRange(io.BytesIO(data), 10, 500, chunk_size=100))
        self.assertEqual(b"".join(chunks), data[10:501])
        self.assertEqual(max(len(chunk) for chunk in chunks), 100)

    def test_closing_it_closes_the_file_even_if_nothing_was_read(self):
        file = io.BytesIO(b"x" * 100)
        FileRange(file, 0, 9).close()
        self.assertTrue(file.closed)
