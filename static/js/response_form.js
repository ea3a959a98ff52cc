/*
 * The response form: when the user responds for one of several organisations, the
 * solution select shows only the chosen organisation's solutions.
 *
 * Without JavaScript the select offers every organisation's solutions, one <optgroup> per
 * organisation (labelled with its name), and the server refuses a solution of another
 * organisation with a message at the field. This only narrows the list.
 */
(function () {
  'use strict';

  var selects = document.querySelectorAll('select[data-organisation-field]');
  Array.prototype.forEach.call(selects, function (solutions) {
    var organisation = document.getElementById(solutions.getAttribute('data-organisation-field'));
    if (!organisation) {
      return;
    }

    function chosenName() {
      var option = organisation.options[organisation.selectedIndex];
      return option ? option.text : '';
    }

    function narrow() {
      var name = chosenName();
      var groups = solutions.querySelectorAll('optgroup');
      Array.prototype.forEach.call(groups, function (group) {
        var other = group.label !== name;
        group.hidden = other;
        group.disabled = other;
      });
      var selected = solutions.options[solutions.selectedIndex];
      if (selected && selected.parentNode.tagName === 'OPTGROUP' && selected.parentNode.disabled) {
        solutions.value = '';
      }
    }

    organisation.addEventListener('change', narrow);
    narrow();
  });
})();
