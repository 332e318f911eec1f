# Subjects of every width: bytes, bytearray, latin-1, BMP and astral str.
import re

print(re.findall(rb'[a-z]+', b'abc DEF ghi'), re.findall(rb'[a-z]+', bytearray(b'ab cd')))
print(re.search(rb'\xff+', b'a\xff\xffb').span(), re.sub(rb'b', b'X', bytearray(b'abc')))
m = re.search(rb'(b+)', bytearray(b'abbc'))
print(m.group(1), m.string, m.span())
print(re.findall('[é-ü]', 'aébüc'), re.findall('\u20ac+', 'x\u20ac\u20acy'))
s = 'a\U0001F600b\U0001F601c'
print(re.findall('[\U0001F600-\U0001F64F]', s), re.split('\U0001F600', s), len(s))
print(re.sub('[^a-c]', '?', s), re.search('b.c', s).span())
print(re.findall(r'\w', 'Ωmega ж'), re.match(r'(?i)ω', 'Ω').group())
print(re.findall('.', 'ab\u0100\U00010000'), re.findall(r'[\u0100-\uffff]', 'a\u0101\uffff\U00010000'))
print(re.match('(?i)[\U00010400]', '\U00010428'), re.match('(?i)\U00010400', '\U00010428'))
print(re.findall(r'[^\x00-\x7f]', 'añb€c'), re.findall(rb'[^\x00-\x7f]', 'añb'.encode()))
print(re.match(r'\d+', '١٢٣').group(), re.match(r'(?a)\d+', '١٢٣'))
big = 'x' * 1000 + '\u1234' + 'y' * 1000
print(re.search('\u1234y+', big).span(), re.search('x+\u1234', big).span())
