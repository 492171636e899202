"""Factories shared by the test suite."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cases.actions import create_case
from cases.models import Authority, AuthorityKind, Channel, CountyLimit
from cases.rules import Actor
from refdata.models import County, Sector


def county(name):
    return County.objects.get(name=name)


def sector(slug):
    return Sector.objects.get(slug=slug)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct-horse-battery")
    is_staff = True

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        for name in names or []:
            self.groups.add(Group.objects.get(name=name))

    @factory.post_generation
    def counties(self, create, names, **kwargs):
        if names:
            limit, _ = CountyLimit.objects.get_or_create(user=self)
            limit.counties.set([county(name) for name in names])


def case_worker(username="worker", counties=None):
    return UserFactory(username=username, groups=["Case workers"], counties=counties)


def supervisor(username="supervisor", counties=None):
    return UserFactory(username=username, groups=["Case supervisors"], counties=counties)


def editor(username="editor"):
    return UserFactory(username=username, groups=["Editors", "Moderators"])


class AuthorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Authority
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Water Department {n}")
    kind = AuthorityKind.COUNTY
    email = factory.Sequence(lambda n: f"authority{n}@example.go.ke")
    response_days = 10

    @factory.post_generation
    def sectors(self, create, slugs, **kwargs):
        for slug in slugs or []:
            self.sectors.add(sector(slug))

    @factory.post_generation
    def counties(self, create, names, **kwargs):
        for name in names or []:
            self.counties.add(county(name))


def make_case(*, county_name="Nairobi City", sector_slug="water", **overrides):
    values = {
        "by": Actor.system("tests"),
        "channel": Channel.WEB,
        "description": "The water kiosk on our street has been dry for three weeks.",
        "sector": sector(sector_slug) if sector_slug else None,
        "county": county(county_name) if county_name else None,
        "location": "Kibera, Olympic estate",
        "complainant_name": "Achieng Otieno",
        "complainant_phone": "0712 345 678",
        "consent_to_contact": True,
    }
    values.update(overrides)
    return create_case(**values)
