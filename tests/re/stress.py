# Long subjects and deep backtracking run on the heap (no C recursion, no crash).
import re

n = 200000
print(len(re.match(r'(?:a|b)*', 'ab' * n).group()))
print(re.match(r'(a|b)*c', 'ab' * n + 'c').span(), re.match(r'(a|b)*c', 'ab' * n))
print(re.match(r'(?:(a)|b)*?c', 'ab' * n + 'c').groups())
print(len(re.findall(r'\w+', 'word ' * n)), len(re.split(r'\s', 'a b ' * n)))
print(re.search(r'(x+x+)+y', 'x' * 20), re.fullmatch(r'(?:a+)+', 'a' * 50000).span())
print(len(re.sub(r'a', 'bb', 'a' * n)), re.subn(r'(?<=a)', '-', 'aaa'))
print(re.match(r'(?:(?:(?:a)*)*)*b', 'a' * 1000 + 'b').span())
print(re.match(r'(?=(?:a|b)*c)', 'ab' * 1000 + 'c').span())
print(re.search(r'(\w+)\s+\1', 'x ' * 1000 + 'hello hello').group(1))
print(re.match(r'.*?(\d+)$', 'x' * 10000 + '123').group(1))
