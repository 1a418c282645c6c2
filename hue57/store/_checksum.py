"""A table's content as one number: the rows' count and an order-free checksum, the same wherever the rows live.

The checksum is the sum, modulo 2^64, of the first 64 bits of each row's MD5 over its JSON text
(`to_json(row)`): a sum, not an XOR, so two equal rows do not cancel out; independent of row order, so a
table restored from Parquet compares equal to the table it was exported from. A backup's manifest keeps it
per table (`checksums`), and `backup verify` recomputes it on the restored copy.
"""

from __future__ import annotations

from collections.abc import Iterable

import duckdb

METHOD = "sum64(md5(to_json(row)))"


def table_checksums(con: duckdb.DuckDBPyConnection, tables: Iterable[str]) -> dict[str, str]:
    """{table: checksum as 16 hex digits} for `tables` (names from the catalogue, quoted here)."""
    sums = {}
    for name in tables:
        value = con.execute(
            f'SELECT coalesce(sum((\'0x\' || md5(to_json(t)::VARCHAR)[:16])::UBIGINT::HUGEINT) '  # noqa: S608 — catalogue name
            f'% 18446744073709551616, 0) FROM "{name}" t').fetchone()[0]
        sums[name] = f"{int(value):016x}"
    return sums
