# Imaginary literals and the complex values they build.
print(1j, 1J, 2.5j, 0j, 1e3j, 1_0j, .5j)
print(1 + 2j, (1 + 2j) * (3 - 4j), abs(3 + 4j))
print(type(1j), (2j).imag, (2j).real)
