"""Issue 17: officials with their whole post, merged mentions, the right side;
furniture never a fact; the right dossier. Short sentences written the way the
named outlets write them, two outlets per rule."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.cli import main
from dossier.ingest.capture.accept import accept, match_capture
from dossier.ingest.capture.pipeline import capture
from dossier.store import Store, open_store


def officials(text: str) -> dict[str, tuple[str | None, str | None]]:
    result = capture(text, published_on="2019-03-12")
    return {o.name: (o.position, o.country) for o in result.officials}


# -- item 5: the whole post and its country --------------------------------------------
@pytest.mark.parametrize(
    ("text", "name", "post", "country"),
    [
        # Trend
        (
            "Первый заместитель премьер-министра Азербайджана Якуб Эюбов провел встречу.",
            "Якуб Эюбов",
            "Первый заместитель премьер-министра Азербайджана",
            "AZ",
        ),
        # ТАСС: oblique case, the post's head put in the nominative only
        (
            "Делегацию принял заместитель председателя правительства России Алексей Оверчук.",
            "Алексей Оверчук",
            "Заместитель председателя правительства России",
            "RU",
        ),
        # Reuters
        (
            "Azerbaijani Economy Minister Shahin Mustafayev met the delegation in Baku.",
            "Shahin Mustafayev",
            "Azerbaijani Economy Minister",
            "AZ",
        ),
        # AP
        (
            "Russian Foreign Minister Sergei Lavrov arrived in Baku on Tuesday.",
            "Sergei Lavrov",
            "Russian Foreign Minister",
            "RU",
        ),
        # Interfax: "РФ" names Russia
        (
            "Глава МИД РФ Сергей Лавров прибыл в Баку.",
            "Сергей Лавров",
            "Глава МИД РФ",
            "RU",
        ),
    ],
)
def test_the_whole_post_as_written(text: str, name: str, post: str, country: str) -> None:
    assert officials(text)[name] == (post, country)


# -- issue 17, posts recall: a post someone agreed to take -----------------------------
@pytest.mark.parametrize(
    ("text", "name", "post", "country"),
    [
        # ТАСС
        (
            "Михаил Мишустин согласился занять пост премьер-министра России, сообщили в Кремле.",
            "Михаил Мишустин",
            "Премьер-министр России",
            "RU",
        ),
        # Report.az
        (
            "Али Асадов согласился занять должность премьер-министра Азербайджана.",
            "Али Асадов",
            "Премьер-министр Азербайджана",
            "AZ",
        ),
    ],
)
def test_a_post_agreed_to_is_the_persons_post(
    text: str, name: str, post: str, country: str
) -> None:
    assert officials(text)[name] == (post, country)


@pytest.mark.parametrize(
    "text",
    [
        # РИА Новости: initials written together, then the full name, then oblique
        "С.В. Лавров прибыл в Баку. Министр иностранных дел России Сергей Лавров провел "
        "переговоры. Сергею Лаврову вручили орден.",
        # Коммерсантъ: surname only later
        "Министр иностранных дел России Сергей Лавров прибыл в Баку. По словам Лаврова, "
        "переговоры прошли успешно. С. Лавров также встретился с президентом.",
    ],
)
def test_mentions_of_one_person_are_merged(text: str) -> None:
    found = capture(text, published_on="2019-03-12").officials
    lavrov = [o for o in found if "Лавров" in o.name]
    assert len(lavrov) == 1, [o.name for o in found]
    assert lavrov[0].name == "Сергей Лавров"
    assert lavrov[0].position == "Министр иностранных дел России"
    assert len(lavrov[0].mentions) >= 2


@pytest.mark.parametrize(
    "text",
    [
        # Reuters
        "Trade between Azerbaijan and Belarus grew, Mustafayev said. Azerbaijani Economy "
        "Minister Shahin Mustafayev met the Belarusian delegation.",
        # Trend (English)
        "Azerbaijani Economy Minister Shahin Mustafayev met the Belarusian delegation. "
        '"We agreed on new projects," said Shahin Mustafayev.',
    ],
)
def test_english_mentions_merge_and_keep_the_post(text: str) -> None:
    found = capture(text, published_on="2019-03-12").officials
    assert [(o.name, o.position) for o in found] == [
        ("Shahin Mustafayev", "Azerbaijani Economy Minister")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Reuters: a person named beside a verb of speech, no title
        "Trade between Azerbaijan and Belarus grew in 2018, Elnur Aliyev told reporters.",
        # AP
        "The talks were useful, according to Nikolai Patskevich.",
    ],
)
def test_english_people_without_a_title_are_found_unticked(text: str) -> None:
    found = capture(text, published_on="2019-03-12").officials
    assert len(found) == 1
    assert found[0].reason == "no post"
    assert not found[0].ticked


def test_a_third_countrys_minister_is_a_third_party(sample_store: Store) -> None:
    dossier = sample_store.find_dossier("AZ")
    result = capture(
        "Министр иностранных дел России Сергей Лавров встретился в Баку с послом "
        "Белоруссии в Азербайджане. Министр экономики Азербайджана Шахин Мустафаев "
        "также принял участие.",
        published_on="2019-03-12",
    )
    match_capture(sample_store, dossier.id, result)
    sides = {o.name: o.side for o in result.officials}
    assert sides["Сергей Лавров"] == "third"
    assert sides["Шахин Мустафаев"] == "host"
    accept(sample_store, dossier.id, result)
    stored = {o.name: o.side for o in sample_store.officials.list(dossier.id)}
    assert stored["Сергей Лавров"] == "third"


def test_an_official_known_in_another_script_is_matched(sample_store: Store) -> None:
    dossier = sample_store.find_dossier("AZ")
    result = capture(
        "President Ilham Aliyev received the Belarusian delegation in Baku.",
        published_on="2019-03-12",
    )
    match_capture(sample_store, dossier.id, result)
    aliyev = result.officials[0]
    known = sample_store.officials.get(aliyev.existing)
    assert known.name == "Ильхам Алиев"


# -- item 7: furniture -----------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        # Trend
        "Trend — новости Азербайджана и мира\nАвтор: Ирина Петрова\nФото: Айдын Мамедов\n"
        "Министр экономики Азербайджана Шахин Мустафаев встретился с делегацией.\n"
        "Корреспондент Олег Смирнов",
        # News.Az / Reuters
        "News.Az - Your trusted source of news from Azerbaijan\nBy John Smith\n"
        "Photo: Reuters/Anna Brown\nAzerbaijani Economy Minister Shahin Mustafayev met the "
        "delegation, Mustafayev's office said.\nReporting by Nailia Bagirova; Editing by "
        "Mark Heinrich",
    ],
)
def test_bylines_credits_and_slogans_are_not_facts(text: str) -> None:
    result = capture(text, published_on="2019-03-12")
    names = [o.name for o in result.officials]
    assert len(names) == 1
    assert "Мустафа" in names[0] or "Mustafa" in names[0]


@pytest.mark.parametrize(
    "line",
    ["By the end of the year trade will grow.", "Текст соглашения подписали министры."],
)
def test_prose_that_starts_like_a_byline_is_kept(line: str) -> None:
    from dossier.ingest.furniture import is_furniture

    assert not is_furniture(line)


def test_a_capitalised_dateline_city_is_not_a_person() -> None:
    # АзерТАдж and ИТАР-ТАСС open with the city in capitals.
    for text in (
        "БАКУ, 12 марта. Министр экономики Азербайджана Шахин Мустафаев встретился с послом.",
        "МИНСК, 12 марта. Посол Азербайджана в Беларуси Латиф Гандилов провел встречу.",
    ):
        names = [o.name for o in capture(text, published_on="2019-03-12").officials]
        assert len(names) == 1, names


# -- item 8: the right dossier ---------------------------------------------------------
OFF_TOPIC = (
    "Министр иностранных дел России Сергей Лавров провел переговоры с турецким коллегой. "
    "Товарооборот России и Турции в 2018 году составил 25 млрд долларов.\n"
)


def test_a_text_about_other_countries_is_flagged(sample_store: Store) -> None:
    dossier = sample_store.find_dossier("AZ")
    result = capture(OFF_TOPIC, published_on="2019-03-12")
    match_capture(sample_store, dossier.id, result)
    assert result.off_topic
    assert "Azerbaijan" in result.off_topic
    assert result.off_topic in result.warnings


def test_accept_all_needs_force_for_an_off_topic_text(
    capsys: pytest.CaptureFixture[str], store_file: Path, tmp_path: Path
) -> None:
    path = tmp_path / "turkey.txt"
    path.write_text(OFF_TOPIC, encoding="utf-8")
    args = ["--store", str(store_file), "capture", str(path), "--country", "AZ"]
    args += ["--date", "2019-03-12", "--accept-all"]
    store = open_store(store_file)
    before = store.trade.count()
    store.close()
    assert main(args) != 0
    err = capsys.readouterr().err
    assert "neither" in err
    assert "--force" in err
    store = open_store(store_file)
    assert store.trade.count() == before
    store.close()
    assert main([*args, "--force"]) == 0
    store = open_store(store_file)
    assert store.trade.count() == before + 1
    figure = [t for t in store.trade.list() if t.partner == "TR"]
    assert (figure[0].reporter, figure[0].kind) == ("RU", "actual")
    store.close()


def test_json_gives_the_reason_for_each_unticked_candidate(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "target.txt"
    path.write_text(
        "Стороны поставили задачу довести товарооборот Беларуси и Азербайджана до "
        "1 млрд долларов.\n",
        encoding="utf-8",
    )
    assert main(["capture", str(path), "--date", "2019-03-12", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    figure = data["trade_figures"][0]
    assert figure["figure_kind"] == "target"
    assert figure["ticked"] is False
    assert figure["reason"] == "a target? year unclear"


def test_accept_all_stores_a_target_as_a_target(
    capsys: pytest.CaptureFixture[str], store_file: Path, tmp_path: Path
) -> None:
    path = tmp_path / "goal.txt"
    path.write_text(
        "Беларусь и Азербайджан намерены довести товарооборот до $1 млрд к 2025 году.\n",
        encoding="utf-8",
    )
    args = ["--store", str(store_file), "capture", str(path), "--country", "AZ"]
    assert main([*args, "--date", "2019-03-12", "--accept-all"]) == 0
    store = open_store(store_file)
    goal = [t for t in store.trade.list() if t.kind == "target"]
    store.close()
    assert len(goal) == 1
    assert (goal[0].kind, goal[0].period_start, goal[0].period_end) == (
        "target",
        "2025-01-01",
        "2025-12-31",
    )
    assert (goal[0].reporter, goal[0].partner) == ("BY", "AZ")


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        # Интерфакс: a company's name in quotation marks inside the post
        (
            "Накануне глава ОАО «Газпром» Алексей Миллер пообещал ограничить поставки.",
            "Алексей Миллер",
            "Глава ОАО «Газпром»",
        ),
        # РИА Новости
        (
            "Об этом рассказал руководитель РКК «Энергия» Николай Севастьянов.",
            "Николай Севастьянов",
            "Руководитель РКК «Энергия»",
        ),
        # БелТА: the post after a dash
        (
            "На форуме выступил Павел Пустовой - посол Беларуси в Азербайджане.",
            "Павел Пустовой",
            "Посол Беларуси в Азербайджане",
        ),
        # Trend
        (
            "Слово взял Латиф Гандилов — посол Азербайджана в Беларуси, сообщает агентство.",
            "Латиф Гандилов",
            "Посол Азербайджана в Беларуси",
        ),
        # Коммерсантъ: the head of a post is the first post word, a plural is not one
        (
            "Выступила спикер Палаты представителей Нэнси Пелоси.",
            "Нэнси Пелоси",
            "Спикер Палаты представителей",
        ),
        # ТАСС: abbreviated deputy minister
        (
            "Об этом заявил первый замминистра энергетики Белоруссии Эдуард Товпинец.",
            "Эдуард Товпинец",
            "Первый замминистра энергетики Белоруссии",
        ),
    ],
)
def test_posts_as_wires_write_them(text: str, name: str, post: str) -> None:
    found = officials(text)
    person = next(n for n in found if n.split()[-1][:4] == name.split()[-1][:4])
    assert found[person][0] == post


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Lenta.ru: a clause with a verb between the post word and the name
        (
            "Израильскому премьеру привиделся заговор Беньямин Нетаньяху отказался ехать.",
            "Беньямин Нетаньяху",
        ),
        # Газета.ru: "после" is not "о после"
        ("После поездки Дмитрий Медведев провел совещание.", "Дмитрий Медведев"),
        # Известия: "представителями Путина" are not Putin's post
        ("Новость опровергли официальные представители Владимира Путина.", "Владимир Путин"),
    ],
)
def test_words_near_a_name_that_are_not_its_post(text: str, name: str) -> None:
    assert officials(text)[name][0] is None


@pytest.mark.parametrize(
    "text",
    [
        # Reuters: no title beside the name, another spelling than the dossier's
        "Azerbaijan and Belarus discussed trade in Baku, and Mukhtar Babayev was there too.",
        # Trend (English): the name stands alone in a list
        "The meeting was attended by Mukhtar Babayev and officials of both countries.",
    ],
)
def test_english_names_the_dossier_knows_are_found_without_a_title(
    sample_store: Store, text: str
) -> None:
    from dossier.model import OFFICIAL

    dossier = sample_store.find_dossier("AZ")
    known = sample_store.officials.add(
        OFFICIAL.make(
            {
                "name": "Мухтар Бабаев",
                "name_latin": "Muxtar Babayev",
                "side": "host",
                "status": "current",
            },
            dossier_id=dossier.id,
        )
    )
    result = capture(text, published_on="2019-03-12")
    match_capture(sample_store, dossier.id, result)
    babayev = [o for o in result.officials if o.existing == known.id]
    assert len(babayev) == 1
    assert babayev[0].ticked
    before = sample_store.officials.count(dossier.id)
    accept(sample_store, dossier.id, result)
    assert sample_store.officials.count(dossier.id) == before  # updated, not duplicated


def test_initials_written_together_are_the_given_name_and_patronymic() -> None:
    from dossier.ingest.names import same_person

    assert same_person("С.В. Лавров", "Сергей Лавров")  # ТАСС
    assert same_person("И.Г. Алиев", "Ильхам Алиев")  # АзерТАдж
    assert not same_person("И.Г. Алиев", "Гейдар Алиев")  # the patronymic is not a name


def test_a_figure_whose_countries_are_unclear_is_never_stored_with_a_guess(
    sample_store: Store,
) -> None:
    dossier = sample_store.find_dossier("AZ")
    before = sample_store.trade.count(dossier.id)
    # Interfax: no country named beside the figure, another pair elsewhere.
    result = capture(
        "Товарооборот в 2018 году составил 200 млн долларов. Министр иностранных дел "
        "России Сергей Лавров прибыл в Анкару.",
        published_on="2019-03-12",
    )
    match_capture(sample_store, dossier.id, result)
    outcome = accept(sample_store, dossier.id, result, ["trade_figures:0"])
    assert outcome.skipped["trade_figures:0"].startswith("countries unclear")
    assert sample_store.trade.count(dossier.id) == before


# -- item 5: posts written after the name, as the wires and signatures write them --------
@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        # a press service's quote, attribution on its own line (Фонтанка)
        (
            "«Угрозы нет», — сообщили в ведомстве.\n"
            "— Ирина Волкова, заместитель начальника пресс-службы МЧС по Москве\n",
            "Ирина Волкова",
            "Заместитель начальника пресс-службы МЧС по Москве",
        ),
        # a list of guests with their countries in brackets (Lenta.ru)
        (
            "В форуме участвуют Ханс Мюллер - управляющий директор агентства Nord (Германия), "
            "и другие.",
            "Ханс Мюллер",
            "Управляющий директор агентства Nord",
        ),
        # an open letter signed with the name and the post on one line (РИА Новости)
        (
            "Желаю всем участникам успеха.\n\nАркадий Дворкович Председатель ФИДЕ\n",
            "Аркадий Дворкович",
            "Председатель ФИДЕ",
        ),
        # the signature's post on the next line (Коммерсантъ)
        (
            "Благодарим за сотрудничество.\n\nГерман Греф\nПрезидент Сбербанка\n",
            "Герман Греф",
            "Президент Сбербанка",
        ),
    ],
)
def test_a_post_after_the_name_is_read_to_its_end(text: str, name: str, post: str) -> None:
    found = officials(text)
    assert found[name][0] == post


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        # ТАСС: the organisation's abbreviation in brackets
        (
            "Генеральный секретарь Организации Договора о коллективной безопасности (ОДКБ) "
            "Имангали Тасмагамбетов прибыл в Ереван.",
            "Имангали Тасмагамбетов",
            "Генеральный секретарь Организации Договора о коллективной безопасности (ОДКБ)",
        ),
        # Интерфакс
        (
            "Председатель Центральной избирательной комиссии (ЦИК) Элла Памфилова подвела итоги.",
            "Элла Памфилова",
            "Председатель Центральной избирательной комиссии (ЦИК)",
        ),
    ],
)
def test_an_abbreviation_in_brackets_stays_in_the_post(text: str, name: str, post: str) -> None:
    assert officials(text)[name][0] == post


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # ТАСС: the president is the press secretary's, not his own post
        ("Об этом сообщил пресс-секретарь Путина Дмитрий Песков.", "Владимир Путин"),
        # Коммерсантъ
        ("Как заявил советник Обамы по Ближнему Востоку Роберт Малли, переговоры идут.", "Обама"),
        # РИА Новости: a premiere, not a premier
        ("В Москве прошла премьера спектакля Юрия Бутусова.", "Юрий Бутусов"),
        # Известия
        ("Вчера состоялась премьера фильма Андрея Звягинцева в Каннах.", "Андрей Звягинцев"),
    ],
)
def test_a_name_after_a_post_in_another_case_gets_no_post(text: str, name: str) -> None:
    found = officials(text)
    person = next(n for n in found if n.split()[-1][:4] == name.split()[-1][:4])
    assert found[person][0] is None


def test_the_post_of_the_name_after_a_genitive_name() -> None:
    found = officials("Об этом сообщил пресс-секретарь Путина Дмитрий Песков.")
    assert found["Дмитрий Песков"][0] == "Пресс-секретарь Путина"


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        # Интерфакс: the post in brackets after the name
        (
            "В переговорах участвовал Джейхун Байрамов (министр иностранных дел Азербайджана).",
            "Джейхун Байрамов",
            "Министр иностранных дел Азербайджана",
        ),
        # ТАСС: a verb of office before the post, which is put in the nominative
        (
            "Летом Николай Пацкевич был назначен послом Белоруссии в Азербайджане.",
            "Николай Пацкевич",
            "Посол Белоруссии в Азербайджане",
        ),
        # РИА Новости
        (
            "В 2018 году Али Асадов стал премьер-министром Азербайджана.",
            "Али Асадов",
            "Премьер-министр Азербайджана",
        ),
    ],
)
def test_a_post_in_brackets_or_after_a_verb_of_office(text: str, name: str, post: str) -> None:
    assert officials(text)[name][0] == post


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        # APA
        (
            "В 2012 году Али Асадов занял пост руководителя администрации президента Азербайджана.",
            "Али Асадов",
            "Руководитель администрации президента Азербайджана",
        ),
        # Интерфакс
        (
            "Вчера Алексей Оверчук был назначен на должность заместителя председателя "
            "правительства России.",
            "Алексей Оверчук",
            "Заместитель председателя правительства России",
        ),
    ],
)
def test_a_post_taken_up(text: str, name: str, post: str) -> None:
    assert officials(text)[name][0] == post


# -- issue 17, Russian posts (5 December evening): words before the post word --------
@pytest.mark.parametrize(
    ("text", "name", "post", "country"),
    [
        # Deutsche Welle: "федеральный" belongs to a German or Austrian post
        (
            "Федеральный министр транспорта Германии Вольфганг Тифензее объявил о программе.",
            "Вольфганг Тифензее",
            "Федеральный министр транспорта Германии",
            "DE",
        ),
        # РИА Новости
        (
            "С заявлением выступил федеральный канцлер Австрии Вернер Файман.",
            "Вернер Файман",
            "Федеральный канцлер Австрии",
            None,
        ),
        # Спорт-Экспресс: "главный тренер"
        (
            "Матч прокомментировал главный тренер сборной России Дик Адвокат.",
            "Дик Адвокат",
            "Главный тренер сборной России",
            "RU",
        ),
        # Интерфакс: "государственный секретарь"
        (
            "Об этом сообщил государственный секретарь США Майк Помпео.",
            "Майк Помпео",
            "Государственный секретарь США",
            "US",
        ),
        # Коммерсантъ, Lenta.ru: a country's adjective, whatever the country
        (
            "Встречу в Елисейском дворце провел французский президент Николя Саркози.",
            "Николя Саркози",
            "Французский президент",
            None,
        ),
        (
            "Заявление сделал итальянский премьер Сильвио Берлускони.",
            "Сильвио Берлускони",
            "Итальянский премьер",
            None,
        ),
    ],
)
def test_a_posts_adjectives_are_part_of_it(
    text: str, name: str, post: str, country: str | None
) -> None:
    assert officials(text)[name] == (post, country)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Хартия'97
        (
            "Судом Партизанского района экс-кандидат в президенты Беларуси "
            "Андрей Санников был приговорен к 5 годам.",
            "Андрей Санников",
        ),
        # УНИАН
        ("ЦИК зарегистрировал кандидата в президенты Украины Юлию Тимошенко.", "Юлия Тимошенко"),
        # Эхо Москвы
        ("Баллотирующийся в депутаты Мосгордумы Илья Яшин провел встречу.", "Илья Яшин"),
    ],
)
def test_an_office_sought_is_not_a_post(text: str, name: str) -> None:
    assert officials(text)[name] == (None, None)


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        # Интерфакс-Религия
        (
            "В церемонии участвовали председатель Совета муфтиев России шейх Равиль Гайнутдин.",
            "Равиль Гайнутдин",
            "Председатель Совета муфтиев России шейх",
        ),
        # Татар-информ
        (
            "Муфтий Татарстана шейх Камиль Самигуллин провел встречу.",
            "Камиль Самигуллин",
            "Муфтий Татарстана шейх",
        ),
        # Аль-Джазира (русская служба): the title alone is kept
        ("Проповедь прочел шейх Юсуф Кардави.", "Юсуф Кардави", "Шейх"),
    ],
)
def test_a_post_reaches_over_a_title_of_honour(text: str, name: str, post: str) -> None:
    assert officials(text)[name][0] == post
