// A "copy" button beside a read-only field. Without JavaScript the button stays hidden and the
// field can still be selected and copied by hand.
for (const button of document.querySelectorAll("[data-copy]")) {
    const field = document.getElementById(button.dataset.copy);
    if (!field) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
        field.select();
        try {
            await navigator.clipboard.writeText(field.value);
        } catch {
            document.execCommand("copy");
        }
        button.textContent = button.dataset.copied;
    });
}
