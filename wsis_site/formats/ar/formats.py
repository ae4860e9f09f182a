# Arabic as the UN writes it: "10 يونيو 2014", times on the 24-hour clock ("09:00", as in UN
# Arabic programmes), never Django's default "g:i A" whose ص/م turn time ranges around in
# right-to-left text. The Arabic comma between the date and the time.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "j F Y، H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
FIRST_DAY_OF_WEEK = 1
