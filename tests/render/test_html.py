

def test_group_voice_is_shown_as_unnamed_with_its_role():
    from svidok.render.common import speaker_label

    assert speaker_label({"speaker_name": None, "speaker": None, "speaker_role": "Аналітики"}, {}) == "unnamed"
    assert speaker_label({"speaker_name": None, "speaker": None, "speaker_role": None}, {}) == "unknown speaker"
    assert speaker_label({"speaker_name": "Кирило Дмитрієв", "speaker": "e1", "speaker_role": None}, {}) == (
        "Кирило Дмитрієв"
    )
