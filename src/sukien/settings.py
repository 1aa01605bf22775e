"""Every tunable number of sukien, named, in one place; the modules import them from here.

Windows are counted in characters of an article's text, spans of time in days. A change here
changes outputs: re-run `python scripts/snapshot_outputs.py check` and the reference scores.
"""

from __future__ import annotations

# -- read: what one input may cost ---------------------------------------------------------------
MAX_FILE_BYTES = 512 * 1024 * 1024  # a larger file is refused with E106 before it is read
# What one item may decompress to: a file read whole (text, HTML, feed), one JSON Lines line, one
# WARC record's payload. Read in pieces up to this, so a compressed bomb costs this much memory at
# most; a larger item is refused with E110 and the batch goes on. The longest article of the corpus
# is 37 KB of text; pages with their markup stay well under a megabyte.
MAX_ITEM_BYTES = 32 * 1024 * 1024
READ_CHUNK_BYTES = 1 << 16  # decompressed bytes produced per step while streaming
# An article's cleaned text is cut here (warning E111): finding people and extracting events still
# cost time in the square of an article's mentions (a 10 MB line of dense news, cut here, takes
# seconds); the longest article of the corpus has 37,000 characters.
MAX_ARTICLE_CHARS = 100_000

# -- clean ---------------------------------------------------------------------------------------
HEADER_LINES = 15  # the title and date of a text dump sit within its first lines
TAIL_CHARS = 400  # only a body's end is searched for trailing credits: the patterns are anchored there
MIN_LEAD_CHARS = 30  # a shorter visible paragraph is no lead (sapo) of an HTML page
MAX_LEAD_CHARS = 1200  # a longer marked element is a container (the article), not its lead
MIN_HEADLINE_AGREEMENT = 0.5  # share of words an <h1> has in common with a metadata title to be the headline

# -- understand ----------------------------------------------------------------------------------
DATE_LEFT_WINDOW = 48  # characters before a date searched for what qualifies it ("giờ địa phương")
STORY_DAYS = 45  # a yearless day this near the full date before it continues that story
RANGE_AT_MOST_DAYS = 92  # a range without a year longer than this is not one ("1/3 - 1/2")
AHEAD_AT_MOST_DAYS = 270  # "28/12" in a January article is last December
BEHIND_AT_MOST_DAYS = 300  # "5/1" in a late-December article is next January
HEADLINE_LEAD_CHARS = 1200  # of the body read after a headline, for the full names of its short ones
YEAR_LEAD_CHARS = 400  # the lead of an undated story, where its own year is stated
BACKGROUND_CUE_WINDOW = 60  # characters before a year searched for "năm ngoái", "trước đó"...
ORG_SKIP_WORDS = 9  # words of an organisation's name skipped to reach the person after it
MEETING_NAME_WINDOW = 200  # characters after a meeting's head word that may hold its name
MEETING_TAIL_WINDOW = 30  # characters after a meeting searched for its year or number

# -- extract -------------------------------------------------------------------------------------
TITLE_LEAD_WINDOW = 14  # characters before a person read for "ông", "bà", "và", "cùng"
SUBJECT_LEAD_WINDOW = 25  # characters before a trigger or person read for what governs it
TRIGGER_LEAD_WINDOW = 30  # characters before a trigger read for a noun-phrase opening
COUNTRY_REFERENCE_REACH = 300  # "tới quốc gia này": how far back the country it refers to may stand
OWNER_REACH = 60  # "chuyến thăm ... của X": how far after the trigger X may stand
GROUP_OWNER_REACH = 40  # "Chuyến thăm Triều Tiên của nhóm ...": a group owns only a visit this close
BACKGROUND_DAYS = 120  # a journey that ended this long before the article's news is background
# An event that ended more than this many years before its article was published is history the
# article recalls ("năm 1930, ..."), not news: `Event.historical`, out of trips and default listings.
HISTORICAL_YEARS = 1

# -- link ----------------------------------------------------------------------------------------
MAX_GAP_DAYS = 2  # dated pieces of one journey with different destinations join within this gap
OPEN_VISIT_DAYS = 7  # an open-ended visit (start only) lasts at most this long when joining
OPEN_LEG_DAYS = 4  # one article's open-ended leg joins its next leg to another country this soon after
UNDATED_WINDOW_DAYS = 20  # an undated piece joins a trip this near its article's date
SPLIT_GAP_DAYS = 10  # dated pieces of one person this far apart are two journeys, however chained
MAX_TRIP_DAYS = 45  # no journey lasts longer: a longer chain of dated pieces is cut at its widest gaps

# -- store and search ----------------------------------------------------------------------------
SQLITE_BUSY_TIMEOUT_MS = 10_000
RAW_PAGE = 500  # raw inputs fetched per query while reprocessing
SEARCH_DEFAULT_LIMIT = 20
SEARCH_MAX_LIMIT = 200
MAX_QUERY_WORDS = 16  # a longer query is cut: each word is one more index lookup
MAX_SPELLINGS = 8  # "d"/"đ" spellings of one query word, at most
SNIPPET_TOKENS = 28
# BM25 costs a few microseconds per matching article: "hội đàm" matches 20,000 articles of the
# corpus. A query with more matches ranks the most recently stored of them only, which keeps p99
# under 50 ms; the result says so (`windowed`).
RANK_WINDOW = 2000
FACET_PAGE = 500  # article ids per look-up of their events for the search facets (SQLite's bound parameters)

# -- app: ingest and near-duplicates -------------------------------------------------------------
CHUNK = 32  # records sent to a worker at once
COMMIT_EVERY = 200  # articles per transaction
PROGRESS_SECONDS = 5.0  # between two progress lines when standard error is not a terminal
PARALLEL_FROM = 200  # fewer records than this are processed in the main process
IN_FLIGHT_PER_WORKER = 4  # chunks queued per worker: keeps workers busy and memory bounded
SHINGLE_WORDS = 5
NUM_PERM = 128
HEAD_SHINGLES = 40  # the opening indexed for truncated copies
MIN_SHINGLES = 10  # shorter texts are too short to call a copy
# Spark: partitions of the records per core of the cluster (defaultParallelism) when not given.
# Several per core, so a slow partition (long articles) does not leave the other cores idle at the end.
SPARK_PARTITIONS_PER_CORE = 3
# ... and at least one per this many bytes of input, about 1,000 articles of JSON Lines (3.4 KB each
# in the corpus): a larger input is more partitions, not larger ones (and the last round of a stage
# leaves a core idle for a shorter while: 3.5 MiB made local[2] 1.73x local[1] on the 80k corpus, 7 MiB
# 1.68x). The files' sizes say it before
# any is read (counting the records read them all once more, and waited on it before processing any);
# a .gz or .xz file counts as what it holds, about COMPRESSED_INPUT_RATIO times its size.
SPARK_INPUT_BYTES_PER_PARTITION = 7 * 2**19
COMPRESSED_INPUT_RATIO = 4
# ... and brought to the driver this many partitions at a time (about 70 MB of the driver's JVM).
SPARK_PARTITIONS_FETCHED = 4
# `sukien batch`: a log line of the first stage's progress this often (a batch may run for hours).
BATCH_PROGRESS_SECONDS = 30.0

# -- shells --------------------------------------------------------------------------------------
API_MAX_PENDING_WRITES = 8  # POSTs waiting for the writer beyond this are refused (503), not queued
API_MAX_BODY_BYTES = 2 * 1024 * 1024  # a POSTed article beyond this is refused (413) before it is read

# A page of at least this many links with at most this much text besides them lists other pages (a
# section's front page): no article (`clean.listing`, E113). A news page's lead alone is longer.
LISTING_MIN_LINKS = 20
LISTING_MAX_PROSE_CHARS = 400
