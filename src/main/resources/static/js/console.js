// Console behaviour that needs script: the CSRF header for htmx requests and copying a new API key.
document.addEventListener("htmx:configRequest", (event) => {
    const header = document.querySelector('meta[name="_csrf_header"]');
    const token = document.querySelector('meta[name="_csrf"]');
    if (header && token) {
        event.detail.headers[header.content] = token.content;
    }
});

document.addEventListener("click", (event) => {
    const button = event.target.closest("button.copy[data-copy]");
    if (button && navigator.clipboard) {
        navigator.clipboard.writeText(button.dataset.copy).then(() => button.classList.add("done"));
    }
});
