package org.shanhai.web.validation;

/**
 * One thing wrong with an input, pointing at the field it is about ({@code investmentPlan[1].date}),
 * with a stable code for programs and a message for people.
 */
public record Violation(String field, String code, String message) {
}
