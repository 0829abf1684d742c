import clauses


def test_shortcuts_are_the_stage_functions():
    from clauses.classify import classify_agreement
    from clauses.pipeline import analyze

    assert clauses.analyze is analyze
    assert clauses.classify_agreement is classify_agreement
    for name in clauses.__all__:
        assert callable(getattr(clauses, name)), name


def test_unknown_attribute_is_an_attribute_error():
    try:
        clauses.no_such_thing  # noqa: B018
    except AttributeError as error:
        assert "no_such_thing" in str(error)
    else:
        raise AssertionError("expected AttributeError")
