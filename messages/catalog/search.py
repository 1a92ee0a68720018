"""Inbox search."""

TEXTS = {
    "search.usage": {
        "ko": (
            "접수 번호나 찾을 낱말을 함께 적어 주세요. 띄어쓰기는 상관없어요.\n"
            "<code>/search SV-2026-000123</code>\n<code>/search 학습데이터 저작권</code>\n"
            "<code>/search 농지법</code>"
        ),
        "en": (
            "Add a receipt code or the words to find; spacing does not matter.\n"
            "<code>/search SV-2026-000123</code>\n<code>/search training data</code>\n"
            "<code>/search Cosmetics Act</code>"
        ),
    },
    "search.line": {
        "ko": "🔍 검색: <b>{text}</b> (↺ 필터 초기화로 해제)",
        "en": "🔍 Search: <b>{text}</b> (↺ Clear filters to end it)",
    },
    "command.search": {
        "ko": "접수함 검색 (번호·내용·법령)",
        "en": "Search the inbox (code, text, law)",
    },
}
