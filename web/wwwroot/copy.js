// Copy buttons: <button data-copy="ID" data-copied="text"> copies the text of element ID and says so in
// the element marked data-copy-status="ID". One listener on the document, so pages that enhanced
// navigation brings in later work too. Without script the value is still there to select by hand.
document.addEventListener("click", async (event) => {
    const button = event.target.closest("[data-copy]");
    if (!button) {
        return;
    }
    const id = button.dataset.copy;
    const source = document.getElementById(id);
    const status = document.querySelector(`[data-copy-status="${id}"]`);
    if (!source) {
        return;
    }
    try {
        await navigator.clipboard.writeText(source.textContent.trim());
        if (status) {
            status.textContent = button.dataset.copied;
        }
    } catch {
        // No clipboard (an insecure origin, a refused permission): select the text for a manual copy.
        const range = document.createRange();
        range.selectNodeContents(source);
        window.getSelection().removeAllRanges();
        window.getSelection().addRange(range);
    }
});
