"""The search bundle's canonical form: the same pages give the same bytes, whatever order Pagefind wrote."""

from __future__ import annotations

import gzip

from builder.publish.search import canonical_bundle, is_indexed


def pagefind_file(cbor: bytes) -> bytes:
    return gzip.compress(b"pagefind_dcd" + cbor, mtime=0)


# a filter "kind" with values briefing -> pages [4, 5] and person -> [7], in two orders
BRIEFING = b"\x82\x68briefing\x82\x04\x05"
PERSON = b"\x82\x66person\x81\x07"
FILTER_AB = b"\x82\x64kind\x82" + BRIEFING + PERSON
FILTER_BA = b"\x82\x64kind\x82" + PERSON + BRIEFING
META = b"\x86\x65" + b"1.5.2" + b"\x80\x80\x81\x82\x64kind\x6aen_1111111\x80\x80"


def bundle(filter_bytes: bytes, name: str) -> dict[str, bytes]:
    meta = META.replace(b"en_1111111", name.encode())
    return {
        f"pagefind/filter/{name}.pf_filter": pagefind_file(filter_bytes),
        "pagefind/pagefind.en_0123456789.pf_meta": pagefind_file(meta),
        "pagefind/pagefind-entry.json": b'{"languages":{"en":{"hash":"en_0123456789"}}}',
    }


def test_filter_values_in_any_order_give_the_same_bundle() -> None:
    first = canonical_bundle(bundle(FILTER_AB, "en_1111111"))
    second = canonical_bundle(bundle(FILTER_BA, "en_2222222"))
    assert first == second
    meta = next(name for name in first if name.endswith(".pf_meta"))
    assert (
        meta.removeprefix("pagefind/pagefind.").removesuffix(".pf_meta").encode()
        in first["pagefind/pagefind-entry.json"]
    )
    (filter_name,) = [name for name in first if name.endswith(".pf_filter")]
    stem = filter_name.removeprefix("pagefind/filter/").removesuffix(".pf_filter")
    assert stem.encode() in gzip.decompress(first[meta])  # the metadata names the renamed filter file


def test_a_bundle_it_cannot_read_is_left_as_it_is() -> None:
    odd = {"pagefind/filter/en_1.pf_filter": b"not gzip", "pagefind/pagefind-entry.json": b"{}"}
    assert canonical_bundle(odd) == odd


def test_only_pages_go_to_the_indexer() -> None:
    assert is_indexed("briefings/a/index.html") and is_indexed("404.html")
    assert not is_indexed("pagefind/x.html") and not is_indexed("feed.xml") and not is_indexed("static/search.js")
