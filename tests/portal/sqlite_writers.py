"""Run by ``test_sqlite_concurrency`` in its own process: several threads write at once to the
SQLite file named by DATABASE_URL, as the server, the worker and a command do. Half the threads
post Open311 requests (whose transaction reads before it writes), half call ``create_case``.

Prints one line per failed write and exits non-zero if any failed."""

import os
import sys
import threading

import django

THREADS = int(os.environ.get("WRITER_THREADS", "4"))
WRITES_PER_THREAD = int(os.environ.get("WRITER_CASES", "5"))


def main():
    django.setup()
    from django.db import connection
    from django.test import Client

    from cases.actions import create_case
    from cases.models import Channel
    from cases.rules import Actor
    from open311.keys import issue_key

    _api_key, raw_key = issue_key(f"Writer {os.getpid()}")
    connection.close()
    barrier = threading.Barrier(THREADS)
    failures = []

    def post_open311(index, number):
        response = Client().post(
            "/open311/v2/requests.json",
            {
                "api_key": raw_key,
                "service_code": "water",
                "address_string": "Olympic estate, Kibera, Nairobi City County",
                "description": f"Writer {os.getpid()}-{index}-{number}: the kiosk is dry.",
            },
        )
        if response.status_code != 200:
            failures.append(f"Open311 answered {response.status_code}: {response.content!r}")

    def call_create_case(index, number):
        create_case(
            by=Actor.system("writer"),
            channel=Channel.WEB,
            description=f"Writer {os.getpid()}-{index}-{number}: the borehole is dry.",
            complainant_phone="0712 345 678",
            consent_to_contact=True,
        )

    def write(index):
        write_one = post_open311 if index % 2 == 0 else call_create_case
        try:
            barrier.wait()
            for number in range(WRITES_PER_THREAD):
                write_one(index, number)
        except Exception as error:  # noqa: BLE001 - reported to the test
            failures.append(f"{type(error).__name__}: {error}")
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    for failure in failures:
        print(failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
