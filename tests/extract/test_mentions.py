"""Names typed with the article's own evidence, with the real model."""

from __future__ import annotations

import pytest

from kg.extract import extract_article
from kg.models import Article

CASES = [
    # (text, name, expected type or None when it must not be an entity)
    ("Kalvik, 61, has run the ferry company for a decade.", "Kalvik", "Person"),
    (
        "Talks stalled, said Oduya, the agency's spokeswoman, on Tuesday.",
        "Oduya",
        "Person",
    ),
    ("Ulf T. Brannstrom signed the deal for the group.", "Ulf T. Brannstrom", "Person"),
    ("Marta Kowalczyk Brandt met the mayor on Friday.", "Marta Kowalczyk Brandt", "Person"),
    (
        "The mine is owned by Norvenka Holdings, which denied the report.",
        "Norvenka Holdings",
        "Organization",
    ),
    ("Officials said the copper company Kestrava would cut jobs.", "Kestrava", "Organization"),
    ("Interfax reported the fire late on Monday.", "Interfax", "Organization"),
    ("Floods hit the town of Bresk after the storm.", "Bresk", "City"),
    ("Protesters marched down Harlan Street at dawn.", "Harlan Street", "Place"),
    ("Secretary of State Ellen Ward flew to Rome on Monday.", "State", None),
    ("Secretary of State Ellen Ward flew to Rome on Monday.", "Ellen Ward", "Person"),
    ("Secretary of State Ellen Ward flew to Rome on Monday.", "Rome", "City"),
    ('He spoke on the "Good Evening Vienna" programme on Sunday.', "Vienna", None),
    ("The State Department said it was studying the request.", "State Department", "Organization"),
    # dateline places in capitals, whatever the model tags
    ("BERGEN, Norway (AP) _ Fishermen protested on Monday.", "BERGEN", "City"),
    # a US state is the state, not a small town abroad of the same name
    ("Wildfires spread across Montana and Colorado on Sunday.", "Montana", "Region"),
    ("Wildfires spread across Montana and Colorado on Sunday.", "Colorado", "Region"),
    # a three-letter acronym is no ISO country code
    ("The PRI won most of the seats, PRI officials said.", "PRI", "Organization"),
    # a company name is a company, whatever its first word looks like
    ("Halvorsen Software cut 200 jobs on Monday.", "Halvorsen Software", "Organization"),
    ("He taught at the University of Tromso for a decade.", "University of Tromso", "Organization"),
    # AP-style state abbreviations
    ("The plant in Fresno, Calif., will close next year.", "Calif.", "Region"),
    # a region the model tags as a person
    ("Aid flights reached Kamchatka on Friday.", "Kamchatka", "Region"),
    # the clause says that only a person is meant
    ("Lindqvist was born in Uppsala in 1950.", "Lindqvist", "Person"),
    ("Okonkwo, who has led the union since 2010, resigned.", "Okonkwo", "Person"),
    ("Tarvin is a geologist at the national survey.", "Tarvin", "Person"),
    # an occupation opening the sentence is no part of the name
    ("Soprano Anna Moravec sang the lead at the festival.", "Anna Moravec", "Person"),
    # a seat of power is a place where something happens, the government when it acts
    ("Protesters gathered outside the Kremlin on Sunday.", "Kremlin", "Place"),
    ("The Kremlin said it would not respond.", "Kremlin", "Organization"),
    # a title the model takes for a name is no entity
    ("Ana Ruiz is the Chief Strategy Officer of Norvenka.", "Chief Strategy Officer", None),
    # a first name alone, as biographies write it
    ("Javier worked for a bank while he studied in Madrid.", "Javier", "Person"),
    # words that only qualify a title are no name; a person's name before an
    # academic title names a chair, not a person
    ("Helen Marsh is Professor Emeritus at Dunmore University.", "Emeritus", None),
    ("Helen Marsh is the Andrew Carlton Professor at Dunmore University.", "Andrew Carlton", None),
    (
        "Helen Marsh is the Andrew Carlton Professor at Dunmore University.",
        "Andrew Carlton Professor",
        None,
    ),
    # what a person's role is held at is an organisation
    ("Ivo Brandt is an engineer with Qorvane.", "Qorvane", "Organization"),
    # so is what one joins, leaves or chairs, whatever the model says
    ("He left Brightwave in 2002 and joined Qellum in 2004.", "Brightwave", "Organization"),
    ("He left Brightwave in 2002 and joined Qellum in 2004.", "Qellum", "Organization"),
    ("Ringo Starr was once a member of the Beatles.", "Beatles", "Organization"),
    ("Prior to joining Vantorix, Denis Walsh was chairman of Qellum.", "Vantorix", "Organization"),
    # but not a quoted title one founds, a person one joins in doing something, or works with
    ('Steve Lund founded "Hats Off to Hattie", a fundraiser.', "Hats", None),
    ("Hale joined Obama in calling for a ceasefire.", "Obama", "Person"),
    ("She was a research scientist with Devi Rao at Stanford.", "Devi Rao", "Person"),
]


def entities_of(extractor, text: str):
    article = Article("t", text)
    doc = next(iter(extractor.nlp.pipe([text])))
    return extract_article(article, doc).entities


@pytest.mark.parametrize(("text", "name", "expected"), CASES)
def test_names_typed_by_the_sentence(extractor, text, name, expected):
    found = {m.text: e.type for e in entities_of(extractor, text) for m in e.mentions}
    assert found.get(name) == expected, found


def test_a_national_institution_belongs_to_its_country(extractor):
    text = "The State Department said it was studying the request."
    entity = next(e for e in entities_of(extractor, text) if e.label == "State Department")
    assert (entity.country, entity.sector) == ("USA", "government")


def test_a_surname_the_model_missed_is_found_from_the_full_name(extractor):
    text = (
        "Central bank governor Halvard Mikkelsen raised rates on Thursday. "
        "Markets had expected the move, and Mikkelsen said more could follow."
    )
    people = [e for e in entities_of(extractor, text) if e.type == "Person"]
    assert [p.label for p in people] == ["Halvard Mikkelsen"]
    assert [m.text for m in people[0].mentions] == ["Halvard Mikkelsen", "Mikkelsen"]


def test_one_group_per_country_and_sector(extractor):
    text = (
        "Russian servicemen arrived on Monday. Russian military specialists will "
        "stay for a month, and Russian troops guard the airport."
    )
    groups = [e for e in entities_of(extractor, text) if e.type == "Group"]
    assert [(g.label, g.country, g.sector) for g in groups] == [
        ("Russian military personnel", "RUS", "military")
    ]
    assert len(groups[0].mentions) == 3


def test_a_surname_that_is_also_a_month_is_not_found_in_a_date(extractor):
    text = "Finance minister Ana May will present the budget in May, officials said."
    people = [e for e in entities_of(extractor, text) if e.type == "Person"]
    assert [[m.text for m in p.mentions] for p in people] == [["Ana May"]]


@pytest.mark.parametrize(
    ("text", "person", "country"),
    [
        ("Venezuelan opposition leader Ana Ruiz called for new elections.", "Ana Ruiz", "VEN"),
        ("Officials met Pompeo's Russian counterpart Ivan Belov in Oslo.", "Ivan Belov", "RUS"),
        ("Ana Ruiz called for new elections on Monday.", "Ana Ruiz", None),
    ],
)
def test_a_person_belongs_to_the_country_of_their_title(extractor, text, person, country):
    entity = next(e for e in entities_of(extractor, text) if e.label == person)
    assert entity.country == country


def test_regions_carry_their_iso_3166_2_code(extractor):
    text = "Floods hit Bavaria and Kamchatka, and Fresno, Calif., sent help."
    ids = {e.label: e.identifiers for e in entities_of(extractor, text) if e.type == "Region"}
    assert ids["Bavaria"] == ("urn:iso:std:iso:3166:-2:DE-BY",)
    assert ids["Kamchatka"] == ("urn:iso:std:iso:3166:-2:RU-KAM",)
    assert ids["California"][0] == "urn:iso:std:iso:3166:-2:US-CA"


def test_a_city_is_the_one_in_the_state_named_after_it(extractor):
    text = "Officials in Dover, Del., said the road was closed."
    dover = next(e for e in entities_of(extractor, text) if e.label == "Dover")
    assert dover.country == "USA"


def test_a_seat_of_power_is_one_place_and_one_government(extractor):
    text = "Protesters gathered outside the Kremlin, and the Kremlin said it would not respond."
    kinds = sorted(e.type for e in entities_of(extractor, text) if e.label == "Kremlin")
    assert kinds == ["Organization", "Place"]


def test_a_possessive_in_its_clause_makes_its_subject_a_person(extractor):
    text = "Borodai repeated his claim that the vote was rigged."
    article = Article("t", text)
    doc = next(iter(extractor.nlp.pipe([text])))
    extraction = extract_article(article, doc)
    person = next(e for e in extraction.entities if e.label == "Borodai")
    assert person.type == "Person"
    assert [s.speaker for s in extraction.statements] == [person.id]


def test_a_possessive_in_another_clause_does_not(extractor):
    text = "Norvenka said his offer came too late."
    company = next(e for e in entities_of(extractor, text) if e.label == "Norvenka")
    assert company.type != "Person"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a demonym of two words qualifies a group as one of one word does
        ("The Sri Lankan army shelled rebel positions.", ("Sri Lankan army", "LKA", "military")),
        (
            "South African police arrested two union leaders.",
            ("South African police", "ZAF", "police"),
        ),
        ("The North Korean army fired two missiles.", ("North Korean army", "PRK", "military")),
        # and one of one word still does
        (
            "Pakistani troops crossed the river at dawn.",
            ("Pakistani military personnel", "PAK", "military"),
        ),
    ],
)
def test_a_demonym_group_belongs_to_its_country(extractor, text, expected):
    groups = [
        (e.label, e.country, e.sector)
        for e in entities_of(extractor, text)
        if e.type in {"Group", "Organization"}
    ]
    assert expected in groups, groups


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # country names the model leaves untagged or calls a nationality
        ("Uzbekistan finally opened the bridge after four years.", "Uzbekistan", "UZB"),
        ("Uzbekistan reopened its border with Tajikistan on Friday.", "Tajikistan", "TJK"),
        # but not a country's name that is part of a longer name
        ("Jordan Peterson spoke in Toronto on Monday.", "Jordan", None),
    ],
)
def test_a_country_the_model_missed_is_found(extractor, text, name, expected):
    found = {
        m.text: e.country
        for e in entities_of(extractor, text)
        if e.type == "Country"
        for m in e.mentions
    }
    assert found.get(name) == expected, found
