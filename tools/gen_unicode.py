#!/usr/bin/env python3.11
"""gen_unicode.py — generate src/objects/unicodedata_db.h from python3.11's unicodedata
(Unicode 14.0.0): character type records (flags, case mappings, digit values, numeric
values, category, combining class), decompositions, canonical compositions and
character names, as two-level compressed tables.  Run: python3.11 tools/gen_unicode.py
"""
import sys
import unicodedata as ud

assert ud.unidata_version == "14.0.0", "needs python3.11's Unicode 14.0.0 database"
OUT = sys.argv[1] if len(sys.argv) > 1 else "src/objects/unicodedata_db.h"
NCHARS = 0x110000

# Flag bits (keep in sync with unicodectype.c).
ALPHA, DECIMAL, DIGIT, NUMERIC, SPACE, LINEBREAK, LOWER, UPPER, TITLE, CASED, \
    CASE_IGNORABLE, PRINTABLE, XID_START, XID_CONTINUE, EXTENDED_CASE = [1 << i for i in range(15)]

CATEGORIES = ["Cn", "Lu", "Ll", "Lt", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Zs", "Zl", "Zp", "Cc", "Cf",
              "Cs", "Co", "Lm", "Lo", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So"]
MID_LETTER = {0x3A, 0xB7, 0x387, 0x55F, 0x5F4, 0x2027, 0xFE13, 0xFE55, 0xFF1A,
              0x2E, 0x2018, 0x2019, 0x2024, 0xFE52, 0xFF07, 0xFF0E, 0x27}


def splitbins(t):
    """Compress table t into (t1, t2, shift) with t[i] == t2[(t1[i >> shift] << shift) + (i & mask)]."""
    best = None
    for shift in range(4, 12):
        size = 1 << shift
        blocks = {}
        t1, t2 = [], []
        for i in range(0, len(t), size):
            b = tuple(t[i:i + size])
            if b not in blocks:
                blocks[b] = len(t2) >> shift
                t2.extend(b)
            t1.append(blocks[b])
        cost = len(t1) * (1 if max(t1) < 256 else 2) + len(t2) * (1 if max(t2) < 256 else 2)
        if best is None or cost < best[0]:
            best = (cost, t1, t2, shift)
    return best[1], best[2], best[3]


def ctype(values):
    m = max(values) if values else 0
    return "uint8_t" if m < 256 else "uint16_t" if m < 65536 else "uint32_t"


def emit_array(out, name, values, typ=None, per_line=20):
    typ = typ or ctype(values)
    out.append(f"static const {typ} {name}[{len(values)}] = {{")
    for i in range(0, len(values), per_line):
        out.append("    " + ",".join(str(v) for v in values[i:i + per_line]) + ",")
    out.append("};")


# Name aliases (NameAliases.txt) and named sequences (NamedSequences.txt) are not
# enumerable through unicodedata, so they are read from the Unicode 14.0 files Perl 5.36
# ships, keeping only entries python3.11's unicodedata.lookup() resolves identically.
PERL_UNICORE = "/usr/share/perl/5.36.0/unicore"


def read_aliases_and_sequences(real_names):
    aliases, seqs = [], []
    with open(PERL_UNICORE + "/Name.pl") as f:
        text = f.read()
    body = text[text.index("return <<'END';\n") + 16:text.index("\nEND\n")]
    seen = set()
    for entry in body.strip("\n").split("\n\n"):
        code, name = entry.split("\n")
        if " " in code or name in real_names or name in seen:
            continue
        c = int(code, 16)
        try:
            ok = ud.lookup(name) == chr(c)
        except KeyError:
            ok = False
        if ok:
            aliases.append((c, name))
            seen.add(name)
    with open(PERL_UNICORE + "/NamedSequences.txt") as f:
        for line in f:
            line = line.split("#")[0].strip()
            if not line:
                continue
            name, cps = line.split(";")
            seq = [int(x, 16) for x in cps.split()]
            if ud.lookup(name) == "".join(map(chr, seq)):
                seqs.append((name, seq))
    return aliases, seqs


def fnv1a(name):
    h = 2166136261
    for ch in name.upper().encode("ascii"):
        h = ((h ^ ch) * 16777619) & 0xFFFFFFFF
    return h


def main():
    extended = []          # uint32 code points for multi-char mappings
    ext_index = {}

    def case_value(c, mapped):
        """Delta for a 1:1 mapping, else (len << 24) | index into extended, with flag."""
        if len(mapped) == 1:
            return ord(mapped) - c, False
        key = tuple(ord(x) for x in mapped)
        if key not in ext_index:
            ext_index[key] = len(extended)
            extended.extend(key)
        return (len(key) << 24) | ext_index[key], True

    numerics = [0.0]
    numeric_index = {}
    records = []
    record_index = {}
    type_table = []
    decomp_data = [0]
    decomp_table = []
    for c in range(NCHARS):
        ch = chr(c)
        cat = ud.category(ch)
        flags = 0
        if ch.isalpha(): flags |= ALPHA
        if ch.isdecimal(): flags |= DECIMAL
        if ch.isdigit(): flags |= DIGIT
        if ch.isnumeric(): flags |= NUMERIC
        if ch.isspace(): flags |= SPACE
        if len(("a" + ch + "a").splitlines()) > 1: flags |= LINEBREAK
        if ch.islower(): flags |= LOWER
        if ch.isupper(): flags |= UPPER
        if cat == "Lt": flags |= TITLE
        if ch.islower() or ch.isupper() or cat == "Lt": flags |= CASED
        if cat in ("Mn", "Me", "Cf", "Lm", "Sk") or c in MID_LETTER: flags |= CASE_IGNORABLE
        if ch.isprintable(): flags |= PRINTABLE
        if ch.isidentifier() and ch != "_": flags |= XID_START
        if ("a" + ch).isidentifier(): flags |= XID_CONTINUE
        maps = []
        ext = False
        for m in (ch.upper(), ch.lower(), ch.title(), ch.casefold()):
            v, e = case_value(c, m)
            maps.append(v)
            ext |= e
        if ext:
            # All four as extended entries so the reader needs one rule.
            maps = []
            for m in (ch.upper(), ch.lower(), ch.title(), ch.casefold()):
                key = tuple(ord(x) for x in m)
                if key not in ext_index:
                    ext_index[key] = len(extended)
                    extended.extend(key)
                maps.append((len(key) << 24) | ext_index[key])
            flags |= EXTENDED_CASE
        dec = ud.decimal(ch, -1)
        dig = ud.digit(ch, -1)
        num = ud.numeric(ch, None)
        if num is None:
            ni = 0
        else:
            if num not in numeric_index:
                numeric_index[num] = len(numerics)
                numerics.append(num)
            ni = numeric_index[num]
        rec = (flags, *maps, dec & 0xff, dig & 0xff, ni, CATEGORIES.index(cat), ud.combining(ch))
        if rec not in record_index:
            record_index[rec] = len(records)
            records.append(rec)
        type_table.append(record_index[rec])
        d = ud.decomposition(ch)
        if d:
            parts = d.split()
            compat = parts[0].startswith("<")
            if compat:
                parts = parts[1:]
            decomp_table.append(len(decomp_data))
            decomp_data.append((len(parts) << 1) | compat)
            decomp_data.extend(int(p, 16) for p in parts)
        else:
            decomp_table.append(0)

    # Canonical compositions: pairs (a, b) -> c that NFC actually composes.
    comps = []
    for c in range(NCHARS):
        d = ud.decomposition(chr(c))
        if d and not d.startswith("<"):
            parts = [int(p, 16) for p in d.split()]
            if len(parts) == 2 and ud.normalize("NFC", chr(parts[0]) + chr(parts[1])) == chr(c):
                comps.append((parts[0], parts[1], c))
    comps.sort()

    # Names: algorithmic ranges "PREFIX-XXXX" and Hangul are computed, the rest stored
    # as sequences of word indices.
    ranges = []
    named = []
    for c in range(NCHARS):
        n = ud.name(chr(c), None)
        if n is None:
            continue
        if 0xAC00 <= c <= 0xD7A3:
            continue
        suffix = "-%X" % c
        if n.endswith(suffix):
            prefix = n[:-len(suffix)]
            if ranges and ranges[-1][0] == prefix and ranges[-1][2] == c - 1:
                ranges[-1][2] = c
            else:
                ranges.append([prefix, c, c])
            continue
        named.append((c, n))
    nnames = len(named)
    aliases, named_seqs = read_aliases_and_sequences({n for _, n in named})
    named.extend(aliases)           # indices >= nnames: aliases (lookup only, never name())
    from collections import Counter
    words = Counter()
    for c, n in named:
        for w in n.replace("-", " - ").split(" "):
            words[w] += 1
    wordlist = [w for w, _ in words.most_common()]
    windex = {w: i for i, w in enumerate(wordlist)}
    # Each name: words coded as 1 byte (< 128) or 2 bytes (high bit set); hyphen glue implicit.
    name_bytes = []
    name_offsets = []
    name_codes = []
    for c, n in named:
        name_codes.append(c)
        name_offsets.append(len(name_bytes))
        toks = n.replace("-", " - ").split(" ")
        name_bytes.append(len(toks))
        for t in toks:
            i = windex[t]
            if i < 128:
                name_bytes.append(i)
            else:
                name_bytes.append(0x80 | (i >> 8))
                name_bytes.append(i & 0xff)
    word_chars = "".join(wordlist)
    word_offsets = []
    pos = 0
    for w in wordlist:
        word_offsets.append(pos)
        pos += len(w)
    word_offsets.append(pos)

    out = ["/* unicodedata_db.h — GENERATED by tools/gen_unicode.py from Unicode %s; do not edit. */"
           % ud.unidata_version, "#include <stdint.h>", ""]
    out.append("#define UDB_ALPHA %d" % ALPHA)
    for name, v in [("DECIMAL", DECIMAL), ("DIGIT", DIGIT), ("NUMERIC", NUMERIC), ("SPACE", SPACE),
                    ("LINEBREAK", LINEBREAK), ("LOWER", LOWER), ("UPPER", UPPER), ("TITLE", TITLE),
                    ("CASED", CASED), ("CASE_IGNORABLE", CASE_IGNORABLE), ("PRINTABLE", PRINTABLE),
                    ("XID_START", XID_START), ("XID_CONTINUE", XID_CONTINUE), ("EXTENDED_CASE", EXTENDED_CASE)]:
        out.append("#define UDB_%s %d" % (name, v))
    out.append("")
    out.append("typedef struct { uint16_t flags; int32_t upper, lower, title, fold; uint8_t decimal, digit;"
               " uint16_t numeric; uint8_t category, combining; } _PyUnicode_TypeRecord;")
    out.append("static const _PyUnicode_TypeRecord _PyUnicode_TypeRecords[%d] = {" % len(records))
    for r in records:
        out.append("    {%d,%d,%d,%d,%d,%d,%d,%d,%d,%d}," % r)
    out.append("};")
    t1, t2, shift = splitbins(type_table)
    out.append("#define UDB_TYPE_SHIFT %d" % shift)
    emit_array(out, "udb_type_index1", t1)
    emit_array(out, "udb_type_index2", t2)
    emit_array(out, "udb_extended_case", extended, "uint32_t")
    out.append("static const double udb_numeric_values[%d] = {" % len(numerics))
    for i in range(0, len(numerics), 8):
        out.append("    " + ",".join(repr(float(x)) for x in numerics[i:i + 8]) + ",")
    out.append("};")
    out.append("static const char *const udb_category_names[%d] = {%s};" % (
        len(CATEGORIES), ",".join('"%s"' % c for c in CATEGORIES)))
    d1, d2, dshift = splitbins(decomp_table)
    out.append("#define UDB_DECOMP_SHIFT %d" % dshift)
    emit_array(out, "udb_decomp_index1", d1)
    emit_array(out, "udb_decomp_index2", d2)
    emit_array(out, "udb_decomp_data", decomp_data, "uint32_t")
    out.append("#define UDB_NCOMPS %d" % len(comps))
    out.append("static const uint32_t udb_comps[%d][3] = {" % len(comps))
    for i in range(0, len(comps), 6):
        out.append("    " + ",".join("{%d,%d,%d}" % t for t in comps[i:i + 6]) + ",")
    out.append("};")
    out.append("#define UDB_NRANGES %d" % len(ranges))
    out.append("static const struct { const char *prefix; uint32_t first, last; } udb_name_ranges[%d] = {" % len(ranges))
    for p, a, b in ranges:
        out.append('    {"%s", %d, %d},' % (p, a, b))
    out.append("};")
    out.append("#define UDB_NWORDS %d" % len(wordlist))
    out.append("static const char udb_words[] =")
    for i in range(0, len(word_chars), 100):
        out.append('    "%s"' % word_chars[i:i + 100])
    out.append("    ;")
    emit_array(out, "udb_word_offsets", word_offsets, "uint32_t")
    out.append("#define UDB_NNAMES %d" % nnames)
    out.append("#define UDB_NALIASES %d" % (len(named) - nnames))
    # Open-addressing hash of every name and alias (FNV-1a of the upper-case name),
    # holding index + 1 (0 = empty); the C side probes linearly.
    size = 1
    while size < len(named) * 4 // 3:
        size *= 2
    table = [0] * size
    for i, (c, n) in enumerate(named):
        h = fnv1a(n) & (size - 1)
        while table[h]:
            h = (h + 1) & (size - 1)
        table[h] = i + 1
    out.append("#define UDB_NAME_HASH_SIZE %d" % size)
    emit_array(out, "udb_name_hash", table, "uint32_t")
    out.append("#define UDB_NSEQS %d" % len(named_seqs))
    out.append("static const struct { const char *name; uint8_t len; uint32_t seq[%d]; } "
               "udb_named_seqs[%d] = {" % (max(len(q) for _, q in named_seqs), len(named_seqs)))
    for n, q in named_seqs:
        out.append('    {"%s", %d, {%s}},' % (n, len(q), ",".join(str(x) for x in q)))
    out.append("};")
    emit_array(out, "udb_name_codes", name_codes, "uint32_t")
    emit_array(out, "udb_name_offsets", name_offsets, "uint32_t")
    emit_array(out, "udb_name_data", name_bytes, "uint8_t", 30)
    with open(OUT, "w") as f:
        f.write("\n".join(out) + "\n")
    print(f"{OUT}: {len(records)} type records, {nnames} names, {len(named) - nnames} aliases, "
          f"{len(named_seqs)} named sequences, {len(wordlist)} words, "
          f"{len(comps)} compositions", file=sys.stderr)


if __name__ == "__main__":
    main()
