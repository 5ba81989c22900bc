// The native share sheet (Web Share API) where the browser has one. The button stays hidden
// otherwise, and the plain share links beside it work without any script.
const button = document.querySelector("[data-share]");
if (button && typeof navigator.share === "function") {
    button.hidden = false;
    button.addEventListener("click", async () => {
        try {
            await navigator.share({ title: button.dataset.shareTitle, url: button.dataset.shareUrl });
        } catch (error) {
            // The person closed the share sheet: nothing to report.
            if (error.name !== "AbortError") throw error;
        }
    });
}
