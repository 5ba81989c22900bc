// The budget ballot's running total: as the voter ticks projects, the sum and what is left of the budget are
// shown (and read out, aria-live). Only a help: the server adds the costs up again and refuses an over-budget
// ballot with the same two figures, so the page works the same without script.
(() => {
  const form = document.querySelector('[data-budget-ballot]');
  if (!form) return;
  const budget = Number(form.dataset.budget);
  const total = form.querySelector('[data-ballot-total]');
  const boxes = [...form.querySelectorAll('input[type=checkbox][data-cost]')];
  const lang = document.documentElement.lang || 'de';
  const euros = (cents) => new Intl.NumberFormat(lang, {
    minimumFractionDigits: cents % 100 === 0 ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(cents / 100) + ' €';
  const fill = (template, ...values) => template.replace(/\{(\d)\}/g, (_, i) => values[Number(i)]);

  const update = () => {
    const sum = boxes.filter((b) => b.checked).reduce((s, b) => s + Number(b.dataset.cost), 0);
    const over = sum > budget;
    total.textContent = over
      ? fill(form.dataset.over, euros(sum), euros(budget))
      : fill(form.dataset.within, euros(sum), euros(budget), euros(budget - sum));
    total.classList.toggle('ballot-total--over', over);
  };
  boxes.forEach((b) => b.addEventListener('change', update));
  total.hidden = false;
  update();
})();
