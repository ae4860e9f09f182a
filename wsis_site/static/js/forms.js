// After a failed submission the error summary takes the focus, so that a screen reader reads it
// first and a keyboard starts from it; each of its links moves the focus to its field.
document.addEventListener("DOMContentLoaded", () => {
    const summary = document.querySelector("[data-error-summary]");
    if (!summary) {
        return;
    }
    summary.focus();
    summary.addEventListener("click", (event) => {
        const link = event.target.closest("a[href^='#']");
        const field = link && document.getElementById(link.getAttribute("href").slice(1));
        if (!field) {
            return;
        }
        event.preventDefault();
        field.focus();
        field.scrollIntoView({ block: "center" });
    });
});
