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
      character_remaining: 'You have {value} character left',
      characters_remaining: 'You have {value} characters left',
      character_too_many: 'You have {value} character too many',
      characters_too_many: 'You have {value} characters too many'
    },
    datePicker: {
      open_calendar: 'Open calendar',
      choose_a_date: 'Choose a date',
      choose_a_date_between: 'Choose a date between {minDay} {minMonthStr} {minYear} and {maxDay} {maxMonthStr} {maxYear}',
      choose_a_date_before: 'Choose a date. You can choose up to {maxDay} {maxMonthStr} {maxYear}.',
      choose_a_date_after: 'Choose a date. You can choose from {minDay} {minMonthStr} {minYear} onwards.',
      aria_label_date: '{dayStr} {day} {monthStr} {year}',
      current_month_displayed: 'Showing {monthLabel} {focusedYear}',
      first_possible_date: 'First possible date',
      last_possible_date: 'Last possible date',
      previous_year: 'Go back one year',
      previous_month: 'Go back one month',
      next_month: 'Go forward one month',
      next_year: 'Go forward one year',
      select_month: 'Choose month',
      select_year: 'Choose year',
      previous_years: 'Go back {years} years',
      next_years: 'Go forward {years} years',
      guide: 'With a keyboard, the left and right arrow keys change the day, the up and down arrow keys change the week, Page Up and Page Down change the month, and Shift with Page Up or Page Down changes the year. Home and End go to the start or end of a week.',
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
    },
    more: 'More'
  };

  if (english) {
    // DKFDS.init() creates the components itself, so the English strings are put in
    // place before it runs: accordions read this.text in init(), character limits
    // read it whenever they count, and the date picker has setLanguage().
    if (DKFDS.Accordion) {
      var accordionInit = DKFDS.Accordion.prototype.init;
      DKFDS.Accordion.prototype.init = function () {
        this.text = STRINGS_EN.accordion;
        return accordionInit.apply(this, arguments);
      };
    }
    if (DKFDS.CharacterLimit) {
      var charactersLeft = DKFDS.CharacterLimit.prototype.charactersLeft;
      DKFDS.CharacterLimit.prototype.charactersLeft = function () {
        this.text = STRINGS_EN.characterLimit;
        return charactersLeft.apply(this, arguments);
      };
    }
    if (DKFDS.datePicker && typeof DKFDS.datePicker.setLanguage === 'function') {
      DKFDS.datePicker.setLanguage(STRINGS_EN.datePicker);
    }
  }

  DKFDS.init();

  if (english) {
    // The "more" item DKFDS adds to a main menu that does not fit on one line.
    var more = document.querySelectorAll('.navigation-menu .more-button > span');
    for (var m = 0; m < more.length; m++) {
      more[m].textContent = STRINGS_EN.more;
    }
  }
})();
