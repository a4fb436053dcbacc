// The job dashboard writes its dates with moment.js in the language of its page, "en", which moment reads as American
// English (12/4/2026 2:05:00 PM). Octans writes British dates everywhere: the day first and the 24-hour clock.
moment.updateLocale("en", {
    longDateFormat: {
        LT: "HH:mm",
        LTS: "HH:mm:ss",
        L: "DD/MM/YYYY",
        LL: "D MMMM YYYY",
        LLL: "D MMMM YYYY HH:mm",
        LLLL: "dddd D MMMM YYYY HH:mm"
    },
    week: { dow: 1, doy: 4 }
});
