"""Interactions with the real model: tables of (sentence, expected records).

Each row is a pattern that holds across news text (our own sentences): verbs
active and passive, nouns, coordination, negation and refusal, modality,
demands inside speech, dates and quantities.
"""

from __future__ import annotations

from datetime import date

import pytest

from kg.read import article_from_text

PUBLISHED = date(2021, 6, 13)  # a Sunday


def _relations(extractor, text):
    extraction = extractor.extract_one(article_from_text("t", text, published=PUBLISHED))
    labels = {e.id: e.label for e in extraction.entities}
    return [
        (labels[r.subject], r.predicate, labels.get(r.object), r)  # None: no target
        for r in extraction.relations
        if r.cue is not None
    ]


def _coded(extractor, text):
    """(subject, predicate, object, PLOVER class) of every act read, whatever its modality."""
    return {(s, p, o, r.plover) for s, p, o, r in _relations(extractor, text)}


def _asserted(extractor, text):
    """(subject, predicate, object, PLOVER class) of the acts told as done."""
    return {
        (s, p, o, r.plover)
        for s, p, o, r in _relations(extractor, text)
        if not r.negated and r.modality in {"asserted", "reported"}
    }


def _one(extractor, text, triple):
    found = [r for s, p, o, r in _relations(extractor, text) if (s, p, o) == triple]
    assert found, f"{triple} not read from {text!r}: {_relations(extractor, text)}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # verbs, active and passive
        (
            "Germany condemned Hungary's new media law on Friday.",
            {("Germany", "criticizes", "Hungary", "ACCUSE")},
        ),
        (
            "Ukraine was praised by Poland on Tuesday.",
            {("Poland", "supports", "Ukraine", "SUPPORT")},
        ),
        ("Venezuela was sanctioned by Canada.", {("Canada", "sanctions", "Venezuela", "SANCTION")}),
        (
            "Tanks supplied by Germany to Ukraine arrived on Monday.",
            {("Germany", "supplies", "Ukraine", "AID")},
        ),
        # a verb completed by its object
        ("Sweden imposed sanctions on Belarus.", {("Sweden", "sanctions", "Belarus", "SANCTION")}),
        (
            "Egypt withdrew its ambassador from Qatar.",
            {("Egypt", "sanctions", "Qatar", "SANCTION")},
        ),
        (
            "The European Union lifted sanctions on Iran.",
            {("European Union", "concedes", "Iran", "RETREAT")},
        ),
        # nouns
        ("Kenya received the backing of Ethiopia.", {("Ethiopia", "supports", "Kenya", "SUPPORT")}),
        (
            "The agreement between Chile and Peru expires next year.",
            {("Chile", "cooperatesWith", "Peru", "COOPERATE")},
        ),
        (
            "Brazil held talks with Argentina in Brasilia.",
            {("Brazil", "consults", "Argentina", "CONSULT")},
        ),
        ("Japan's criticism of China grew louder.", {("Japan", "criticizes", "China", "ACCUSE")}),
        (
            "Serbia rejected an Albanian proposal for new talks.",
            {("Serbia", "rejects", "Albania", "REJECT")},
        ),
        # coordination: one relation per conjunct; parties acting together
        (
            "France, Spain and Italy condemned Russia.",
            {
                ("France", "criticizes", "Russia", "ACCUSE"),
                ("Spain", "criticizes", "Russia", "ACCUSE"),
                ("Italy", "criticizes", "Russia", "ACCUSE"),
            },
        ),
        (
            "Chile and Peru signed a trade agreement.",
            {("Chile", "cooperatesWith", "Peru", "SUPPORT")},
        ),
        # demands, in verbs and inside what someone said
        (
            "Cuba called on Spain to release the prisoners.",
            {("Cuba", "demands", "Spain", "REQUEST")},
        ),
        (
            "Chancellor Angela Merkel said Iran must stop its nuclear program.",
            {("Angela Merkel", "demands", "Iran", "REQUEST")},
        ),
        (
            "President Joe Biden said China needed to release the journalists.",
            {("Joe Biden", "demands", "China", "REQUEST")},
        ),
        (
            "Greece demanded that Cyprus refuse to recognize Kosovo.",
            {("Greece", "demands", "Cyprus", "REQUEST")},
        ),
        (
            "The Red Cross operating in Yemen said Saudi Arabia must lift the blockade.",
            {("Red Cross", "demands", "Saudi Arabia", "REQUEST")},
        ),
        # targets on a phrase of the trigger, not on its own possessor
        (
            "Brazil reneged on its commitment to Argentina.",
            {("Brazil", "rejects", "Argentina", "REJECT")},
        ),
        # an event noun as a compound ("a mediation effort")
        (
            "Norway launched a mediation effort between Sudan and Chad.",
            {("Norway", "consults", "Sudan", "CONSULT"), ("Norway", "consults", "Chad", "CONSULT")},
        ),
        # "up to 20": the object the parser hangs on "up to"
        (
            "Somali rebels kidnapped up to 20 Chinese engineers on Monday.",
            {("Somalia", "attacks", "China", "ASSAULT")},
        ),
        # a phrase that names no actor stands for the one it belongs to
        (
            "Thousands of Syrians sought refuge in Turkey last year.",
            {("Syria", "demands", "Turkey", "REQUEST")},
        ),
    ],
)
def test_acts_told_as_done(extractor, text, expected):
    assert expected <= _asserted(extractor, text)


@pytest.mark.parametrize(
    ("text", "triple", "negated", "modality", "plover"),
    [
        # a plain negation is no event; a refusal of a cooperative act is a rejection
        (
            "Brazil did not endorse Maduro.",
            ("Brazil", "supports", "Maduro"),
            True,
            "asserted",
            None,
        ),
        (
            "Mexico refused to recognize Guaido.",
            ("Mexico", "supports", "Guaido"),
            True,
            "asserted",
            "REJECT",
        ),
        (
            "Thailand declined to sign the agreement with Cambodia.",
            ("Thailand", "cooperatesWith", "Cambodia"),
            True,
            "asserted",
            "REJECT",
        ),
        ("Canada will not sanction Cuba.", ("Canada", "sanctions", "Cuba"), True, "future", None),
        # intended acts: cooperation is AGREE, material conflict a threat
        (
            "France will sanction Iran.",
            ("France", "sanctions", "Iran"),
            False,
            "future",
            "THREATEN",
        ),
        (
            "Norway plans to send aid to Yemen.",
            ("Norway", "supplies", "Yemen"),
            False,
            "future",
            "AGREE",
        ),
        (
            "Iran threatened to close its embassy in Canada.",
            ("Iran", "sanctions", "Canada"),
            False,
            "future",
            "THREATEN",
        ),
        # "would" in reported speech is a future; "it" is the speaker
        (
            "Finland said it would give Estonia a loan.",
            ("Finland", "supplies", "Estonia"),
            False,
            "future",
            "AGREE",
        ),
        # an act demanded of someone, and a hypothetical, are no events of their own
        (
            "India said Pakistan should withdraw its troops from Kashmir.",
            ("Pakistan", "concedes", "Kashmir"),
            False,
            "demanded",
            None,
        ),
        (
            "Greece demanded that Cyprus refuse to recognize Kosovo.",
            ("Cyprus", "supports", "Kosovo"),
            True,
            "demanded",
            None,
        ),
        (
            "If Turkey attacks Syria, Greece will protest.",
            ("Turkey", "attacks", "Syria"),
            False,
            "hypothetical",
            None,
        ),
    ],
)
def test_how_an_act_is_told(extractor, text, triple, negated, modality, plover):
    relation = _one(extractor, text, triple)
    assert (relation.negated, relation.modality, relation.plover) == (negated, modality, plover)
    # never also a plain assertion
    assert triple not in {(s, p, o) for s, p, o, _ in _asserted(extractor, text)}


@pytest.mark.parametrize(
    ("text", "triple", "start", "end"),
    [
        (
            "On Tuesday, Chile signed a trade deal with Peru.",
            ("Chile", "cooperatesWith", "Peru"),
            "2021-06-08",
            "2021-06-08",
        ),
        (
            "Kenya expelled Somalia's ambassador last year.",
            ("Kenya", "sanctions", "Somalia"),
            "2020-01-01",
            "2020-12-31",
        ),
        (
            "Argentina will meet Uruguay next week.",
            ("Argentina", "consults", "Uruguay"),
            "2021-06-14",
            "2021-06-20",
        ),
        # a participle shares the time of its clause
        (
            "Egypt met Sudan's foreign minister on Monday, praising Sudan for its role.",
            ("Egypt", "supports", "Sudan"),
            "2021-06-07",
            "2021-06-07",
        ),
        # a "when" clause takes the date it refers to
        (
            "Since March, when Kenya expelled Somalia's ambassador, trade has collapsed.",
            ("Kenya", "sanctions", "Somalia"),
            "2021-03-01",
            "2021-03-31",
        ),
        # the date of the saying is not the date of what was said
        (
            "Angela Merkel said on Monday that Iran had attacked Israel last week.",
            ("Iran", "attacks", "Israel"),
            "2021-05-31",
            "2021-06-06",
        ),
        # an undated retelling of the same act takes the first telling's date
        (
            "A group of Kenyan police officers arrived in Haiti last week. "
            "About 400 Kenyan police officers arrived in Haiti on two planes.",
            ("Kenyan police", "deployedTo", "Haiti"),
            "2021-05-31",
            "2021-06-06",
        ),
    ],
)
def test_dates(extractor, text, triple, start, end):
    relations = [r for s, p, o, r in _relations(extractor, text) if (s, p, o) == triple]
    assert relations
    assert all((str(r.time.start), str(r.time.end)) == (start, end) for r in relations if r.time)
    assert all(r.time is not None for r in relations)


@pytest.mark.parametrize(
    ("text", "triple", "expected"),
    [
        (
            "Germany delivered 40 tonnes of medicine to Ukraine on Friday.",
            ("Germany", "supplies", "Ukraine"),
            {(40.0, "tonne", "medicine")},
        ),
        (
            "About 400 Kenyan police officers arrived in Haiti on two planes, "
            "which also carried 20 tonnes of equipment.",
            ("Kenyan police", "deployedTo", "Haiti"),
            {
                (400.0, None, "Kenyan police officers"),
                (2.0, None, "planes"),
                (20.0, "tonne", "equipment"),
            },
        ),
        (
            "The Philippines deployed 500 troops to Marawi.",
            ("Philippines", "deployedTo", "Marawi"),
            {(500.0, None, "troops")},
        ),
    ],
)
def test_quantities_belong_to_the_act_they_measure(extractor, text, triple, expected):
    relation = _one(extractor, text, triple)
    assert {(q.amount, q.unit, q.measures) for q in relation.quantities} == expected
    for quantity in relation.quantities:
        assert text[quantity.span.start : quantity.span.end] == quantity.span.text


def test_every_interaction_carries_its_cue_class_and_rule(extractor):
    text = "France, Spain and Italy condemned Russia on Friday."
    for _, _, _, relation in _relations(extractor, text):
        assert relation.cue.text == "condemned"
        assert (relation.plover, relation.cameo) == ("ACCUSE", "111")
        assert relation.rule.startswith("interactions.verb.condemn/")
        assert 0 < relation.confidence <= 1
        assert text[relation.evidence.start : relation.evidence.end] == relation.evidence.text


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        # a light verb with no goods is no delivery; with an event noun it defers to the noun
        ("Chancellor Gordon Brown will deliver his budget to Parliament on Wednesday.", "supplies"),
        ("Robin Cook gave his support to Gordon Brown.", "supplies"),
        # a prediction and a claim are no demands
        ("Analysts predicted Britain would have to raise taxes.", "demands"),
        ("Senator John Smith insisted that the talks with Iran had been fair.", "demands"),
        # co-hosts do not consult each other
        ("Prince Charles and Camilla Parker Bowles hosted a dinner at Windsor Castle.", "consults"),
        # a politician's attack is criticism, an army's an assault
        ("Senator John McCain attacked Barack Obama's policy on Iran.", "attacks"),
        ("Syrian troops attacked Hama on Sunday.", "criticizes"),
        # who assassinated the man a company was founded by is not said
        (
            "Shares in the Lebanese company founded by assassinated premier Rafik Hariri fell.",
            "attacks",
        ),
        # who condemns an act is not who does it
        ("Mexico condemned the attack on the embassy.", "attacks"),
        # a wish is no demand; an order of something owned asks nothing of its owner
        ("The union said shop workers should be able to rest on Sundays.", "demands"),
        ("President Jacques Chirac ordered the destruction of Ivory Coast's air force.", "demands"),
    ],
)
def test_readings_that_are_not_there(extractor, text, predicate):
    assert predicate not in {p for _, p, _, _ in _relations(extractor, text)}


def test_a_light_verb_lends_its_subject_to_the_noun(extractor):
    assert ("Robin Cook", "supports", "Gordon Brown", "SUPPORT") in _asserted(
        extractor, "Robin Cook gave his support to Gordon Brown."
    )


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        (
            "Senator John Smith denied accusing Germany of fraud.",
            ("John Smith", "criticizes", "Germany"),
        ),
        ("Turkey refused to back Sweden.", ("Turkey", "supports", "Sweden")),
    ],
)
def test_denied_and_refused_acts_are_negated(extractor, text, triple):
    assert _one(extractor, text, triple).negated


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an act with one participant: the source alone (object None), as PLOVER codes it
        ("Malian rebels surrendered on Friday.", ("Malian rebels", "concedes", "RETREAT")),
        ("Prime Minister Mark Rutte resigned on Friday.", ("Mark Rutte", "concedes", "RETREAT")),
        (
            "Thousands of Kenyan protesters marched through Nairobi on Tuesday.",
            ("Kenyan protesters", "protests", "PROTEST"),
        ),
        (
            "Chilean protesters staged a hunger strike.",
            ("Chilean protesters", "protests", "PROTEST"),
        ),
        # a purpose that names only the protesters themselves gives no target
        (
            "Kenyan protesters blocked the highway on Monday to press their demands.",
            ("Kenyan protesters", "protests", "PROTEST"),
        ),
        # the object is no actor: the act still happened, to no one named
        (
            "Sudanese soldiers attacked a market in the north.",
            ("Sudanese military personnel", "attacks", "ASSAULT"),
        ),
        ("Colombian rebels bombed an oil pipeline.", ("Colombian rebels", "attacks", "ASSAULT")),
        ("Brazil launched an attack on the rebels.", ("Brazil", "attacks", "ASSAULT")),
        (
            "The Ethiopian government rejected the proposal.",
            ("Ethiopian government", "rejects", "REJECT"),
        ),
        # an act promised is an intent to cooperate, the promise tells no act of its own
        ("Thailand agreed to reopen the border.", ("Thailand", "cooperatesWith", "AGREE")),
        ("Mali promised to withdraw its troops.", ("Mali", "concedes", "AGREE")),
    ],
)
def test_acts_with_one_participant(extractor, text, expected):
    acts = [(s, p, o, r) for s, p, o, r in _relations(extractor, text) if r.plover is not None]
    assert {(s, p, r.plover) for s, p, o, r in acts if s == expected[0]} == {expected}
    assert all(o is None for s, _, o, _ in acts if s == expected[0])


@pytest.mark.parametrize(
    ("text", "triple"),
    [
        # the act the threat or refusal governs tells it; no second, empty act
        ("Iran threatened to attack Iraq.", ("Iran", "attacks", "Iraq", "THREATEN")),
        ("Mali promised to withdraw its troops.", ("Mali", "concedes", None, "AGREE")),
        (
            "Prime Minister Mark Rutte refused to resign.",
            ("Mark Rutte", "concedes", None, "REJECT"),
        ),
    ],
)
def test_a_lone_act_defers_to_the_act_it_governs(extractor, text, triple):
    relations = _relations(extractor, text)
    assert triple in {(s, p, o, r.plover) for s, p, o, r in relations}
    assert not {(s, p) for s, p, o, _ in relations if o is None} - {triple[:2]}


def test_coordinated_lone_acts_are_each_kept(extractor):
    text = "The Malian army withdrew from the town and attacked a convoy."
    lone = {(s, p, r.plover) for s, p, o, r in _relations(extractor, text) if o is None}
    assert lone == {("Malian army", "concedes", "RETREAT"), ("Malian army", "attacks", "ASSAULT")}


def test_an_act_with_one_participant_stays_out_of_the_json_interface(extractor):
    from kg.interface import to_record

    extraction = extractor.extract_one(
        article_from_text("t", "Malian rebels surrendered on Friday.", published=PUBLISHED)
    )
    assert any(r.object is None for r in extraction.relations)
    assert all(isinstance(r["object"], str) for r in to_record(extraction)["relations"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a threat that names no one is aimed at whom its condition is set on
        (
            "Turkey threatened to close its airspace unless Greece withdraws its warships.",
            ("Turkey", "threatens", "Greece", "THREATEN"),
        ),
        (
            "Serbia threatened to walk out of the talks if Kosovo refuses to compromise.",
            ("Serbia", "threatens", "Kosovo", "THREATEN"),
        ),
        (
            "Iran threatened to launch a new offensive unless Kuwait accepted its conditions.",
            ("Iran", "attacks", "Kuwait", "THREATEN"),
        ),
    ],
)
def test_a_threat_is_aimed_at_its_condition(extractor, text, expected):
    assert expected in _coded(extractor, text)


def test_a_threat_that_names_its_target_keeps_it(extractor):
    text = "Iran threatened to attack Iraq if Kuwait helped the rebels."
    found = {coded for coded in _coded(extractor, text) if coded[0] == "Iran"}
    assert found == {("Iran", "attacks", "Iraq", "THREATEN")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an event noun's of-phrase completes it as an object completes a verb
        (
            "The deployment of Nigerian peacekeeping troops to Liberia began on Monday.",
            ("Nigerian military personnel", "deployedTo", "Liberia", "AID"),
        ),
        (
            "The deployment of Russian troops to Syria began on Monday.",
            ("Russian military personnel", "deployedTo", "Syria", "MOBILIZE"),
        ),
        # an inquiry opened names no one: an investigation with its source alone
        (
            "Kenya's high court opened an inquiry into the election.",
            ("Kenyan High Court", "criticizes", None, "ACCUSE"),
        ),
    ],
)
def test_event_nouns(extractor, text, expected):
    assert expected in _coded(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # coordinated demonyms sharing a head: each stands for its own country
        (
            "Senior Chilean and Peruvian officials agreed on Monday to reopen the border.",
            ("Chilean officials", "cooperatesWith", "Peru", "AGREE"),
        ),
        (
            "Chilean and Peruvian negotiators returned to Geneva for talks.",
            ("Chile", "consults", "Peru", "CONSULT"),
        ),
        # a country's name and a demonym coordinated ("U.S." hangs as nmod)
        (
            "U.S. and Japanese negotiators returned to Geneva for talks.",
            ("United States", "consults", "Japan", "CONSULT"),
        ),
    ],
)
def test_coordinated_demonyms(extractor, text, expected):
    assert expected in _coded(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "X-led" forces act for X, as event coders code them
        (
            "Kenyan-led forces recaptured the town of Kismayo.",
            ("Kenya", "attacks", "Kismayo", "ASSAULT"),
        ),
        (
            "The Saudi-led coalition bombed the port on Monday.",
            ("Saudi Arabia", "attacks", None, "ASSAULT"),
        ),
        # a group of a two-word demonym acts for itself
        (
            "The Sri Lankan army shelled rebel positions near the coast.",
            ("Sri Lankan army", "attacks", None, "ASSAULT"),
        ),
        # armed forces that clash fight; politicians who clash do not (below)
        (
            "Indian troops clashed with Chinese troops in the valley.",
            ("Indian military personnel", "attacks", "Chinese military personnel", "ASSAULT"),
        ),
        # a noun owned by a country acts for it
        (
            "Recent US drone strikes have killed six Taliban commanders.",
            ("United States", "attacks", "Taliban", "ASSAULT"),
        ),
    ],
)
def test_group_actors(extractor, text, expected):
    assert expected in _coded(extractor, text)


def test_politicians_who_clash_do_not_fight(extractor):
    text = "Finance minister Ana Ruiz clashed with Pedro Diaz over the budget."
    assert not _relations(extractor, text)


def test_a_backed_group_is_not_its_backer(extractor):
    """Backing is support, not command: "Iranian-backed militias" are no Iranian act."""
    text = "Iranian-backed militias attacked the base on Sunday."
    assert not [s for s, _, _, _ in _relations(extractor, text) if s == "Iran"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "in protest of X", "in support of X": the clause's subject acts, aimed at X
        (
            "Miners in Poland went on strike in protest against the Polish government.",
            ("Poland", "protests", "Polish government", "PROTEST"),
        ),
        ("Cuba voted in support of Venezuela.", ("Cuba", "supports", "Venezuela", "SUPPORT")),
    ],
)
def test_an_event_noun_telling_how(extractor, text, expected):
    assert expected in _coded(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        # the of-phrase of "in protest of" is the target, never the one protesting
        "Students in Chile began a hunger strike in protest of the Chilean government's plan.",
        # "in the riots" tells where, not how: no protest by the place
        "Nine people were killed in nationalist riots in Bolivia last year.",
    ],
)
def test_no_protest_by_whom_it_is_aimed_at(extractor, text):
    assert not [
        s for s, p, _, _ in _relations(extractor, text) if p == "protests" and s != "Chile"
    ], _relations(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a preposition left without its object shares the next conjunct's
        (
            "Peru has established diplomatic ties with and opened an embassy in Ghana.",
            ("Peru", "supports", "Ghana", "SUPPORT"),
        ),
        ("Iran sold weapons to and trained the Houthis.", ("Iran", "supplies", "Houthis", "AID")),
    ],
)
def test_a_shared_object(extractor, text, expected):
    assert expected in _coded(extractor, text)
