/** Client ids: lower-case letters, digits and dashes, 3–64 characters. */
export const API_CLIENT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,63}$/;
export const API_CLIENT_ID_EXAMPLE = 'hanoi-one-stop';
