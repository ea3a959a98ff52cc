/*
 * Starts Det Fælles Designsystem (DKFDS) on every page.
 *
 * Loaded at the end of <body> after dist/dkfds.min.js, as an external script with the
 * page's CSP nonce. Pages work without it: the "no-js" class on <html> makes the
 * stylesheet show the navigation and the user area instead of the mobile drawer.
 *
 * DKFDS's built-in strings are Danish. On English pages (<html lang="en">) the
 * components that take strings get English ones, and the few strings DKFDS writes
 * into the page itself are replaced after start-up.
 */
(function () {
  'use strict';

  var root = document.documentElement;
  root.classList.remove('no-js');
  root.classList.add('js');

  if (typeof window.DKFDS === 'undefined') {
    return;
  }

  var english = (root.getAttribute('lang') || '').toLowerCase().indexOf('en') === 0;

  var STRINGS_EN = {
    accordion: { open_all: 'Open all', close_all: 'Close all' },
    characterLimit: {
      characters_remaining_one: 'You have {value} character left',
      characters_remaining_many: 'You have {value} characters left',
      characters_exceeded_one: 'You have {value} character too many',
      characters_exceeded_many: 'You have {value} characters too many'
    },
    more: 'More'
  };

  DKFDS.init();

  if (!english) {
    return;
  }

  // Accordions with an "open all" button: re-initialise with English strings.
  if (DKFDS.Accordion) {
    var accordions = document.querySelectorAll('.accordion, .accordion-bordered');
    for (var a = 0; a < accordions.length; a++) {
      if (accordions[a].parentNode && accordions[a].parentNode.querySelector('.accordion-bulk-button')) {
        new DKFDS.Accordion(accordions[a], STRINGS_EN.accordion).init();
      }
    }
  }

  // Text fields with a character limit.
  if (DKFDS.CharacterLimit) {
    var limits = document.querySelectorAll('.form-limit');
    for (var c = 0; c < limits.length; c++) {
      new DKFDS.CharacterLimit(limits[c], STRINGS_EN.characterLimit).init();
    }
  }

  // Date pickers.
  if (DKFDS.datePicker && typeof DKFDS.datePicker.setLanguage === 'function') {
    DKFDS.datePicker.setLanguage({
      open_calendar: 'Open calendar',
      choose_a_date: 'Choose a date',
      choose_a_date_between: 'Choose a date between {minDay}. {minMonthStr} {minYear} and {maxDay}. {maxMonthStr} {maxYear}',
      choose_a_date_before: 'Choose a date. You can choose up to {maxDay}. {maxMonthStr} {maxYear}.',
      choose_a_date_after: 'Choose a date. You can choose from {minDay}. {minMonthStr} {minYear}.',
      aria_label_date: '{dayStr} the {day}. {monthStr} {year}',
      current_month_displayed: 'Showing {monthStr} {year}',
      first_possible_date: 'First possible date',
      last_possible_date: 'Last possible date',
      previous_year: 'Go one year back',
      previous_month: 'Go one month back',
      next_month: 'Go one month forward',
      next_year: 'Go one year forward',
      select_month: 'Choose month',
      select_year: 'Choose year',
      previous_years: 'Go back {years} years',
      next_years: 'Go forward {years} years',
      guide: 'Use the arrow keys to move between dates. Page Up and Page Down change the month, Shift + Page Up and Shift + Page Down change the year. Home and End go to the start or end of a week.',
      months_displayed: 'Choose a month',
      years_displayed: 'Showing years {start} to {end}. Choose a year.',
      january: 'January',
      february: 'February',
      march: 'March',
      april: 'April',
      may: 'May',
      june: 'June',
      july: 'July',
      august: 'August',
      september: 'September',
      october: 'October',
      november: 'November',
      december: 'December',
      monday: 'Monday',
      tuesday: 'Tuesday',
      wednesday: 'Wednesday',
      thursday: 'Thursday',
      friday: 'Friday',
      saturday: 'Saturday',
      sunday: 'Sunday'
    });
  }

  // The "more" item DKFDS adds to a main menu that does not fit on one line.
  var more = document.querySelectorAll('.navigation-menu .more-button > span');
  for (var m = 0; m < more.length; m++) {
    more[m].textContent = STRINGS_EN.more;
  }
})();
