import calendar
print(calendar.isleap(2024), calendar.leapdays(2000, 2025), calendar.weekday(2024, 7, 4), calendar.monthrange(2024, 2))
print(calendar.month(2024, 2))
print(calendar.calendar(2023, w=2, l=1, c=6, m=3)[:400])
print(calendar.monthcalendar(2024, 3))
print(list(calendar.day_name), list(calendar.month_abbr))
c = calendar.Calendar(firstweekday=6); print(list(c.iterweekdays()), list(c.itermonthdays2(2024, 2))[:8])
print(calendar.timegm((2024, 1, 1, 0, 0, 0)), calendar.HTMLCalendar().formatmonth(2024, 1).count("<td"))
print(calendar.TextCalendar(0).formatweekheader(3), calendar.MONDAY, calendar.SUNDAY)
try:
    calendar.monthrange(2024, 13)
except calendar.IllegalMonthError as e:
    print(e)
