"""Several apps in one session (several %%app cells in one notebook)."""


def test_a_key_used_by_widgets_of_two_apps_in_one_session_is_flagged():
    from nbstate.run import App, Session

    session = Session()
    a = App("import nbstate as st\nst.slider('A', 0, 9, key='shared')", name="a", session=session)
    b = App("import nbstate as st\nst.slider('B', 0, 9, key='shared')", name="b", session=session)
    a.run()
    tree = b.run()
    warnings = [el.props["body"] for el in tree.walk() if el.type == "warning"]
    assert len(warnings) == 1 and '"shared"' in warnings[0] and '"a"' in warnings[0]
    own = App("import nbstate as st\nst.slider('C', 0, 9, key='mine')", name="c", session=session)
    assert not [el for el in own.run().walk() if el.type == "warning"]
