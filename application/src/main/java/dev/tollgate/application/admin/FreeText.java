package dev.tollgate.application.admin;

/**
 * Text an operator types (names, descriptions, usernames): any characters but the control characters, which no name
 * needs and of which U+0000 cannot even be stored (PostgreSQL refuses it in text).
 */
final class FreeText {

    private FreeText() {
    }

    /** One line, such as a name. */
    static boolean line(String text) {
        return text.chars().noneMatch(Character::isISOControl);
    }

    /** Several lines, such as a description: tabs and line breaks are fine. */
    static boolean lines(String text) {
        return text.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }
}
