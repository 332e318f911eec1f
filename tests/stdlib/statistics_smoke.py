import statistics as st
from fractions import Fraction
data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(st.mean(data), st.fmean(data), st.median(data), st.median_low(data), st.median_high(data), st.mode(data))
print(st.stdev(data), st.pstdev(data), st.variance(data), st.pvariance(data))
print(st.geometric_mean([54, 24, 36]), st.harmonic_mean([40, 60]), st.multimode("aabbbbccddddeeffffgg"))
print(st.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9], n=4), st.median_grouped([1, 2, 2, 3, 4]))
print(st.mean([Fraction(1, 3), Fraction(2, 3)]), st.correlation([1, 2, 3], [1, 2, 4]), st.covariance([1, 2, 3], [3, 2, 1]))
print(st.linear_regression([1, 2, 3], [2, 4, 6.5]))
n = st.NormalDist(100, 15); print(n.cdf(115), n.inv_cdf(0.5), n.pdf(100), n + 5, round(n.overlap(st.NormalDist(110, 15)), 6))
try:
    st.mean([])
except st.StatisticsError as e:
    print(e)
