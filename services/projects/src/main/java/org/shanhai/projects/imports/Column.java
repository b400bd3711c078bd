package org.shanhai.projects.imports;

import java.util.List;
import java.util.Map;

/**
 * A column an import file may have: named in its header row by the API's JSON field name or by its
 * Chinese label, either way ignoring case and spaces.
 *
 * @param field the API's JSON field name, which the validation's violations name too
 * @param label the Chinese label the templates use
 * @param choices for a {@link Type#CHOICE} column, each allowed value (the API's name) with its Chinese label
 * @param help what goes in it, for the templates' explanation sheet
 */
public record Column(String field, String label, Type type, boolean required, Map<String, String> choices,
    String help) {

  /** How a cell of the column is read. */
  public enum Type {
    TEXT, DATE, AMOUNT, INTEGER, CHOICE, COUNTY
  }

  static Column text(String field, String label, boolean required, String help) {
    return new Column(field, label, Type.TEXT, required, Map.of(), help);
  }

  static Column of(String field, String label, Type type, boolean required, String help) {
    return new Column(field, label, type, required, Map.of(), help);
  }

  static Column choice(String field, String label, boolean required, Map<String, String> choices, String help) {
    return new Column(field, label, Type.CHOICE, required, choices, help);
  }

  /** The Chinese labels of the allowed values, in order, for a template's drop-down list. */
  public List<String> choiceLabels() {
    return List.copyOf(choices.values());
  }
}
