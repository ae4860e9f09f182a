// wagtail-localize's React editor renders the PO-file upload as a visually hidden
// <input type="file"> that its "Upload PO file" button clicks, with no label: a screen reader
// announces an unnamed control, and a keyboard user tabs onto something invisible. The bundle
// offers no way to label it, so each time the editor (re)renders it, the input takes the
// button's words (already in the translator's language) as its name, and leaves the tab order
// to the button, which does the same thing visibly. (Wagtail loads admin scripts before the
// page's content: wait for it.)
document.addEventListener("DOMContentLoaded", () => {
    const editor = document.querySelector(".js-translation-editor");
    if (!editor) return;
    const nameUploadInputs = () => {
        for (const input of editor.querySelectorAll('input[type="file"]:not([aria-label])')) {
            const button = input.closest(".w-tabs__panel")?.querySelector("button");
            const words = button?.textContent.trim();
            if (!words) continue;
            input.setAttribute("aria-label", words);
            input.setAttribute("tabindex", "-1");
        }
    };
    new MutationObserver(nameUploadInputs).observe(editor, { childList: true, subtree: true });
    nameUploadInputs();
});
