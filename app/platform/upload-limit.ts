/** Uploads are at most 10 MB; the browser checks it before sending, the server again on arrival. */
export const maxUploadBytes = 10 * 1024 * 1024;
