"""Every Slack id the app uses, declared once: commands, actions, views, shortcuts."""

from __future__ import annotations

from enum import StrEnum


class Command(StrEnum):
    """Slash commands, as named in the manifest."""

    LEARNING = "/learning"
    RETRO = "/retro"


class Action(StrEnum):
    """action_id of interactive elements."""

    SET_LEVER = "learning_set_lever"


class Block(StrEnum):
    """block_id of blocks whose values are read back."""

    LEVER_MENU = "learning_lever_menu"


class PromptAction(StrEnum):
    """action_id of the reflection prompts' buttons and settings inputs."""

    ANSWER_ANONYMOUSLY = "prompt_answer_anonymously"
    START_WEEKLY = "prompt_start_weekly"
    OPEN_SETTINGS = "prompt_open_settings"
    CADENCE = "prompt_settings_cadence"
    DAY = "prompt_settings_day"
    TIME = "prompt_settings_time"
    CRON = "prompt_settings_cron"
    TIMEZONE = "prompt_settings_timezone"
    LEVER_MODE = "prompt_settings_lever_mode"
    LEVERS = "prompt_settings_levers"
    LANGUAGE = "prompt_settings_language"
    ENABLED = "prompt_settings_enabled"
    ANSWER_TEXT = "prompt_answer_text"


class PromptView(StrEnum):
    """callback_id of the reflection prompts' modals."""

    SETTINGS = "prompt_settings"
    ANONYMOUS_ANSWER = "prompt_anonymous_answer"


class PromptBlock(StrEnum):
    """block_id of the reflection prompts' modal inputs (errors are keyed by them)."""

    CADENCE = "prompt_settings_cadence"
    DAY = "prompt_settings_day"
    TIME = "prompt_settings_time"
    CRON = "prompt_settings_cron"
    TIMEZONE = "prompt_settings_timezone"
    LEVER_MODE = "prompt_settings_lever_mode"
    LEVERS = "prompt_settings_levers"
    LANGUAGE = "prompt_settings_language"
    ENABLED = "prompt_settings_enabled"
    ANSWER_TEXT = "prompt_answer_text"


class RetroAction(StrEnum):
    """action_id of `/retro` buttons. VOTE is a prefix: each item's button is `retro_vote.<id>`."""

    ADD_WENT_WELL = "retro_add_went_well"
    ADD_HARD = "retro_add_hard"
    ADD_LEARNED = "retro_add_learned"
    ADD_TRY_NEXT = "retro_add_try_next"
    VOTE = "retro_vote"
    ALL_ITEMS = "retro_all_items"
    MODAL_VOTE = "retro_modal_vote"
    MODAL_PREVIOUS = "retro_modal_previous"
    MODAL_NEXT = "retro_modal_next"
    CLOSE = "retro_close"
    ACTION_DONE = "retro_action_done"
    ACTION_NOT_YET = "retro_action_not_yet"
    ACTION_DROP = "retro_action_drop"
    FOLLOWUP_WORKED = "retro_followup_worked"
    FOLLOWUP_NOT_YET = "retro_followup_not_yet"
    ITEM_TEXT = "retro_item_text"
    ITEM_LEVER = "retro_item_lever"
    ITEM_ANONYMOUS = "retro_item_anonymous"
    OWNER = "retro_owner"
    DUE = "retro_due"


class RetroView(StrEnum):
    """callback_id of `/retro` modals."""

    ITEM = "retro_item"
    CLOSE = "retro_close"
    ITEMS = "retro_items"


class RetroBlock(StrEnum):
    """block_id of `/retro` modal inputs. OWNER and DUE are prefixes: `retro_owner.<item id>`."""

    ITEM_TEXT = "retro_item_text"
    ITEM_LEVER = "retro_item_lever"
    ITEM_ANONYMOUS = "retro_item_anonymous"
    OWNER = "retro_owner"
    DUE = "retro_due"


class OnboardingAction(StrEnum):
    """action_id of onboarding buttons and menus (inputs reuse their block_id)."""

    DONE = "onboarding_done"
    STOP = "onboarding_stop"
    FRESH_EYES = "onboarding_fresh_eyes"
    ADD_RESOURCE = "onboarding_add_resource"
    RESOURCE_MENU = "onboarding_resource_menu"
    OPEN_SETTINGS = "onboarding_open_settings"


class OnboardingView(StrEnum):
    """callback_id of onboarding modals."""

    RESOURCE = "onboarding_resource"
    SETTINGS = "onboarding_settings"
    FRESH_EYES = "onboarding_fresh_eyes"


class OnboardingBlock(StrEnum):
    """block_id of onboarding blocks; RESOURCE is a prefix followed by `:<resource id>`."""

    RESOURCE = "onboarding_resource"
    TITLE = "onboarding_title"
    URL = "onboarding_url"
    DESCRIPTION = "onboarding_description"
    LEVER = "onboarding_lever"
    DAY = "onboarding_day"
    AUDIENCE = "onboarding_audience"
    CHANNELS = "onboarding_channels"
    DAYS = "onboarding_days"
    SURPRISED = "onboarding_surprised"
    WISH = "onboarding_wish"
    ANONYMOUS = "onboarding_anonymous"


class HandoverAction(StrEnum):
    """action_id of handover buttons and menus."""

    ANSWER = "handover_answer"
    SUCCESSOR = "handover_successor"


class HandoverView(StrEnum):
    """callback_id of the handover debrief."""

    DEBRIEF = "handover_debrief"


class HandoverBlock(StrEnum):
    """block_id of the debrief's questions; SUCCESSOR is a prefix followed by `:<handover id>`."""

    ONLY_YOU = "handover_only_you"
    WHO_TO_ASK = "handover_who_to_ask"
    WHERE = "handover_where"
    DECISIONS = "handover_decisions"
    SUCCESSOR = "handover_successor"


class HomeAction(StrEnum):
    """action_id of App Home's buttons."""

    LOG_LEARNING = "home_log_learning"
    SEARCH = "home_search"
    USEFUL = "home_useful"
    SETTINGS = "home_settings"


class HomeView(StrEnum):
    """callback_id of the modals opened from App Home."""

    SEARCH = "home_search_modal"
    SETTINGS = "home_settings_modal"


class HomeBlock(StrEnum):
    """block_id (and action_id) of App Home's modal inputs."""

    QUERY = "home_search_query"
    LANGUAGE = "home_settings_language"
    TIMEZONE = "home_settings_timezone"
    DIGEST_CHANNEL = "home_settings_digest_channel"
    DIGEST_CADENCE = "home_settings_digest_cadence"
    ANONYMITY = "home_settings_anonymity"


class CheckinAction(StrEnum):
    """action_id of a check-in poll's buttons: one per step of the scale, and a comment."""

    LEVEL_1 = "checkin_level_1"
    LEVEL_2 = "checkin_level_2"
    LEVEL_3 = "checkin_level_3"
    LEVEL_4 = "checkin_level_4"
    COMMENT = "checkin_comment"


class CheckinView(StrEnum):
    """callback_id of the check-in comment modal."""

    COMMENT = "checkin_comment_modal"


class CheckinBlock(StrEnum):
    """block_id of a check-in poll's lever rows (suffixed `_<lever>`) and modal inputs."""

    LEVER = "checkin_lever"
    LEVEL = "checkin_modal_level"
    COMMENT = "checkin_modal_comment"


class LearningShortcut(StrEnum):
    """callback_id of the learning shortcuts."""

    SAVE_MESSAGE = "learning_save_message"


class LearningView(StrEnum):
    """callback_id of the learning modal (new, saved from a message, or edited)."""

    CAPTURE = "learning_capture"


class LearningField(StrEnum):
    """block_id, and action_id of its element, of each input of the learning modal."""

    TEXT = "learning_text"
    LEVER = "learning_lever"
    EXPECTED = "learning_aar_expected"
    HAPPENED = "learning_aar_happened"
    WHY = "learning_aar_why"
    NEXT = "learning_aar_next"
    TAGS = "learning_tags"
    SHARE = "learning_share"
    ANONYMOUS = "learning_anonymous"


class LearningAction(StrEnum):
    """action_id of the buttons on listed learnings and search results."""

    MORE = "learning_more"
    EDIT = "learning_edit"
    DELETE = "learning_delete"


class LearningBlock(StrEnum):
    """block_id prefixes of listed learnings: `learning_item.<id>`."""

    ITEM = "learning_item"
    MORE = "learning_more"


class MyDataAction(StrEnum):
    """action_id of the button under `/learning my-data`."""

    DELETE = "my_data_delete"


class MyDataBlock(StrEnum):
    """block_id (and action_id) of the retention field of App Home's settings modal."""

    RETENTION = "home_settings_retention"


# The largest row id we read back: nine digits stay within a 32-bit integer column.
_ROW_ID_DIGITS = 9


def row_id(text: str | None) -> int | None:
    """A database id we put in a button value or private_metadata, read back; None when it
    was tampered with (anything but ASCII digits, or too large for an id column)."""
    if text and len(text) <= _ROW_ID_DIGITS and text.isascii() and text.isdigit():
        return int(text)
    return None
