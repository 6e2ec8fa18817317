"""The platforms' message limits, written once: the channels honour them, ``jetbot validate`` warns by them."""
from __future__ import annotations

LINE_MAX_MESSAGES = 5          # messages per reply
LINE_TEXT_UNITS = 5000         # UTF-16 code units per text message
LINE_QUICK_REPLIES = 13        # quick-reply items per message
LINE_LABEL = 20                # characters per quick-reply / button label
LINE_DISPLAY_TEXT = 300        # characters of a postback's display text
LINE_ALT_TEXT = 1500           # characters of a Flex message's altText
LINE_POSTBACK_DATA = 300       # characters of postback data

SLACK_SECTION = 3000           # characters per section block's text
SLACK_BLOCKS = 50              # blocks per message
SLACK_BUTTON_LABEL = 75        # characters per button label
SLACK_BUTTONS = 25             # elements per actions block
