import tokenize, io, token
src = "def f(a, b=2):\n    # comment\n    return a ** b  # tail\nx = f'{1}' + 'str' \\\n  + 0x1F\n"
for tok in tokenize.generate_tokens(io.StringIO(src).readline):
    print(token.tok_name[tok.type], repr(tok.string), tok.start, tok.end)
toks = list(tokenize.tokenize(io.BytesIO(b"a = 1\n").readline)); print(toks[0].string, len(toks), tokenize.untokenize(toks))
print(tokenize.detect_encoding(io.BytesIO(b"# -*- coding: latin-1 -*-\nx\n").readline))
try:
    list(tokenize.generate_tokens(io.StringIO("(\n").readline))
except tokenize.TokenError as e:
    print("TokenError", e)
print(token.ISTERMINAL(token.NAME), token.EXACT_TOKEN_TYPES["+="] == token.PLUSEQUAL)
