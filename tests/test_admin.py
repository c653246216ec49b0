"""The editors' admin: pages, permissions, search, edits that stick, merge."""

from datetime import date

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from tests.factories import link_actor, make_actor, make_claim, make_event, make_source
from timeline.curation import rederive_event
from timeline.models import Actor, Claim, Event, EventKey

pytestmark = pytest.mark.django_db

TEXT = (
    "李开复于2023年3月创立01.AI。\n"
    "零一萬物於2023年成立。\n"
    "零一万物2023年年中成立后到现在产品路线模糊。\n"
    "去年5月,零一萬物發佈千億參數模型Yi-Large。"
)


def staff_in(group: str, username: str) -> User:
    user = User.objects.create_user(username, password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(client):
    user = staff_in("editor", "editor")
    client.force_login(user)
    return user


@pytest.fixture
def founding():
    """The founding of 01.AI, dated differently by three claims."""
    source = make_source(text=TEXT, title="Founding sources")
    company = make_actor("01-ai", name="01.AI", aliases=["零一万物", "01.AI"])
    event = make_event(headline="Kai-Fu Lee founds 01.AI", type="founding")
    link_actor(event, company, "subject")
    for quote, date_text, start, end, precision in [
        ("李开复于2023年3月创立01.AI", "2023年3月", date(2023, 3, 1), date(2023, 3, 31), "month"),
        ("零一萬物於2023年成立", "2023年", date(2023, 1, 1), date(2023, 12, 31), "year"),
        ("零一万物2023年年中成立", "2023年年中", date(2023, 5, 1), date(2023, 8, 31), "part"),
    ]:
        make_claim(
            event=event,
            source=source,
            quote=quote,
            date_text=date_text,
            start=start,
            end=end,
            precision=precision,
        )
    return rederive_event(event)


def test_event_list_shows_dates_status_actors_and_sources(client, editor, founding):
    response = client.get(reverse("admin:timeline_event_changelist"))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Kai-Fu Lee founds 01.AI" in page
    assert "March 2023" in page
    assert "disputed" in page
    assert "01.AI" in page


def test_event_page_shows_each_quote_with_its_date_marked(client, editor, founding):
    response = client.get(reverse("admin:timeline_event_change", args=[founding.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "李开复于<mark>2023年3月</mark>创立01.AI" in page
    assert "零一萬物於<mark>2023年</mark>成立" in page
    assert "2023-05-01 … 2023-08-31 (part)" in page


@pytest.mark.parametrize("query", ["零一萬物", "零一万物", "01.ai"])
def test_search_finds_events_in_either_script(client, editor, founding, query):
    from timeline.curation import refresh_search_text

    refresh_search_text([founding])
    response = client.get(reverse("admin:timeline_event_changelist"), {"q": query})

    assert "Kai-Fu Lee founds 01.AI" in response.content.decode()


def test_search_without_a_match_lists_nothing(client, editor, founding):
    response = client.get(reverse("admin:timeline_event_changelist"), {"q": "百川"})

    assert response.context["cl"].result_count == 0


@pytest.mark.parametrize(
    "name",
    [
        "admin:timeline_event_changelist",
        "admin:timeline_actor_changelist",
        "admin:timeline_source_changelist",
        "admin:timeline_claim_changelist",
    ],
)
def test_anonymous_users_are_sent_to_the_login(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def change_form_data(event: Event, **changes) -> dict:
    data = {
        "headline": event.headline,
        "summary": event.summary,
        "type": event.type,
        "review": event.review,
        "date_start": event.date_start or "",
        "date_end": event.date_end or "",
        "date_precision": event.date_precision,
        "date_qualifier": event.date_qualifier,
        "date_edtf": event.date_edtf,
        "event_actors-TOTAL_FORMS": "0",
        "event_actors-INITIAL_FORMS": "0",
        "claims-TOTAL_FORMS": "0",
        "claims-INITIAL_FORMS": "0",
    }
    links = list(event.event_actors.all())
    data["event_actors-TOTAL_FORMS"] = data["event_actors-INITIAL_FORMS"] = str(len(links))
    for index, link in enumerate(links):
        data[f"event_actors-{index}-id"] = link.pk
        data[f"event_actors-{index}-event"] = event.pk
        data[f"event_actors-{index}-actor"] = link.actor_id
        data[f"event_actors-{index}-role"] = link.role
    claims = list(event.claims.all())
    data["claims-TOTAL_FORMS"] = data["claims-INITIAL_FORMS"] = str(len(claims))
    for index, claim in enumerate(claims):
        data[f"claims-{index}-id"] = claim.pk
        data[f"claims-{index}-event"] = event.pk
    data.update(changes)
    return data


def test_fixing_the_date_marks_the_event_edited(client, editor, founding):
    url = reverse("admin:timeline_event_change", args=[founding.pk])

    response = client.post(
        url,
        change_form_data(
            founding, date_start="2023-03-28", date_end="2023-03-28", date_precision="day"
        ),
    )

    assert response.status_code == 302, response.context["adminform"].errors
    founding.refresh_from_db()
    assert founding.edited
    assert (founding.date_start, founding.date_end) == (date(2023, 3, 28), date(2023, 3, 28))
    assert founding.date_edtf == "2023-03-28"
    assert founding.date_display == "28 March 2023"
    assert founding.status == "disputed"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        (
            {"date_start": "2023-03-02", "date_end": "2023-03-31", "date_precision": "month"},
            "date_precision",
        ),
        (
            {
                "date_start": "2023-03-01",
                "date_end": "2023-03-31",
                "date_precision": "month",
                "date_edtf": "garbage",
            },
            "date_edtf",
        ),
    ],
)
def test_a_date_that_does_not_fit_its_precision_is_refused(
    client, editor, founding, changes, field
):
    url = reverse("admin:timeline_event_change", args=[founding.pk])

    response = client.post(url, change_form_data(founding, **changes))

    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    founding.refresh_from_db()
    assert not founding.edited


def test_a_moved_date_gets_its_edtf_computed_afresh(client, editor, founding):
    founding.date_edtf = "2023"
    founding.save()
    url = reverse("admin:timeline_event_change", args=[founding.pk])

    response = client.post(
        url,
        change_form_data(
            founding, date_start="2023-04-01", date_end="2023-04-30", date_precision="month"
        ),
    )

    assert response.status_code == 302, response.context["adminform"].errors
    founding.refresh_from_db()
    assert founding.date_edtf == "2023-04"


def test_changing_only_the_summary_leaves_the_event_extracted(client, editor, founding):
    url = reverse("admin:timeline_event_change", args=[founding.pk])

    client.post(url, change_form_data(founding, summary="Three sources, three dates."))

    founding.refresh_from_db()
    assert founding.summary == "Three sources, three dates."
    assert not founding.edited


def test_merge_keeps_every_claim_and_actor_and_rederives_the_date(client, editor, founding):
    source = founding.claims.first().source
    yi_large = make_event(headline="01.AI releases Yi-Large", type="model_release")
    EventKey.objects.create(event=yi_large, key="model_release:yi-large")
    EventKey.objects.create(event=founding, key="founding:01-ai")
    link_actor(yi_large, founding.actors.get(), "subject")
    link_actor(yi_large, make_actor("yi-large", name="Yi-Large", kind="model"), "product")
    make_claim(
        event=yi_large,
        source=source,
        quote="去年5月,零一萬物發佈千億參數模型Yi-Large",
        date_text="去年5月",
        start=date(2024, 5, 1),
        end=date(2024, 5, 31),
        precision="month",
    )
    claim_ids = set(Claim.objects.values_list("pk", flat=True))
    changelist = reverse("admin:timeline_event_changelist")

    confirm = client.post(
        changelist,
        {"action": "merge_selected", "_selected_action": [founding.pk, yi_large.pk]},
    )
    assert "Merge into the chosen event" in confirm.content.decode()
    response = client.post(
        changelist,
        {
            "action": "merge_selected",
            "_selected_action": [founding.pk, yi_large.pk],
            "confirm": "yes",
            "target": founding.pk,
        },
    )

    assert response.status_code == 302
    assert list(Event.objects.all()) == [founding]
    founding.refresh_from_db()
    assert set(founding.claims.values_list("pk", flat=True)) == claim_ids
    assert set(founding.keys.values_list("key", flat=True)) == {
        "founding:01-ai",
        "model_release:yi-large",
    }
    assert sorted(founding.event_actors.values_list("actor__slug", "role")) == [
        ("01-ai", "subject"),
        ("yi-large", "product"),
    ]
    assert founding.status == "disputed"
    assert founding.edited


def test_merge_needs_two_events(client, editor, founding):
    response = client.post(
        reverse("admin:timeline_event_changelist"),
        {"action": "merge_selected", "_selected_action": [founding.pk]},
        follow=True,
    )

    assert "Select at least two events to merge." in response.content.decode()


def test_mark_verified_and_reject(client, editor, founding):
    changelist = reverse("admin:timeline_event_changelist")

    client.post(changelist, {"action": "mark_verified", "_selected_action": [founding.pk]})
    founding.refresh_from_db()
    assert founding.review == "verified"

    client.post(changelist, {"action": "mark_rejected", "_selected_action": [founding.pk]})
    founding.refresh_from_db()
    assert founding.review == "rejected"


def test_viewer_reads_but_cannot_change(client, founding):
    client.force_login(staff_in("viewer", "viewer"))
    url = reverse("admin:timeline_event_change", args=[founding.pk])

    assert client.get(reverse("admin:timeline_event_changelist")).status_code == 200
    assert client.get(url).status_code == 200
    response = client.post(url, change_form_data(founding, headline="Changed"))

    assert response.status_code == 403
    founding.refresh_from_db()
    assert founding.headline == "Kai-Fu Lee founds 01.AI"
    response = client.post(
        reverse("admin:timeline_event_changelist"),
        {"action": "mark_verified", "_selected_action": [founding.pk]},
    )
    founding.refresh_from_db()
    assert founding.review == "extracted"
    assert (
        client.post(
            reverse("admin:timeline_event_delete", args=[founding.pk]), {"post": "yes"}
        ).status_code
        == 403
    )


def test_editor_cannot_manage_users(client, editor):
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_actor_page_lists_aliases_and_finds_them_in_either_script(client, editor):
    make_actor("01-ai", name="01.AI", aliases=["零一万物"])

    response = client.get(reverse("admin:timeline_actor_changelist"), {"q": "零一萬物"})

    assert response.context["cl"].result_count == 1
    assert "零一万物" in response.content.decode()


def test_source_page_links_each_claim_to_its_event(client, editor, founding):
    source = founding.claims.first().source

    response = client.get(reverse("admin:timeline_source_change", args=[source.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert reverse("admin:timeline_event_change", args=[founding.pk]) in page
    assert "李开复于<mark>2023年3月</mark>创立01.AI" in page


# Reviewing discovered actors


def make_discovered(slug: str, *aliases: str) -> Actor:
    actor = make_actor(slug, name=aliases[0], aliases=aliases)
    actor.review = "discovered"
    actor.save()
    return actor


@pytest.fixture
def catl(founding):
    """宁德时代 discovered twice (once per script, under two slugs) and named by an event."""
    simplified = make_discovered("ning-de-shi-dai", "宁德时代")
    traditional = make_discovered("ning-de-shi-dai-2", "寧德時代", "CATL")
    link_actor(founding, simplified, "mentioned")
    link_actor(founding, traditional, "partner")
    return simplified, traditional


def actor_changelist(client, **params):
    return client.get(reverse("admin:timeline_actor_changelist"), params)


def test_actor_list_marks_discovered_actors_and_counts_their_events(client, editor, catl):
    response = actor_changelist(client)

    page = response.content.decode()
    assert "● discovered" in page
    rows = {row.slug: row for row in response.context["cl"].result_list}
    assert rows["ning-de-shi-dai"].event_total == 1
    assert rows["01-ai"].event_total == 1
    assert "寧德時代, CATL" in page or "CATL, 寧德時代" in page


@pytest.mark.parametrize(
    ("params", "slugs"),
    [
        ({"review__exact": "discovered"}, {"ning-de-shi-dai", "ning-de-shi-dai-2"}),
        ({"review__exact": "curated"}, {"01-ai"}),
        ({"q": "宁德时代"}, {"ning-de-shi-dai", "ning-de-shi-dai-2"}),
        ({"q": "寧德時代"}, {"ning-de-shi-dai", "ning-de-shi-dai-2"}),
        ({"q": "catl"}, {"ning-de-shi-dai-2"}),
    ],
)
def test_actor_list_filters_by_review_and_finds_aliases_in_either_script(
    client, editor, catl, params, slugs
):
    response = actor_changelist(client, **params)

    assert {actor.slug for actor in response.context["cl"].result_list} == slugs


def test_the_event_list_marks_a_discovered_actor(client, editor, catl):
    page = client.get(reverse("admin:timeline_event_changelist")).content.decode()

    assert "宁德时代 <em>(discovered)</em>" in page


def test_confirm_and_reject_actions(client, editor, catl, founding):
    simplified, traditional = catl
    changelist = reverse("admin:timeline_actor_changelist")

    client.post(changelist, {"action": "confirm_selected", "_selected_action": [simplified.pk]})
    response = client.post(
        changelist,
        {"action": "reject_selected", "_selected_action": [traditional.pk]},
        follow=True,
    )

    simplified.refresh_from_db()
    traditional.refresh_from_db()
    assert (simplified.review, traditional.review) == ("curated", "rejected")
    assert "1 actor rejected." in response.content.decode()
    assert sorted(founding.event_actors.values_list("actor__slug", flat=True)) == [
        "01-ai",
        "ning-de-shi-dai",
    ]
    assert list(traditional.aliases.values_list("alias", flat=True)) == ["CATL", "寧德時代"]


def test_the_review_state_is_not_typed_in_on_the_change_form(client, editor, catl):
    simplified, _ = catl
    response = client.get(reverse("admin:timeline_actor_change", args=[simplified.pk]))

    assert "review" not in response.context["adminform"].form.fields
    assert "Discovered" in response.content.decode()


def test_merge_asks_which_actor_stays_then_folds_the_others_into_it(client, editor, catl):
    simplified, traditional = catl
    founding = simplified.events.get()
    changelist = reverse("admin:timeline_actor_changelist")
    selected = [simplified.pk, traditional.pk]

    confirm = client.post(changelist, {"action": "merge_selected", "_selected_action": selected})

    page = confirm.content.decode()
    assert "Merge into the chosen actor" in page
    assert 'name="target"' in page
    assert Actor.objects.filter(pk__in=selected).count() == 2

    response = client.post(
        changelist,
        {
            "action": "merge_selected",
            "_selected_action": selected,
            "confirm": "yes",
            "target": traditional.pk,
        },
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:timeline_actor_change", args=[traditional.pk])
    assert not Actor.objects.filter(pk=simplified.pk).exists()
    assert sorted(traditional.aliases.values_list("alias", flat=True)) == ["CATL", "寧德時代"]
    assert list(founding.event_actors.filter(actor=traditional).values_list("role", flat=True)) == [
        "partner"
    ]


def test_merge_needs_two_actors_and_a_chosen_one(client, editor, catl):
    simplified, traditional = catl
    changelist = reverse("admin:timeline_actor_changelist")

    one = client.post(
        changelist,
        {"action": "merge_selected", "_selected_action": [simplified.pk]},
        follow=True,
    )
    unchosen = client.post(
        changelist,
        {
            "action": "merge_selected",
            "_selected_action": [simplified.pk, traditional.pk],
            "confirm": "yes",
        },
    )

    assert "Select at least two actors to merge." in one.content.decode()
    assert "Choose the actor to keep." in unchosen.content.decode()
    assert Actor.objects.filter(review="discovered").count() == 2


def test_a_viewer_cannot_merge_or_reject_actors(client, catl):
    client.force_login(staff_in("viewer", "viewer"))
    simplified, traditional = catl
    changelist = reverse("admin:timeline_actor_changelist")

    for action in ("reject_selected", "merge_selected"):
        client.post(
            changelist,
            {
                "action": action,
                "_selected_action": [simplified.pk, traditional.pk],
                "confirm": "yes",
                "target": simplified.pk,
            },
        )

    assert Actor.objects.filter(review="discovered").count() == 2


@pytest.fixture
def late_lab():
    """A joint lab dated only by a claim that postdates its source (published 2025-01-07)."""
    text = "变动消息传出的第二天,零一万物已与阿里云成立产业大模型联合实验室。"
    source = make_source(text=text, title="Interview", published=date(2025, 1, 7))
    event = make_event(headline="01.AI and Alibaba Cloud set up a joint lab", type="partnership")
    make_claim(
        event=event,
        source=source,
        quote=text[:-1],
        date_text="第二天",
        start=date(2025, 1, 8),
        after_source=True,
    )
    return rederive_event(event)


def changelist_headlines(client, model: str, query: str) -> set[str]:
    response = client.get(reverse(f"admin:timeline_{model}_changelist") + query)
    assert response.status_code == 200
    return {str(row) for row in response.context["cl"].result_list}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Kai-Fu Lee founds 01.AI", "01.AI and Alibaba Cloud set up a joint lab", "Undated"}),
        ("?dated=yes", {"Kai-Fu Lee founds 01.AI"}),
        ("?dated=no", {"01.AI and Alibaba Cloud set up a joint lab", "Undated"}),
        ("?after_source=yes", {"01.AI and Alibaba Cloud set up a joint lab"}),
        ("?after_source=no", {"Kai-Fu Lee founds 01.AI", "Undated"}),
        ("?after_source=yes&dated=yes", set()),
    ],
)
def test_event_filters_for_dates_and_claims_after_their_source(
    client, editor, founding, late_lab, query, expected
):
    make_event(headline="Undated")

    assert changelist_headlines(client, "event", query) == expected


def test_the_filters_are_offered_by_name(client, editor, founding):
    page = client.get(reverse("admin:timeline_event_changelist")).content.decode()

    assert "needs a date" in page
    assert "has a claim dated after its source" in page


def test_event_page_flags_the_claim_and_says_why_the_event_is_undated(client, editor, late_lab):
    assert late_lab.date_start is None

    page = client.get(reverse("admin:timeline_event_change", args=[late_lab.pk])).content.decode()

    assert "dated after its source: not counted in the event&#x27;s date" in page
    assert "every dated claim is dated after its own source" in page


def test_claims_filter_on_the_flag(client, editor, founding, late_lab):
    flagged = changelist_headlines(client, "claim", "?after_source=yes")
    unflagged = changelist_headlines(client, "claim", "?after_source=no")

    assert flagged == {str(claim) for claim in Claim.objects.filter(after_source=True)}
    assert len(flagged) == 1
    assert len(unflagged) == 3


@pytest.fixture
def short_name():
    """阿里 (discovered) and Alibaba (curated, 阿里巴巴), each with an event of May 2024's
    price cuts."""
    short = make_discovered("a-li", "阿里")
    full = make_actor("alibaba", name="Alibaba", aliases=["阿里巴巴"])
    for actor in (short, full):
        event = make_event(
            headline=f"{actor.name} cuts prices",
            type="pricing",
            start=date(2024, 5, 1),
            end=date(2024, 5, 31),
            precision="month",
        )
        EventKey.objects.create(event=event, key=f"pricing:{actor.slug}:2024-05")
        link_actor(event, actor, "subject")
    return short, full


def test_an_actor_page_says_which_actor_it_may_be_and_links_a_merge(client, editor, short_name):
    short, full = short_name

    page = client.get(reverse("admin:timeline_actor_change", args=[short.pk])).content.decode()
    listed = actor_changelist(client, likely_same="any").context["cl"].result_list

    assert "Possibly the same as" in page
    assert "Alibaba</a> (curated; names: short form)" in page
    merge_link = reverse("admin:timeline_actor_merge_with", args=[short.pk, full.pk])
    assert merge_link in page
    assert {actor.slug for actor in listed} == {"a-li", "alibaba"}


def test_the_merge_link_confirms_then_offers_the_events_left_alike(client, editor, short_name):
    short, full = short_name
    changelist = reverse("admin:timeline_actor_changelist")

    confirm = client.get(reverse("admin:timeline_actor_merge_with", args=[short.pk, full.pk]))
    page = confirm.content.decode()
    assert f'action="{changelist}"' in page
    assert confirm.context["actors"] == [full, short]
    assert confirm.context["suggested"] == full

    merged = client.post(
        changelist,
        {
            "action": "merge_selected",
            "_selected_action": [short.pk, full.pk],
            "confirm": "yes",
            "target": full.pk,
        },
        follow=True,
    )

    assert not Actor.objects.filter(pk=short.pk).exists()
    assert "2 of its events now look like another of its events" in merged.content.decode()
    events = client.get(reverse("admin:timeline_event_changelist"), {"duplicates_of": full.pk})
    assert sorted(event.headline for event in events.context["cl"].result_list) == [
        "Alibaba cuts prices",
        "阿里 cuts prices",
    ]


def test_a_viewer_cannot_open_the_merge_link(client, short_name):
    client.force_login(staff_in("viewer", "viewer"))
    short, full = short_name

    response = client.get(reverse("admin:timeline_actor_merge_with", args=[short.pk, full.pk]))

    assert response.status_code == 403
