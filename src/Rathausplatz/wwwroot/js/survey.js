// Conditional survey questions: a question marked data-condition="q-{id}:{option}" shows only while that
// option is chosen. Hidden questions get their fields disabled, so nothing of them is posted; the server
// ignores answers to questions whose condition is not met anyway, and without script all questions show
// with a note saying when to answer them.
const form = document.querySelector("[data-survey]");
if (form) {
    // Razor writes data- attributes even when empty: an empty one is a question without a condition.
    const conditional = [...form.querySelectorAll("[data-condition]:not([data-condition=''])")];
    const update = () => {
        // In document order: a condition always points to an earlier question, so its state is settled first.
        for (const question of conditional) {
            const [name, option] = question.dataset.condition.split(":");
            const met = [...form.querySelectorAll(`input[name="${name}"]`)].some(input => input.checked && !input.disabled && input.value === option);
            question.hidden = !met;
            for (const field of question.querySelectorAll("input, select, textarea")) field.disabled = !met;
        }
    };
    form.addEventListener("change", update);
    update();
}
