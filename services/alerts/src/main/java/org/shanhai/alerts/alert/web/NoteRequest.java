package org.shanhai.alerts.alert.web;

/** What an officer sends with an acknowledgement (optional) or a resolution (required: say why). */
record NoteRequest(String note) {
}
