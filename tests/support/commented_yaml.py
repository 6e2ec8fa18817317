"""An intents file written the way admins write them: comments, mixed quoting, blank lines, own key order."""

COMMENTED_INTENTS = '''\
# The participants' numbers. Comments, quoting, key order and blank lines
# here must survive every edit made by /admin, the CLI or an import.

intents:
  - id: size            # the headline figure
    title: 参加者の規模
    title_en: Size
    examples:
      - JETの参加者数は
      - '何か国から来ていますか'
      - "How many people have joined JET?"   # English too

    # the answer is the fact, written once in knowledge/
    answer_en: "{fact:size}"
    answer: |-
      {fact:size}
    follow_ups: [casebook_count]
'''
