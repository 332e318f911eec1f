# Escape sequences in str literals: simple, octal, hex, unicode, named.
print(repr('\a\b\f\n\r\t\v\\\'\"\0'))
print('\x41\x62\101\141\7\77\177', repr('\x00\x7f\x80\xff'))
print('\u00e9\u20ac', '\U0001F600' == chr(0x1F600), len('\U0001F600'))
print('\N{LATIN SMALL LETTER E WITH ACUTE}', '\N{GREEK SMALL LETTER PI}', '\N{EM DASH}')
print('line\
continued')
print(repr('tab\there'), ascii('café ☕'))
print(ord('\n'), ord('\t'), ord('\177'), ord('\u1234'))
